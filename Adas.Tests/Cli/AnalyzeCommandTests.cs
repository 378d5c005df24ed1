using System.Diagnostics;
using System.Text.Json;
using Adas.Tests.Infrastructure;

namespace Adas.Tests.Cli;

/// <summary>The researchers' <c>analyze</c> verb, run as they run it: the worker's own build, as a process.</summary>
public sealed class AnalyzeCommandTests : IDisposable
{
    private readonly string _directory = TestPaths.NewTempDirectory("analyze-cli");

    private static readonly string WorkerDll = Path.Combine(TestPaths.RepositoryRoot, "Adas.Worker", "bin",
        TestPaths.BuildConfiguration, "net10.0", "Adas.Worker.dll");

    [Fact]
    public async Task Analyzes_a_dashcam_clip_into_an_annotated_video_events_and_results()
    {
        var output = Path.Combine(_directory, "out");
        var (exitCode, stdout, _) = await RunAsync("analyze", TestPaths.Asset("media/dashcam/highway_cars_1280x720.mp4"),
            "--type", "dashcam", "--out", output, "--fov", "70", "--camera-height", "1.4");

        Assert.Equal(0, exitCode);
        Assert.Contains("38 frames 1280x720", stdout);
        var (codec, pixelFormat, frames) = await MediaFactory.ProbeAsync(Path.Combine(output, "annotated.mp4"));
        Assert.Equal(("h264", "yuv420p", 38), (codec, pixelFormat, frames));
        using var events = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "events.json")));
        using var results = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "results.json")));
        var summary = results.RootElement.GetProperty("summary");
        Assert.Equal(38, summary.GetProperty("frames").GetInt32());
        Assert.True(summary.GetProperty("tracks").GetInt32() >= 1);
        // events.json, the summary and the printed line tell the same count, and every event is a well-formed episode
        var written = events.RootElement.EnumerateArray().ToList();
        Assert.Equal(summary.GetProperty("events").GetInt32(), written.Count);
        Assert.Contains($"; {written.Count} events", stdout);
        Assert.All(written, e =>
        {
            Assert.False(string.IsNullOrEmpty(e.GetProperty("type").GetString()));
            Assert.Contains(e.GetProperty("severity").GetString(), new[] { "info", "warning", "critical" });
            Assert.InRange(e.GetProperty("startSeconds").GetDouble(), 0, e.GetProperty("endSeconds").GetDouble());
        });
    }

    [Theory]
    [InlineData("--type", "dashcam")]                                   // no --out
    [InlineData("--type", "sideways", "--out", "x")]                    // unknown type
    [InlineData("--type", "dashcam", "--out", "x", "--fov", "200")]     // no such lens
    public async Task Bad_arguments_exit_with_2_and_say_what_is_wrong(params string[] options)
    {
        var (exitCode, _, stderr) = await RunAsync(["analyze", TestPaths.Asset("media/dashcam/highway_cars_1280x720.mp4"), .. options]);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("error: ", stderr);
        Assert.Contains("usage:", stderr);
    }

    [Fact]
    public async Task A_file_that_is_not_a_video_exits_with_1_and_a_readable_message()
    {
        var notVideo = Path.Combine(_directory, "notes.mp4");
        await File.WriteAllTextAsync(notVideo, "these are not frames");

        var (exitCode, _, stderr) = await RunAsync("analyze", notVideo, "--type", "dashcam", "--out", Path.Combine(_directory, "out"));

        Assert.Equal(1, exitCode);
        Assert.Contains("error: The file could not be opened as a video", stderr); // after the decoder's own log lines
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])[WorkerDll, .. arguments]) info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout, await stderr);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
