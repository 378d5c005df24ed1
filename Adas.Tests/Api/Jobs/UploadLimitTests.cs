extern alias api;

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Adas.Data.Entities;
using Adas.Tests.Api.Infrastructure;
using Adas.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Adas.Tests.Api.Jobs;

/// <summary>
/// Uploads are bounded per user (jobs per hour, bytes stored) and the multipart body as a whole is checked. Against a real
/// redis-server: while the queue is unreachable the API answers 503 before reading any upload.
/// </summary>
[Collection(RedisApiCollection.Name)]
public sealed class UploadLimitTests(RedisApiFixture redis)
{
    private readonly ApiFactory api = redis.Api;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_body_that_is_not_multipart_gets_a_415_problem()
    {
        var (_, client) = await api.SignInAsync(UserRole.Admin);

        using var response = await client.PostAsync("/api/jobs", new StringContent("{}", Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_user_over_the_jobs_per_hour_quota_gets_429_with_retry_after()
    {
        await using var limited = api.WithWebHostBuilder(b => b.UseSetting("Uploads:JobsPerHourPerUser", "2"));
        var fleet = await api.CreateFleetAsync();
        var driver = await api.CreateUserAsync(UserRole.Driver, fleet.Id);
        await api.CreateJobAsync(driver.Id);
        await api.CreateJobAsync(driver.Id);
        using var client = await ClientFor(limited, driver);

        using var response = await client.SendAsync(Upload(TestPaths.Asset("media/dashcam/highway_lanes_960x540.mp4")), Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.InRange(response.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromMinutes(55), TimeSpan.FromMinutes(61));
        Assert.Equal(2, await api.WithDbAsync(db => db.VideoJobs.CountAsync(j => j.OwnerId == driver.Id, Ct)));
    }

    [Fact]
    public async Task A_user_whose_videos_fill_the_storage_quota_gets_413_before_and_after_the_body_is_read()
    {
        await using var limited = api.WithWebHostBuilder(b => b.UseSetting("Uploads:MaxStoredBytesPerUser", "5000"));
        var fleet = await api.CreateFleetAsync();
        var driver = await api.CreateUserAsync(UserRole.Driver, fleet.Id);
        await api.CreateJobAsync(driver.Id);
        using var client = await ClientFor(limited, driver);

        using var afterBody = await client.SendAsync(Upload(TestPaths.Asset("media/dashcam/highway_lanes_960x540.mp4")), Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, afterBody.StatusCode);
        Assert.Contains("quota", await afterBody.Content.ReadAsStringAsync(Ct), StringComparison.OrdinalIgnoreCase);

        for (var i = 0; i < 4; i++) await api.CreateJobAsync(driver.Id);
        using var beforeBody = await client.SendAsync(Upload(TestPaths.Asset("media/dashcam/highway_lanes_960x540.mp4")), Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, beforeBody.StatusCode);
        Assert.Equal(5, await api.WithDbAsync(db => db.VideoJobs.CountAsync(j => j.OwnerId == driver.Id, Ct)));
    }

    [Fact]
    public async Task The_body_limit_counts_the_whole_multipart_body_not_only_the_file()
    {
        await using var limited = api.WithWebHostBuilder(b => b.UseSetting("Uploads:MaxBytes", "1000"));
        var (_, client) = await SignedInDriverAsync(limited);
        const string boundary = "limit-boundary";
        var padding = new string('x', 14 * 1024);
        var fields = string.Concat(Enumerable.Range(1, 15).Select(i =>
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"f{i}\"\r\nX-Padding: {padding}\r\n\r\nv\r\n"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/jobs")
        {
            Content = new StreamContent(new NonSeekable(Encoding.ASCII.GetBytes($"{fields}--{boundary}--\r\n"))),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");
        request.Headers.TransferEncodingChunked = true;

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_malformed_multipart_body_is_a_400_problem_not_a_server_error()
    {
        var (_, client) = await SignedInDriverAsync(api);
        const string boundary = "malformed-boundary";
        var body = $"{new string('x', 64 * 1024)}\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"videoType\"\r\n\r\ndashcam\r\n--{boundary}--\r\n";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/jobs") { Content = new ByteArrayContent(Encoding.ASCII.GetBytes(body)) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("no_disposition")]
    [InlineData("repeated_field")]
    public async Task Parts_without_a_content_disposition_and_repeated_fields_are_refused(string kind)
    {
        var (_, client) = await SignedInDriverAsync(api);
        const string boundary = "strict-boundary";
        var parts = kind == "no_disposition"
            ? $"--{boundary}\r\nContent-Type: text/plain\r\n\r\nanonymous part\r\n"
            : $"--{boundary}\r\nContent-Disposition: form-data; name=\"videoType\"\r\n\r\ndashcam\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"videoType\"\r\n\r\nin_cabin\r\n";
        var body = $"{parts}--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.mp4\"\r\nContent-Type: video/mp4\r\n\r\n"
            + "\0\0\0\u0018ftypmp42\0\0\0\0mp42isom\r\n"
            + $"--{boundary}--\r\n";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/jobs") { Content = new ByteArrayContent(Encoding.Latin1.GetBytes(body)) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains(kind == "no_disposition" ? "Content-Disposition" : "more than once", detail);
    }

    private async Task<(TestUser, HttpClient)> SignedInDriverAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<api::Program> factory)
    {
        var driver = await api.CreateUserAsync(UserRole.Driver, (await api.CreateFleetAsync()).Id);
        return (driver, await ClientFor(factory, driver));
    }

    private static async Task<HttpClient> ClientFor(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<api::Program> factory, TestUser user)
    {
        using var anonymous = factory.CreateClient();
        var login = await anonymous.PostAsync("/api/auth/login", new StringContent(
            $"{{\"email\":\"{user.Email}\",\"password\":\"{user.Password}\"}}", Encoding.UTF8, "application/json"), Ct);
        login.EnsureSuccessStatusCode();
        var token = System.Text.Json.Nodes.JsonNode.Parse(await login.Content.ReadAsStringAsync(Ct))!["accessToken"]!.GetValue<string>();
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static HttpRequestMessage Upload(string path)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent("dashcam"), "videoType" },
        };
        var file = new StreamContent(File.OpenRead(path));
        file.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
        form.Add(file, "file", Path.GetFileName(path));
        return new HttpRequestMessage(HttpMethod.Post, "/api/jobs") { Content = form };
    }

    private sealed class NonSeekable(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
