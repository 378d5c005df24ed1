using Adas.ServiceDefaults;

namespace Adas.AppHost.Hosting;

/// <summary>Reads the launcher's settings from environment variables (all optional).</summary>
public static class LaunchConfiguration
{
    public static LaunchOptions FromEnvironment()
    {
        var root = RepositoryLocator.FindRoot();
        string? Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
        var passThrough = new Dictionary<string, string>();
        foreach (var name in (string[])[ResourceNames.AdminEmailVariable, ResourceNames.AdminPasswordVariable, "OTEL_EXPORTER_OTLP_ENDPOINT"])
            if (Env(name) is { } value) passThrough[name] = value;

        var apiPort = Env("ADAS_API_PORT") ?? "5080";
        if (!int.TryParse(apiPort, out var port) || port is < 0 or > 65535)
            throw new LaunchException($"ADAS_API_PORT='{apiPort}' is not a port number.");

        return new LaunchOptions
        {
            RepositoryRoot = root,
            DataDirectory = Path.GetFullPath(Env(ResourceNames.DataDirVariable) ?? Path.Combine(root, ".data")),
            Environment = Env("DOTNET_ENVIRONMENT") ?? Env("ASPNETCORE_ENVIRONMENT") ?? "Development",
            Configuration = RepositoryLocator.BuildConfiguration(typeof(LaunchConfiguration).Assembly),
            ApiPort = port,
            DbProvider = Env(ResourceNames.DbProviderVariable) ?? "Sqlite",
            ExternalDbConnectionString = Env($"ConnectionStrings__{ResourceNames.Database}"),
            ExternalRedisConnectionString = Env($"ConnectionStrings__{ResourceNames.Redis}"),
            ExtraEnvironment = passThrough,
        };
    }
}
