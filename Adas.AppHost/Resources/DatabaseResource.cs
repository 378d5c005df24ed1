using Adas.AppHost.Hosting;

namespace Adas.AppHost.Resources;

/// <summary>The database: a SQLite file in the data folder by default, or an external SQL Server.</summary>
public sealed class DatabaseResource
{
    public string Provider { get; }
    public string ConnectionString { get; }
    public string Description { get; }

    public DatabaseResource(LaunchOptions options)
    {
        Provider = options.DbProvider;
        if (options.ExternalDbConnectionString is { Length: > 0 } external)
        {
            ConnectionString = external;
            Description = $"{Provider} (external connection string)";
        }
        else if (Provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            var file = Path.Combine(options.DataDirectory, "adas.db");
            ConnectionString = $"Data Source={file}";
            Description = $"SQLite file {file}";
        }
        else
        {
            throw new LaunchException($"ADAS_DB_PROVIDER={Provider} needs ConnectionStrings__adasdb (the database connection string).");
        }
    }
}
