using System.Diagnostics;

namespace Adas.AppHost.Hosting;

/// <summary>A child process whose output is read asynchronously, line by line, into the log sink.</summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _recentErrors = new();
    private readonly Lock _gate = new();
    private bool _disposed;

    public string Name { get; }
    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    private ChildProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public static ChildProcess Start(string name, string fileName, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string> environment, ILogSink logs)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        foreach (var (key, value) in environment) info.Environment[key] = value;

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(name, process);
        process.OutputDataReceived += (_, e) => child.OnLine(e.Data, false, logs);
        process.ErrorDataReceived += (_, e) => child.OnLine(e.Data, true, logs);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            process.Dispose();
            throw new LaunchException($"{name}: could not run '{fileName}' ({ex.Message}).");
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    private void OnLine(string? line, bool isError, ILogSink logs)
    {
        if (line is null) return;
        lock (_gate)
        {
            _recentErrors.Enqueue(line);
            while (_recentErrors.Count > 20) _recentErrors.Dequeue();
        }
        logs.Line(Name, line, isError);
    }

    /// <summary>The last lines the child printed, to explain why it stopped.</summary>
    public string RecentOutput()
    {
        lock (_gate) return string.Join(System.Environment.NewLine, _recentErrors);
    }

    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    /// <summary>SIGTERM, then the whole process tree is killed if it has not stopped within the grace period.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited) return;
        Signals.Terminate(_process.Id);
        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
        }
    }

    /// <summary>Kills the process tree at once (what a crash looks like to the others).</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        await StopAsync(TimeSpan.FromSeconds(10));
        _process.Dispose();
    }
}
