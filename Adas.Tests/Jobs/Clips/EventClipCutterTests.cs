using Adas.Data;
using Adas.Data.Entities;
using Adas.Tests.Infrastructure;
using Adas.Worker.Jobs.Clips;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Adas.Tests.Jobs.Clips;

/// <summary>The worker's clip cutter on the real dashcam sample (as the annotated video) and a real SQLite file.</summary>
public sealed class EventClipCutterTests : IAsyncLifetime
{
    private const double SampleSeconds = 221 / 25.0;
    private readonly string _directory = TestPaths.NewTempDirectory("adas-clips");
    private SqliteAdasDbContext _db = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _db = new SqliteAdasDbContext(new DbContextOptionsBuilder<SqliteAdasDbContext>()
            .UseSqlite($"Data Source={Path.Combine(_directory, "adas.db")}").Options);
        await _db.Database.MigrateAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Warnings_and_criticals_get_an_H264_clip_that_starts_on_a_key_frame_within_the_cap_and_info_events_none()
    {
        var (job, annotated) = await JobWithAnnotatedVideoAsync(TestPaths.Asset("media/dashcam/highway_lanes_960x540.mp4"));
        var critical = await AddEventAsync(job, Severity.Critical, 3.0, 3.5);
        var warning = await AddEventAsync(job, Severity.Warning, 0.2, 8.5);
        var info = await AddEventAsync(job, Severity.Info, 5.0, 6.0);
        var options = new ClipOptions { SecondsBefore = 1, SecondsAfter = 1, MaxSeconds = 4 };

        var cut = await Cutter(options).CutAsync(job.Id, annotated, SampleSeconds, Ct);

        Assert.Equal(2, cut);
        var clips = await _db.SafetyEvents.AsNoTracking().Where(e => e.JobId == job.Id).ToDictionaryAsync(e => e.Id, e => e.ClipPath, Ct);
        Assert.Null(clips[info]);
        var criticalClip = await ClipProbe.ReadAsync(clips[critical]!);
        Assert.Equal("h264", criticalClip.Codec);
        Assert.True(criticalClip.StartsOnKeyFrame);
        Assert.InRange(criticalClip.DurationSeconds, 2.3, 2.7); // 2.0 s before .. 4.5 s: 2.5 s
        var warningClip = await ClipProbe.ReadAsync(clips[warning]!);
        Assert.True(warningClip.StartsOnKeyFrame);
        Assert.InRange(warningClip.DurationSeconds, 3.8, 4.2);  // 8.3 s of event + margins, capped at 4 s
        var files = Directory.GetFiles(Path.GetDirectoryName(clips[critical])!).Select(Path.GetFileName).Order();
        Assert.Equal(new[] { $"{critical:N}.mp4", $"{warning:N}.mp4" }.Order(), files); // no partial file left
    }

    [Fact]
    public async Task At_most_MaxPerJob_clips_are_cut_criticals_first()
    {
        var (job, annotated) = await JobWithAnnotatedVideoAsync(TestPaths.Asset("media/dashcam/highway_lanes_960x540.mp4"));
        var early = await AddEventAsync(job, Severity.Warning, 1.0, 1.5);
        var critical = await AddEventAsync(job, Severity.Critical, 6.0, 6.5);
        var options = new ClipOptions { SecondsBefore = 0.5, SecondsAfter = 0.5, MaxPerJob = 1 };

        Assert.Equal(1, await Cutter(options).CutAsync(job.Id, annotated, SampleSeconds, Ct));

        var clips = await _db.SafetyEvents.AsNoTracking().Where(e => e.JobId == job.Id).ToDictionaryAsync(e => e.Id, e => e.ClipPath, Ct);
        Assert.NotNull(clips[critical]);
        Assert.Null(clips[early]);
    }

    [Fact]
    public async Task A_clip_that_cannot_be_cut_leaves_the_event_without_a_clip_and_no_file_behind()
    {
        var broken = Path.Combine(_directory, "broken.mp4");
        await File.WriteAllBytesAsync(broken, [0, 0, 0, 0x18, .. "ftypisom"u8.ToArray(), .. new byte[4000]], Ct);
        var (job, annotated) = await JobWithAnnotatedVideoAsync(broken);
        var warning = await AddEventAsync(job, Severity.Warning, 1.0, 2.0);

        var cut = await Cutter(new ClipOptions()).CutAsync(job.Id, annotated, SampleSeconds, Ct);

        Assert.Equal(0, cut);
        Assert.Null((await _db.SafetyEvents.AsNoTracking().SingleAsync(e => e.Id == warning, Ct)).ClipPath);
        Assert.Empty(Directory.GetFiles(Path.Combine(Path.GetDirectoryName(annotated)!, "clips")));
    }

    [Theory]
    [InlineData(10, 12, 60, 6, 10)]   // 4 s before the start to 4 s after the end
    [InlineData(1, 2, 60, 0, 6)]      // not before the video's start
    [InlineData(57, 58, 60, 53, 7)]   // not past its end
    [InlineData(10, 40, 60, 6, 20)]   // a long event keeps its onset, capped at 20 s
    public void The_window_is_the_event_with_margins_inside_the_video_and_the_cap(double start, double end, double video,
        double expectedStart, double expectedDuration)
    {
        var window = ClipWindow.For(start, end, video, new ClipOptions());

        Assert.Equal(new ClipWindow(expectedStart, expectedDuration), window);
    }

    private EventClipCutter Cutter(ClipOptions options) =>
        new(_db, Options.Create(options), NullLogger<EventClipCutter>.Instance);

    /// <summary>A job whose results folder holds the given video as its annotated video.</summary>
    private async Task<(VideoJob Job, string Annotated)> JobWithAnnotatedVideoAsync(string video)
    {
        var stored = new StoredVideo { Sha256 = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"), SizeBytes = 1, StoragePath = video, Container = "mp4" };
        var job = new VideoJob { VideoId = stored.Id, FileName = "clip.mp4", Status = JobStatus.Processing, VideoType = VideoType.Dashcam };
        _db.Videos.Add(stored);
        _db.VideoJobs.Add(job);
        await _db.SaveChangesAsync(Ct);
        var results = new DataPaths(_directory).ResultsFor(job.Id);
        Directory.CreateDirectory(results);
        var annotated = Path.Combine(results, "annotated.mp4");
        File.Copy(video, annotated);
        return (job, annotated);
    }

    private async Task<Guid> AddEventAsync(VideoJob job, Severity severity, double start, double end)
    {
        var e = new SafetyEvent { JobId = job.Id, Type = "forward_collision_warning", Severity = severity, StartSeconds = start, EndSeconds = end };
        _db.SafetyEvents.Add(e);
        await _db.SaveChangesAsync(Ct);
        _db.ChangeTracker.Clear();
        return e.Id;
    }
}
