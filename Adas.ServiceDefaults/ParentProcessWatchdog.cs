using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Adas.ServiceDefaults;

/// <summary>Stops this service when the launcher that started it is gone, so no child outlives it.</summary>
public sealed class ParentProcessWatchdog(IConfiguration configuration, IHostApplicationLifetime lifetime,
    ILogger<ParentProcessWatchdog> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!int.TryParse(configuration[ResourceNames.ParentPidVariable], out var parentPid)) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (IsAlive(parentPid)) continue;
            logger.LogWarning("Launcher process {Pid} is gone; stopping", parentPid);
            lifetime.StopApplication();
            return;
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
