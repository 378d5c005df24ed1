using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Adas.ServiceDefaults;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Adas.Tests.Infrastructure;

/// <summary>The AppHost started by a test: its resources' endpoints, states and commands, and their logs.</summary>
public sealed class RunningGraph : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(3);
    private readonly ConcurrentDictionary<string, ResourceEvent> _latest = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _watch;
    private bool _disposed;

    public DistributedApplication App { get; }
    public GraphOptions Options { get; }
    public CapturingLogSink Logs { get; }

    public RunningGraph(DistributedApplication app, GraphOptions options, CapturingLogSink logs)
    {
        App = app;
        Options = options;
        Logs = logs;
        _watch = WatchAsync();
    }

    public string DataDirectory => Options.DataDirectory;
    public string DatabaseConnectionString => $"Data Source={Path.Combine(DataDirectory, "adas.db")}";
    public Uri ApiUrl => App.GetEndpoint(ResourceNames.Api, "http");
    public Uri WebUrl => App.GetEndpoint(ResourceNames.Web, "http");
    public int RedisPort => App.GetEndpoint(ResourceNames.Redis, "tcp").Port;

    public HttpClient CreateApiClient()
    {
        var client = App.CreateHttpClient(ResourceNames.Api);
        client.Timeout = TimeSpan.FromMinutes(2);
        return client;
    }

    /// <summary>A client for the API carrying the user's access token.</summary>
    public async Task<HttpClient> LoginAsync(string email, string password)
    {
        var client = CreateApiClient();
        using var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<string> RedisConnectionStringAsync() =>
        await App.GetConnectionStringAsync(ResourceNames.Redis) ?? throw new InvalidOperationException("redis has no connection string");

    /// <summary>Waits until api and every worker replica are healthy (so migrations finished and Redis answers).</summary>
    public async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ReadyTimeout);
        await App.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Api, timeout.Token);
        await App.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Worker, timeout.Token);
    }

    /// <summary>Waits until the web dashboard is healthy (it starts after the API).</summary>
    public async Task WaitUntilWebReadyAsync()
    {
        using var timeout = new CancellationTokenSource(ReadyTimeout);
        await App.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Web, timeout.Token);
    }

    /// <summary>Waits until the resource (every replica) is in one of the states; returns the state reached.</summary>
    public async Task<string> WaitForStateAsync(string resource, IReadOnlyCollection<string> states, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var reached = await App.ResourceNotifications.WaitForResourceAsync(resource,
            e => e.Snapshot.State?.Text is { } state && states.Contains(state), cancel.Token);
        return reached.Snapshot.State!.Text;
    }

    /// <summary>The states the resource's instances (replicas) are in now.</summary>
    public IReadOnlyList<string> States(string resource) =>
        [.. _latest.Values.Where(e => e.Resource.Name == resource).Select(e => e.Snapshot.State?.Text ?? "")];

    /// <summary>
    /// Stops a resource (all its replicas) the way the dashboard's Stop button does: a graceful shutdown, and returns
    /// once the AppHost has seen it stopped (when the dashboard would offer Start).
    /// </summary>
    public async Task StopAsync(string resource)
    {
        await CommandAsync(resource, KnownResourceCommands.StopCommand);
        // The stop command returns as soon as DCP reports the process finished; Aspire publishes that state later (after
        // flushing the process's last logs). A start issued in between gets the old process's "Finished" after its own
        // "Starting", and a wait for health gives up on it ("failed to start") although the new process runs.
        using var timeout = new CancellationTokenSource(ReadyTimeout);
        foreach (var replica in _latest.Values.Where(e => e.Resource.Name == resource).Select(e => e.ResourceId).ToList())
            await App.ResourceNotifications.WaitForResourceAsync(resource,
                e => e.ResourceId == replica && e.Snapshot.State?.Text is { } state && KnownResourceStates.TerminalStates.Contains(state), timeout.Token);
    }

    /// <summary>Starts a stopped resource again and waits until it is healthy.</summary>
    public async Task StartAsync(string resource)
    {
        await CommandAsync(resource, KnownResourceCommands.StartCommand);
        using var timeout = new CancellationTokenSource(ReadyTimeout);
        await App.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
    }

    private async Task CommandAsync(string resource, string command)
    {
        var result = await App.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(resource, command);
        if (!result.Success) throw new InvalidOperationException($"{command} on {resource} failed: {result.Message}");
    }

    private async Task WatchAsync()
    {
        try
        {
            await foreach (var change in App.ResourceNotifications.WatchAsync(_stop.Token))
                _latest[change.ResourceId] = change;
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        await _stop.CancelAsync();
        try
        {
            await App.StopAsync();
        }
        finally
        {
            await App.DisposeAsync();
            await _watch;
            _stop.Dispose();
        }
    }
}
