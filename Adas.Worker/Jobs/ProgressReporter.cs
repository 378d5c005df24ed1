using Adas.Data;
using Adas.Data.Entities;
using Adas.Data.Queue;
using Microsoft.EntityFrameworkCore;

namespace Adas.Worker.Jobs;

/// <summary>
/// Takes progress from the frame loop without blocking it, and persists and publishes the latest value
/// at most once per interval.
/// </summary>
public sealed class ProgressReporter : IProgress<int>, IAsyncDisposable
{
    private readonly Guid _jobId;
    private readonly IServiceScopeFactory _scopes;
    private readonly JobQueue _queue;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _latest = -1;
    private int _written = -1;

    public ProgressReporter(Guid jobId, IServiceScopeFactory scopes, JobQueue queue, TimeSpan interval)
    {
        _jobId = jobId;
        _scopes = scopes;
        _queue = queue;
        _loop = RunAsync(interval);
    }

    public void Report(int value) => Volatile.Write(ref _latest, value);

    private async Task RunAsync(TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token)) await FlushAsync();
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task FlushAsync()
    {
        var value = Volatile.Read(ref _latest);
        if (value == _written) return;
        _written = value;
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AdasDbContext>();
        await db.VideoJobs.Where(j => j.Id == _jobId && j.Status == JobStatus.Processing)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Progress, value));
        await _queue.PublishProgressAsync(new JobProgress(_jobId, "processing", value));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
