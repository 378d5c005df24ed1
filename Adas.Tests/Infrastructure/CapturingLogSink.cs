using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Adas.Tests.Infrastructure;

/// <summary>
/// Keeps the graph's output (the AppHost forwards every resource's console to its loggers, under the
/// category "…Resources.NAME") so tests can look for what a service said and a failing test can show it.
/// </summary>
public sealed class CapturingLogSink : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IEnumerable<string> Lines => _lines;

    /// <summary>Resource logs reach the AppHost a moment after they are written (later still on a loaded machine).</summary>
    public async Task<bool> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Lines.Any(match))
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(200);
        }
        return true;
    }

    public string Tail(int count = 60) => string.Join(Environment.NewLine, _lines.TakeLast(count));

    public ILogger CreateLogger(string categoryName) => new Logger(this, ResourceName(categoryName));

    private static string ResourceName(string category) =>
        category.LastIndexOf(".Resources.", StringComparison.Ordinal) is var at and >= 0 ? category[(at + 11)..] : category.Split('.')[^1];

    private void Add(string line)
    {
        _lines.Enqueue(line);
        while (_lines.Count > 6000) _lines.TryDequeue(out _);
    }

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLogSink sink, string resource) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            sink.Add($"{resource,-10}| {formatter(state, exception)}{(exception is null ? "" : " " + exception.Message)}");
        }
    }
}
