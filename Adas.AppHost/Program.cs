using System.Runtime.InteropServices;
using Adas.AppHost;
using Adas.AppHost.Hosting;

LaunchOptions options;
try
{
    options = LaunchConfiguration.FromEnvironment();
}
catch (LaunchException ex)
{
    Console.Error.WriteLine($"Launch failed: {ex.Message}");
    return 1;
}

using var shutdown = new CancellationTokenSource();
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

await using var topology = AdasTopology.Build(options);
try
{
    await topology.StartAsync(shutdown.Token);
}
catch (LaunchException ex)
{
    Console.Error.WriteLine($"Launch failed: {ex.Message}");
    return 1;
}
catch (OperationCanceledException)
{
    return 130;
}

Console.WriteLine($"""

    ADAS is running.
      API:      {topology.Api.Url}
      API docs: {topology.Api.Url}/docs
      Worker:   {topology.Worker.Url}
      Database: {topology.Database.Description}
      Redis:    {topology.Redis.ConnectionString}{(topology.Redis.IsExternal ? " (external)" : $" (data in {topology.Redis.DataDirectory})")}
      Data:     {options.DataDirectory}
    Press Ctrl+C to stop everything.

    """);

try
{
    await Task.Delay(Timeout.Infinite, shutdown.Token);
}
catch (OperationCanceledException)
{
}
Console.WriteLine("Stopping worker, api, redis...");
return 0;

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    shutdown.Cancel();
}
