using System.Net;
using System.Security.Cryptography;
using Adas.Tests.Infrastructure;

namespace Adas.Tests.Jobs;

/// <summary>Each malformed input gets a 4xx problem detail or a failed job with a human message, and nothing breaks.</summary>
[Collection(GraphCollection.Name)]
public sealed class MalformedInputTests(GraphFixture graph, ITestOutputHelper output)
{
    [Theory]
    [InlineData("zero_bytes.mp4", "empty")]
    [InlineData("random_bytes.mp4", "does not start like a MP4 video")]
    [InlineData("photo_renamed.mp4", "does not start like a MP4 video")]
    [InlineData("notes.txt", "not an accepted video")]
    public async Task Content_that_is_not_a_video_is_refused_with_a_problem_detail(string fileName, string expected)
    {
        var bytes = fileName switch
        {
            "zero_bytes.mp4" => [],
            "photo_renamed.mp4" => await File.ReadAllBytesAsync(TestPaths.Asset("media/images/highway_cars_1.jpg")),
            _ => RandomNumberGenerator.GetBytes(64 * 1024),
        };
        using var response = await graph.Api.UploadAsync(new MemoryStream(bytes), fileName);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(expected, (await response.JsonAsync()).GetProperty("detail").GetString());
        AssertNoTempFiles();
    }

    [Fact]
    public async Task A_missing_or_unknown_video_type_is_refused()
    {
        using var response = await graph.Api.UploadAsync(File.OpenRead(TestPaths.Asset("media/dashcam/highway_lanes_960x540.mp4")), "a.mp4", "thermal");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("videoType", (await response.JsonAsync()).GetProperty("detail").GetString());
        AssertNoTempFiles();
    }

    [Fact]
    public async Task An_oversize_upload_gets_413_and_leaves_no_temp_file()
    {
        var header = new byte[] { 0, 0, 0, 24, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m' };
        var big = new byte[GraphFixture.MaxUploadBytes + 1024 * 1024];
        header.CopyTo(big, 0);
        using var response = await graph.Api.UploadAsync(new MemoryStream(big), "huge.mp4");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("exceeds the limit", (await response.JsonAsync()).GetProperty("detail").GetString());
        AssertNoTempFiles();
    }

    [Fact]
    public async Task Undecodable_videos_fail_with_a_human_message_and_the_worker_keeps_serving()
    {
        try
        {
            var source = TestPaths.Asset("media/dashcam/highway_cars_1280x720.mp4");
            var bytes = await File.ReadAllBytesAsync(source);
            var truncated = Path.Combine(graph.WorkDirectory, "truncated.mp4");
            await File.WriteAllBytesAsync(truncated, bytes[..(bytes.Length / 3)]);
            var cases = new Dictionary<string, string>
            {
                [truncated] = "truncated or corrupt",
                [await MediaFactory.OneFrameClipAsync(graph.WorkDirectory)] = "too short",
                [await MediaFactory.AudioOnlyAsync(graph.WorkDirectory)] = "could not be opened",
            };
            foreach (var (path, expected) in cases)
            {
                var id = await graph.Api.UploadJobAsync(path);
                var job = await graph.Api.WaitForFinalAsync(id, TimeSpan.FromMinutes(1));
                Assert.Equal("failed", job.Status());
                Assert.Contains(expected, job.GetProperty("errorMessage").GetString());
                Assert.Equal(1, job.GetProperty("attempts").GetInt32());
            }

            using var traversal = await graph.Api.UploadAsync(File.OpenRead(TestPaths.Asset("media/dashcam/highway_lanes_960x540.mp4")),
                "../../evil.mp4", "in_cabin");
            Assert.Equal(HttpStatusCode.Accepted, traversal.StatusCode);
            var next = await traversal.JsonAsync();
            Assert.Equal("evil.mp4", next.GetProperty("fileName").GetString());
            Assert.Equal("completed", (await graph.Api.WaitForFinalAsync(next.GetProperty("id").GetGuid(), TimeSpan.FromMinutes(2))).Status());
            // Followed from the upload or video folders, that name lands inside the (writable) data folder: nothing may be there.
            Assert.Empty(Directory.EnumerateFiles(graph.Graph.DataDirectory, "evil.mp4", SearchOption.AllDirectories));
            AssertNoTempFiles();
        }
        catch
        {
            output.WriteLine(graph.Logs.Tail(120));
            throw;
        }
    }

    private void AssertNoTempFiles()
    {
        var incoming = Path.Combine(graph.StorageDirectory, "incoming");
        Assert.True(!Directory.Exists(incoming) || Directory.GetFiles(incoming).Length == 0, "a temp upload file was left behind");
        var results = Path.Combine(graph.StorageDirectory, "results");
        Assert.True(!Directory.Exists(results) || Directory.GetFiles(results, "*.part.mp4", SearchOption.AllDirectories).Length == 0);
    }
}
