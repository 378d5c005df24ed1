using System.Collections.Concurrent;
using Adas.AppHost.Hosting;

namespace Adas.Tests.Infrastructure;

/// <summary>Keeps the graph's output so a failing test can show what the services said.</summary>
public sealed class CapturingLogSink : ILogSink
{
    private readonly ConcurrentQueue<string> _lines = new();

    public void Line(string resource, string line, bool isError)
    {
        _lines.Enqueue($"{resource,-10}| {line}");
        while (_lines.Count > 4000) _lines.TryDequeue(out _);
    }

    public IEnumerable<string> Lines => _lines;

    public string Tail(int count = 60) => string.Join(Environment.NewLine, _lines.TakeLast(count));
}
