using System.Net;
using System.Net.Http.Headers;
using Adas.Data.Entities;
using Adas.Tests.Api.Infrastructure;
using Adas.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Adas.Tests.Api.Models;

/// <summary>Models the worker cannot run are refused at upload with what the worker needs; the documented size cap applies.</summary>
[Collection(ApiCollection.Name)]
public sealed class ModelCompatibilityTests(ApiFactory api)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string> Unrunnable => new()
    {
        { "facemesh_as_landmarks", "face_landmarks", "PFLD 68-point" },
        { "detector_20_classes", "object_detection", "exactly 80 classes" },
        { "sign_classifier_nchw", "sign_classification", "[N,30,30,3]" },
        { "sign_classifier_64x64", "sign_classification", "[N,30,30,3]" },
    };

    [Theory]
    [MemberData(nameof(Unrunnable))]
    public async Task A_model_the_worker_cannot_run_is_refused_saying_what_it_needs(string kind, string task, string needs)
    {
        var (_, admin) = await api.SignInAsync(UserRole.Admin);
        var bytes = kind switch
        {
            "facemesh_as_landmarks" => await File.ReadAllBytesAsync(TestPaths.Asset("models/mediapipe_face_landmark.onnx"), Ct),
            "detector_20_classes" => TinyOnnx.Model("images", [1, 3, 416, 416], "output", [1, 3549, 25]),
            "sign_classifier_nchw" => TinyOnnx.Model("input", [1, 3, 30, 30], "scores", [1, 43]),
            _ => TinyOnnx.Model("input", [1, 64, 64, 3], "scores", [1, 43]),
        };

        using var response = await UploadAsync(admin, bytes, $"{kind}.onnx", task, $"{kind}-1");

        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        Assert.Contains("The worker cannot run this", body);
        Assert.Contains(needs, body);
        Assert.False(await api.WithDbAsync(db => db.ModelVersions.AnyAsync(m => m.Version == $"{kind}-1", Ct)));
    }

    [Fact]
    public async Task A_runnable_shape_is_still_accepted_so_the_refusals_are_about_the_shape()
    {
        var (_, admin) = await api.SignInAsync(UserRole.Admin);

        using var response = await UploadAsync(admin, TinyOnnx.Model("input", [1, 30, 30, 3], "scores", [1, 43]), "tiny.onnx",
            "sign_classification", "tiny-nhwc-30");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task The_model_upload_cap_is_the_documented_512_mib_not_kestrels_30_mb()
    {
        await using var kestrel = api.WithWebHostBuilder(_ => { });
        kestrel.UseKestrel(0);
        kestrel.StartServer();
        var user = await api.CreateUserAsync(UserRole.Admin);
        using var admin = kestrel.CreateClient();
        var login = await admin.PostAsync("/api/auth/login", new StringContent(
            $"{{\"email\":\"{user.Email}\",\"password\":\"{user.Password}\"}}", System.Text.Encoding.UTF8, "application/json"), Ct);
        var token = System.Text.Json.Nodes.JsonNode.Parse(await login.Content.ReadAsStringAsync(Ct))!["accessToken"]!.GetValue<string>();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var bytes = new byte[40 * 1024 * 1024];
        new Random(3).NextBytes(bytes);

        using var response = await UploadAsync(admin, bytes, "big.onnx", "object_detection", "big-1");

        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {body}");
        Assert.Contains("not a loadable ONNX model", body);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string fileName, string task, string version)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(task), "task");
        form.Add(new StringContent(version), "version");
        return await client.PostAsync("/api/models", form, Ct);
    }
}
