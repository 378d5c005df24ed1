using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Adas.Data;
using Adas.Data.Entities;
using Adas.Data.Models;
using Adas.Tests.Api.Infrastructure;
using Adas.Tests.Infrastructure;

namespace Adas.Tests.Api.Models;

[Collection(ApiCollection.Name)]
public sealed class ModelRegistryTests(ApiFactory api)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Random_bytes_named_onnx_are_rejected_as_not_an_onnx_model()
    {
        var (_, admin) = await api.SignInAsync(UserRole.Admin);
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);

        var response = await UploadAsync(admin, bytes, "random.onnx", "object_detection", "junk-1");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("not a loadable ONNX model", body);
        // ONNX Runtime's own text (with server paths) stays on the server.
        Assert.DoesNotContain(api.DataDirectory, body);
        Assert.DoesNotContain("onnxruntime", body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("file", body, StringComparison.OrdinalIgnoreCase);
        var folder = Path.Combine(new DataPaths(api.DataDirectory).Models, "object_detection");
        Assert.True(!Directory.Exists(folder) || !Directory.EnumerateFiles(folder).Any(), "the rejected upload was left on disk");
    }

    [Fact]
    public async Task A_model_with_the_wrong_shapes_for_its_task_is_rejected_with_the_expected_and_actual_shapes()
    {
        var (_, admin) = await api.SignInAsync(UserRole.Admin);

        var response = await UploadAsync(admin, await File.ReadAllBytesAsync(TestPaths.Asset("models/yolox_nano.onnx"), Ct),
            "yolox_nano.onnx", "sign_classification", "wrong-1");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("sign_classification expects", body);
        Assert.Contains("[1,3,416,416]", body);
    }

    [Fact]
    public async Task A_valid_model_is_registered_and_activating_it_makes_it_the_one_active_version_of_its_task()
    {
        var (_, admin) = await api.SignInAsync(UserRole.Admin);
        var gtsrb = await File.ReadAllBytesAsync(TestPaths.Asset("models/gtsrb_cnn_30x30.onnx"), Ct);

        var first = await ReadAsync(await UploadAsync(admin, gtsrb, "gtsrb.onnx", "sign_classification", "1.0.0"), HttpStatusCode.Created);
        var second = await ReadAsync(await UploadAsync(admin, gtsrb, "gtsrb.onnx", "sign_classification", "1.1.0"), HttpStatusCode.Created);
        Assert.Equal("sign_classification", first["task"]!.GetValue<string>());
        Assert.False(first["isActive"]!.GetValue<bool>());
        Assert.Contains("30,30,3", first["inputShape"]!.GetValue<string>());

        await ReadAsync(await admin.PostAsync($"/api/models/{first["id"]}/activate", null, Ct), HttpStatusCode.OK);
        await ReadAsync(await admin.PostAsync($"/api/models/{second["id"]}/activate", null, Ct), HttpStatusCode.OK);

        var active = await admin.GetFromJsonAsync<JsonObject>("/api/models?task=sign_classification&isActive=true", ApiFactory.Json, Ct);
        var ids = active!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()).ToList();
        Assert.Equal([second["id"]!.GetValue<Guid>()], ids);
        var all = await api.WithDbAsync(db => db.ActiveModelsAsync(new DataPaths(api.DataDirectory), Ct));
        var path = all[ModelTask.SignClassification];
        Assert.NotNull(path);
        Assert.True(File.Exists(path), path);
        Assert.Equal(gtsrb.Length, new FileInfo(path).Length);

        var duplicate = await UploadAsync(admin, gtsrb, "gtsrb.onnx", "sign_classification", "1.1.0");
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
    }

    [Fact]
    public async Task Only_admins_upload_models_and_a_missing_task_is_a_400_naming_the_field()
    {
        var fleet = await api.CreateFleetAsync();
        var (_, manager) = await api.SignInAsync(UserRole.Manager, fleet.Id);
        var (_, admin) = await api.SignInAsync(UserRole.Admin);
        var bytes = await File.ReadAllBytesAsync(TestPaths.Asset("models/face_detection_yunet.onnx"), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(manager, bytes, "yunet.onnx", "face_detection", "m-1")).StatusCode);
        var noTask = await UploadAsync(admin, bytes, "yunet.onnx", null, "m-2");
        Assert.Equal(HttpStatusCode.BadRequest, noTask.StatusCode);
        Assert.Contains("task", await noTask.Content.ReadAsStringAsync(Ct));
        var badTask = await UploadAsync(admin, bytes, "yunet.onnx", "lane_detection", "m-3");
        Assert.Equal(HttpStatusCode.BadRequest, badTask.StatusCode);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string fileName, string? task, string version)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        if (task is not null) form.Add(new StringContent(task), "task");
        form.Add(new StringContent(version), "version");
        return await client.PostAsync("/api/models", form, Ct);
    }

    private static async Task<JsonObject> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(expected == response.StatusCode, $"expected {expected}, got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }
}
