using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Adas.AppHost;

/// <summary>Ctrl+C stops the graph and returns once everything has stopped, saying so in one line.</summary>
public static class GracefulStop
{
    /// <summary>The host's own "Hosting failed to start" (with the stack of a cancellation) is what Ctrl+C during start-up printed.</summary>
    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    public static IDistributedApplicationBuilder AddGracefulStop(this IDistributedApplicationBuilder builder)
    {
        // Without this the AppHost exits as soon as it has asked DCP to stop, while DCP is still stopping the services:
        // the prompt came back with the API, web and worker alive, and a new start found their ports taken.
        builder.Configuration["DcpPublisher:WaitForResourceCleanup"] ??= "true";
        builder.Services.AddLogging(logging => logging.AddFilter(HostCategory, LogLevel.None));
        return builder;
    }

    /// <summary>Runs the graph; 0 after Ctrl+C (during start-up too), 1 with the reason when it cannot start.</summary>
    public static async Task<int> RunUntilStoppedAsync(this DistributedApplication app)
    {
        try
        {
            await app.RunAsync();
            Console.WriteLine("stopped");
            return 0;
        }
        catch (OperationCanceledException)
        {
            Console.WriteLine("stopped");
            return 0;
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"The AppHost could not start: {ex.GetBaseException().Message}");
            return 1;
        }
    }
}
