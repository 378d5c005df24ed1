using Adas.AppHost.Hosting;

namespace Adas.AppHost.Resources;

/// <summary>One of the solution's services, run from its build output with Aspire's environment contract.</summary>
public sealed class ProjectResource(string name, string projectName, LaunchOptions options, int port,
    Func<IReadOnlyDictionary<string, string>> environment) : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };
    private readonly bool _dynamicPort = port == 0;
    private ChildProcess? _process;

    public string Name { get; } = name;
    public int Port { get; private set; } = port == 0 ? Ports.FindFree() : port;
    public string Url => $"http://127.0.0.1:{Port}";
    public int? ProcessId => _process?.Id;
    public string InstanceId { get; private set; } = "";

    public string DllPath => Path.Combine(options.RepositoryRoot, projectName, "bin", options.Configuration, "net10.0", projectName + ".dll");

    /// <summary>Runs a one-shot service to completion; a non-zero exit code stops the launch with its reason.</summary>
    public async Task RunToCompletionAsync(CancellationToken cancellationToken)
    {
        _process = Start();
        await _process.WaitForExitAsync(cancellationToken);
        if (_process.ExitCode != 0)
            throw new LaunchException($"{Name} failed (exit code {_process.ExitCode}):{Environment.NewLine}{_process.RecentOutput()}");
    }

    /// <summary>Starts a long-running service and waits until its /health answers 200.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!_dynamicPort && !Ports.IsFree(Port))
            throw new LaunchException($"{Name}: port {Port} on 127.0.0.1 is already in use. Stop what uses it, or choose another port (ADAS_API_PORT).");
        for (var attempt = 1; ; attempt++)
        {
            _process = Start();
            var exited = await WaitForHealthAsync(cancellationToken);
            if (!exited) return;
            var output = _process.RecentOutput();
            if (_dynamicPort && attempt == 1 && output.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                Port = Ports.FindFree();
                continue;
            }
            throw new LaunchException($"{Name} exited (code {_process.ExitCode}) before it became healthy:{Environment.NewLine}{output}");
        }
    }

    /// <returns>true when the process exited before becoming healthy.</returns>
    private async Task<bool> WaitForHealthAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + options.HealthTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited) return true;
            try
            {
                using var response = await Http.GetAsync($"{Url}/health", cancellationToken);
                if (response.IsSuccessStatusCode) return false;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
            }
            await Task.Delay(200, cancellationToken);
        }
        throw new LaunchException($"{Name} did not answer {Url}/health within {options.HealthTimeout.TotalSeconds:0} s:{Environment.NewLine}{_process!.RecentOutput()}");
    }

    private ChildProcess Start()
    {
        if (!File.Exists(DllPath))
            throw new LaunchException($"{Name}: {DllPath} is missing; build the solution first (dotnet build Adas.sln -c {options.Configuration}).");
        InstanceId = Guid.NewGuid().ToString("N")[..12];
        var env = new Dictionary<string, string>(environment())
        {
            ["ASPNETCORE_URLS"] = Url,
            ["ASPNETCORE_ENVIRONMENT"] = options.Environment,
            ["DOTNET_ENVIRONMENT"] = options.Environment,
            ["OTEL_SERVICE_NAME"] = Name,
            ["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={InstanceId}",
            ["ADAS_PARENT_PID"] = Environment.ProcessId.ToString(),
            ["ADAS_DATA_DIR"] = options.DataDirectory,
        };
        foreach (var (key, value) in options.ExtraEnvironment) env[key] = value;
        return ChildProcess.Start(Name, "dotnet", [DllPath], Path.GetDirectoryName(DllPath)!, env, options.Logs);
    }

    /// <summary>Kills the service's process tree at once, the way a crash would.</summary>
    public void Kill() => _process?.Kill();

    public async Task StopAsync()
    {
        if (_process is null) return;
        await _process.DisposeAsync();
        _process = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
