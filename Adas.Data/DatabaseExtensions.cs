using Adas.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Adas.Data;

public static class DatabaseExtensions
{
    public const string ConnectionName = "adasdb";

    public static DatabaseProvider GetDatabaseProvider(this IConfiguration configuration) =>
        configuration[EnvironmentVariables.DbProvider] switch
        {
            null or "" => DatabaseProvider.Sqlite,
            var name when Enum.TryParse<DatabaseProvider>(name, ignoreCase: true, out var provider) => provider,
            var name => throw new InvalidOperationException(
                $"{EnvironmentVariables.DbProvider}='{name}' is not a database provider; use Sqlite or SqlServer."),
        };

    public static string GetAdasConnectionString(this IConfiguration configuration, DataPaths paths) =>
        configuration.GetConnectionString(ConnectionName) is { Length: > 0 } connectionString
            ? connectionString
            : configuration.GetDatabaseProvider() == DatabaseProvider.Sqlite
                ? $"Data Source={Path.Combine(paths.Root, "adas.db")}"
                : throw new InvalidOperationException(
                    $"ConnectionStrings__{ConnectionName} is required when {EnvironmentVariables.DbProvider}=SqlServer.");

    /// <summary>Registers <see cref="AdasDbContext"/> for the configured provider, plus <see cref="DataPaths"/>.</summary>
    public static IServiceCollection AddAdasData(this IServiceCollection services, IConfiguration configuration)
    {
        var paths = DataPaths.From(configuration);
        services.AddSingleton(paths);
        var connectionString = configuration.GetAdasConnectionString(paths);
        switch (configuration.GetDatabaseProvider())
        {
            case DatabaseProvider.SqlServer:
                services.AddDbContextPool<SqlServerAdasDbContext>(o => o.UseSqlServer(connectionString,
                    sql => sql.EnableRetryOnFailure()));
                services.AddScoped<AdasDbContext>(sp => sp.GetRequiredService<SqlServerAdasDbContext>());
                break;
            default:
                Directory.CreateDirectory(paths.Root);
                services.AddDbContextPool<SqliteAdasDbContext>(o => o.UseSqlite(connectionString));
                services.AddScoped<AdasDbContext>(sp => sp.GetRequiredService<SqliteAdasDbContext>());
                break;
        }
        return services;
    }
}
