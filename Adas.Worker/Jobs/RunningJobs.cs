using System.Collections.Concurrent;

namespace Adas.Worker.Jobs;

/// <summary>The jobs this worker is running, so a delete can cancel one.</summary>
public sealed class RunningJobs
{
    private readonly ConcurrentDictionary<Guid, CancellationTokenSource> _running = new();

    public CancellationTokenSource Start(Guid jobId) => _running[jobId] = new CancellationTokenSource();

    public void Cancel(Guid jobId)
    {
        if (_running.TryGetValue(jobId, out var cancellation)) cancellation.Cancel();
    }

    public void Finish(Guid jobId)
    {
        if (_running.TryRemove(jobId, out var cancellation)) cancellation.Dispose();
    }
}
