using Adas.ServiceDefaults;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace Adas.AppHost.Services;

public static class ServiceResourceExtensions
{
    private const string MallocArenaMax = "MALLOC_ARENA_MAX";

    /// <summary>What every service of the solution reads: the data folder, the database provider, the models, and the pass-through settings.</summary>
    public static IResourceBuilder<ProjectResource> WithAdasEnvironment(this IResourceBuilder<ProjectResource> project,
        AdasSettings settings, IResourceBuilder<IResourceWithConnectionString> database)
    {
        var configuration = project.ApplicationBuilder.Configuration;
        var environment = project.ApplicationBuilder.Environment.EnvironmentName;
        project
            .WithEnvironment("DOTNET_ENVIRONMENT", environment)
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", environment)
            .WithReference(database)
            .WithEnvironment(EnvironmentVariables.DataDir, settings.DataDirectory)
            .WithEnvironment(EnvironmentVariables.DbProvider, settings.DbProvider)
            .WithEnvironment(EnvironmentVariables.AssetsDir, Path.Combine(settings.RepositoryRoot, ".assets"))
            // glibc gives every thread that allocates natively (OpenCV, ONNX Runtime, the pipeline's threads) an arena
            // of its own that never shrinks; two arenas halve the worker's RSS growth over a long video (40 -> 21 MB).
            .WithEnvironment(MallocArenaMax, configuration[MallocArenaMax] ?? "2");
        // ADAS_DEMO: scripts/run --demo asks the migrator to seed the demo fleet.
        foreach (var name in (string[])[EnvironmentVariables.AdminEmail, EnvironmentVariables.AdminPassword, EnvironmentVariables.Demo])
            if (configuration[name] is { Length: > 0 } value) project.WithEnvironment(name, value);
        return project.WithPassThroughSettings();
    }

    /// <summary>A long-running service: waits for the migrations to finish and for its dependencies to be healthy, and is healthy when /health says so.</summary>
    public static IResourceBuilder<ProjectResource> AfterMigrations(this IResourceBuilder<ProjectResource> project,
        IResourceBuilder<ProjectResource> migrations, IResourceBuilder<IResourceWithConnectionString> redis)
    {
        project.WithReference(redis).WaitForCompletion(migrations).WithHttpHealthCheck("/health");
        return redis.Resource is ExecutableResource ? project.WaitFor(redis) : project;
    }

    /// <summary>The web dashboard needs no database: the environment name and the pass-through settings.</summary>
    public static IResourceBuilder<ProjectResource> WithWebEnvironment(this IResourceBuilder<ProjectResource> project, AdasSettings settings)
    {
        var environment = project.ApplicationBuilder.Environment.EnvironmentName;
        return project.WithEnvironment("DOTNET_ENVIRONMENT", environment).WithEnvironment("ASPNETCORE_ENVIRONMENT", environment)
            // Unused by the web app; it marks the process as this graph's, as the other services are (leftover checks find it).
            .WithEnvironment(EnvironmentVariables.DataDir, settings.DataDirectory)
            .WithPassThroughSettings();
    }

    /// <summary>
    /// The API trusts X-Forwarded-For from the web host (loopback: every service runs on this machine), after any proxies
    /// configured under ServiceConfiguration:ForwardedHeaders:KnownProxies; the web app names each browser's address there,
    /// so the API's sign-in limits count browsers rather than the one web server.
    /// </summary>
    public static IResourceBuilder<ProjectResource> TrustingWebHostAsProxy(this IResourceBuilder<ProjectResource> api)
    {
        var configured = api.ApplicationBuilder.Configuration
            .GetSection($"{AdasSettings.ServiceConfigurationSection}:ForwardedHeaders:KnownProxies").GetChildren().Count();
        return api.WithEnvironment($"ForwardedHeaders__KnownProxies__{configured}", "127.0.0.1")
            .WithEnvironment($"ForwardedHeaders__KnownProxies__{configured + 1}", "::1");
    }

    /// <summary>Every ServiceConfiguration:* key of the AppHost's configuration, as the service's environment.</summary>
    private static IResourceBuilder<ProjectResource> WithPassThroughSettings(this IResourceBuilder<ProjectResource> project)
    {
        foreach (var (key, value) in project.ApplicationBuilder.Configuration.GetSection(AdasSettings.ServiceConfigurationSection).AsEnumerable(makePathsRelative: true))
            if (value is not null) project.WithEnvironment(key.Replace(":", "__"), value);
        return project;
    }
}
