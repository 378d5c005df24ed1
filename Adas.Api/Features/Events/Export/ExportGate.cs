using System.Collections.Concurrent;

namespace Adas.Api.Features.Events.Export;

/// <summary>Settings under "Exports": the most rows one CSV export may hold.</summary>
public sealed class ExportOptions
{
    public const string Section = "Exports";
    public int MaxRows { get; set; } = 100_000;
}

/// <summary>One CSV export per user at a time: each holds a database reader and a response stream open until done.</summary>
public sealed class ExportGate
{
    private readonly ConcurrentDictionary<Guid, byte> _running = new();

    /// <summary>A release handle, or null when the user already has an export running.</summary>
    public IDisposable? TryEnter(Guid userId) => _running.TryAdd(userId, 0) ? new Release(this, userId) : null;

    private sealed class Release(ExportGate gate, Guid userId) : IDisposable
    {
        public void Dispose() => gate._running.TryRemove(userId, out _);
    }
}
