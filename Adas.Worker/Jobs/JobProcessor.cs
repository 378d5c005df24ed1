using System.Diagnostics;
using System.Text.Json;
using Adas.Data;
using Adas.Data.Entities;
using Adas.Data.Models;
using Adas.Perception;
using Adas.Data.Queue;
using Adas.Data.Telemetry;
using Adas.Perception.Analysis;
using Adas.Perception.Road.Camera;
using Adas.Perception.Signals;
using Adas.Shared.Rules;
using Adas.Shared.Signals;
using Adas.Perception.Video;
using Adas.Worker.Analysis;
using Adas.Worker.Jobs.Clips;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Adas.Worker.Jobs;

public enum JobOutcome { Completed, Failed, RetryScheduled, Cancelled, Released, Skipped }

/// <summary>Runs one job: claims it, analyses the video, writes the results and the final state.</summary>
public sealed class JobProcessor(IServiceScopeFactory scopes, JobQueue queue, AnalyzerFactory analyzers, DataPaths paths,
    IOptions<JobOptions> options, JobMetrics metrics, ILogger<JobProcessor> logger)
{
    private readonly string _workerId = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <param name="takenOver">The message was claimed from a crashed worker, so a "processing" job may be resumed.</param>
    /// <param name="shutdown">Set when the host is stopping: the job is released for another worker, not failed.</param>
    public async Task<JobOutcome> ProcessAsync(Guid jobId, bool takenOver, CancellationToken jobCancelled, CancellationToken shutdown)
    {
        var job = await ClaimAsync(jobId, takenOver);
        if (job is null) return JobOutcome.Skipped;
        metrics.Started(job.VideoType);

        var resultsDir = paths.ResultsFor(jobId);
        var partial = Path.Combine(resultsDir, "annotated.part.mp4");
        var final = Path.Combine(resultsDir, "annotated.mp4");
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(jobCancelled, shutdown);
        var clock = Stopwatch.StartNew();
        try
        {
            if (Directory.Exists(resultsDir)) Directory.Delete(resultsDir, recursive: true);
            Directory.CreateDirectory(resultsDir);
            var video = job.Video!;
            var models = await ActiveModelsAsync(linked.Token);
            var rules = await RuleSettingsAsync(job.FleetId, linked.Token);
            AnalysisResult result;
            await using (var progress = new ProgressReporter(jobId, scopes, queue, options.Value.ProgressInterval))
            using (var analyzer = analyzers.Create(job.VideoType, CameraOf(job.Vehicle), models,
                       Path.Combine(resultsDir, SignalsFile.FileName), rules?.Settings))
            {
                result = await Task.Run(() => VideoAnalyzer.RunAsync(video.StoragePath, partial, analyzer, progress, linked.Token,
                    options.Value.VideoLimits), linked.Token);
            }
            if (result.FramesProcessed < options.Value.MinimumFrames)
                throw new VideoDecodeException($"The video is too short to analyse: {result.FramesProcessed} frame(s); at least {options.Value.MinimumFrames} are needed.");
            File.Move(partial, final, overwrite: true);
            await CompleteAsync(job, result, models, rules?.Version ?? 0, final, clock.Elapsed, linked.Token);
            metrics.Completed(job.VideoType, clock.Elapsed, result.FramesProcessed,
                result.Output.Events.Select(e => (e.Type, e.Severity.ToString().ToLowerInvariant())));
            logger.LogInformation("Job {JobId} completed: {Frames} frames in {Seconds:0.0} s, {Events} events",
                jobId, result.FramesProcessed, clock.Elapsed.TotalSeconds, result.Output.Events.Count);
            return JobOutcome.Completed;
        }
        catch (OperationCanceledException) when (jobCancelled.IsCancellationRequested)
        {
            DeleteDirectory(resultsDir);
            logger.LogInformation("Job {JobId} was cancelled", jobId);
            return JobOutcome.Cancelled;
        }
        catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
        {
            DeleteDirectory(resultsDir);
            await SetQueuedAsync(jobId, null);
            logger.LogInformation("Job {JobId} released for another worker (shutting down)", jobId);
            return JobOutcome.Released;
        }
        catch (VideoDecodeException ex)
        {
            DeleteDirectory(resultsDir);
            await FailAsync(jobId, job.VideoType, ex.Message, clock.Elapsed);
            return JobOutcome.Failed;
        }
        catch (Exception ex)
        {
            DeleteDirectory(resultsDir);
            logger.LogWarning(ex, "Job {JobId} attempt {Attempt} failed", jobId, job.Attempts);
            // Exception messages can carry server paths and tool output: users get the job id to quote, the log the detail.
            var reason = $"Attempt {job.Attempts} failed with an internal error ({ex.GetBaseException().GetType().Name}); the worker log has the details under job {jobId}.";
            if (job.Attempts >= options.Value.MaxAttempts)
            {
                await FailAsync(jobId, job.VideoType, $"Gave up after {job.Attempts} attempts. {reason}", clock.Elapsed);
                return JobOutcome.Failed;
            }
            await SetQueuedAsync(jobId, reason);
            await queue.ScheduleRetryAsync(jobId, options.Value.RetryBaseDelay * Math.Pow(2, job.Attempts - 1));
            return JobOutcome.RetryScheduled;
        }
    }

    /// <summary>Moves the job to processing unless another worker has it or it is finished.</summary>
    private async Task<VideoJob?> ClaimAsync(Guid jobId, bool takenOver)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AdasDbContext>();
        var now = DateTime.UtcNow;
        var claimed = await db.VideoJobs
            .Where(j => j.Id == jobId && (j.Status == JobStatus.Queued || (takenOver && j.Status == JobStatus.Processing)))
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, JobStatus.Processing)
                .SetProperty(j => j.Attempts, j => j.Attempts + 1)
                .SetProperty(j => j.StartedAt, now)
                .SetProperty(j => j.Progress, 0)
                .SetProperty(j => j.WorkerId, _workerId));
        if (claimed == 0) return null;
        var job = await db.VideoJobs.AsNoTracking().Include(j => j.Video).Include(j => j.Vehicle).FirstOrDefaultAsync(j => j.Id == jobId);
        if (job is null) return null; // deleted between the claim and now
        if (job.Attempts > options.Value.MaxAttempts)
        {
            // Taken over more often than allowed: this video keeps killing workers.
            await FailAsync(jobId, job.VideoType, $"Gave up after {job.Attempts - 1} attempts: the worker stopped while processing this video each time.", TimeSpan.Zero);
            return null;
        }
        await queue.PublishProgressAsync(new JobProgress(jobId, "processing", 0));
        return job;
    }

    /// <summary>Read per job, so a version activated in the registry is used from the next job on, without a restart.</summary>
    private async Task<PerceptionModels> ActiveModelsAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AdasDbContext>();
        return analyzers.WithActive(await db.ActiveModelsAsync(paths, ct));
    }

    /// <summary>The fleet's latest rule settings, or null when it never changed them (the pipeline's own thresholds: version 0).</summary>
    private async Task<(int Version, RuleSettings Settings)?> RuleSettingsAsync(Guid? fleetId, CancellationToken ct)
    {
        if (fleetId is null) return null;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AdasDbContext>();
        var row = await db.FleetRuleSettings.AsNoTracking().Where(s => s.FleetId == fleetId).OrderByDescending(s => s.Version).FirstOrDefaultAsync(ct);
        return row is null ? null : (row.Version, RuleSettingsJson.Deserialize(row.SettingsJson));
    }

    private async Task CompleteAsync(VideoJob job, AnalysisResult result, PerceptionModels models, int ruleSettingsVersion, string annotatedPath,
        TimeSpan elapsed, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AdasDbContext>();
        var written = await scope.ServiceProvider.GetRequiredService<ResultWriter>().ReplaceResultsAsync(job, result.Output, ct);
        var info = result.Video;
        var annotatedSeconds = info.Fps > 0 ? result.FramesProcessed / info.Fps : info.DurationSeconds;
        await scope.ServiceProvider.GetRequiredService<EventClipCutter>().CutAsync(job.Id, annotatedPath, annotatedSeconds, ct);
        await db.Videos.Where(v => v.Id == job.VideoId).ExecuteUpdateAsync(s => s
            .SetProperty(v => v.Width, info.Width).SetProperty(v => v.Height, info.Height)
            .SetProperty(v => v.Fps, Math.Round(info.Fps, 3)).SetProperty(v => v.FrameCount, info.FrameCount)
            .SetProperty(v => v.DurationSeconds, Math.Round(info.DurationSeconds, 3)), ct);
        var summary = JobSummary.Build(result, written.EventCount);
        summary["models"] = JobSummary.ModelFiles(models, job.VideoType);
        summary["rule_settings_version"] = ruleSettingsVersion;
        var completedAt = DateTime.UtcNow;
        var updated = await db.VideoJobs.Where(j => j.Id == job.Id && j.Status == JobStatus.Processing).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, JobStatus.Completed)
            .SetProperty(j => j.Progress, 100)
            .SetProperty(j => j.ErrorMessage, (string?)null)
            .SetProperty(j => j.AnnotatedVideoPath, annotatedPath)
            .SetProperty(j => j.SummaryJson, JsonSerializer.Serialize(summary))
            .SetProperty(j => j.CompletedAt, completedAt)
            .SetProperty(j => j.ProcessingSeconds, Math.Round(elapsed.TotalSeconds, 3)), ct);
        if (updated == 0) throw new OperationCanceledException("The job was deleted while it was processing.");
        await queue.PublishProgressAsync(new JobProgress(job.Id, "completed", 100));
        // Once the job is completed, so an alert's job and clip are there when a live client opens it.
        foreach (var alertId in written.AlertIds) await queue.PublishAlertAsync(alertId);
    }

    private async Task FailAsync(Guid jobId, VideoType videoType, string message, TimeSpan elapsed)
    {
        metrics.Failed(videoType);
        logger.LogWarning("Job {JobId} failed: {Message}", jobId, message);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AdasDbContext>();
        var now = DateTime.UtcNow;
        await db.VideoJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, JobStatus.Failed)
            .SetProperty(j => j.ErrorMessage, message)
            .SetProperty(j => j.CompletedAt, now)
            .SetProperty(j => j.ProcessingSeconds, Math.Round(elapsed.TotalSeconds, 3)));
        await queue.PublishProgressAsync(new JobProgress(jobId, "failed", 0, message));
    }

    private async Task SetQueuedAsync(Guid jobId, string? reason)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AdasDbContext>();
        await db.VideoJobs.Where(j => j.Id == jobId && j.Status == JobStatus.Processing).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, JobStatus.Queued)
            .SetProperty(j => j.Progress, 0)
            .SetProperty(j => j.ErrorMessage, reason));
        await queue.PublishProgressAsync(new JobProgress(jobId, "queued", 0, reason));
    }

    private static CameraModel? CameraOf(Vehicle? vehicle) =>
        vehicle is null ? null : new CameraModel(vehicle.CameraHorizontalFovDegrees, vehicle.CameraMountHeightMeters);

    private static void DeleteDirectory(string dir)
    {
        try
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
