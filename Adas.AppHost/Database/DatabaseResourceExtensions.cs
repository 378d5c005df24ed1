using Adas.ServiceDefaults;
using Aspire.Hosting.ApplicationModel;

namespace Adas.AppHost.Database;

public static class DatabaseResourceExtensions
{
    /// <summary>The database as a connection string: the configured one (SQL Server or SQLite), else the SQLite file DATA/adas.db.</summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddAdasDatabase(this IDistributedApplicationBuilder builder, AdasSettings settings)
    {
        if (settings.ExternalDbConnectionString is not null) return builder.AddConnectionString(ResourceNames.Database);
        var file = Path.Combine(settings.DataDirectory, "adas.db");
        return builder.AddConnectionString(ResourceNames.Database, ReferenceExpression.Create($"Data Source={file}"));
    }
}
