namespace Adas.ServiceDefaults;

/// <summary>The environment variables (configuration keys) the launcher sets and the services read, spelled once.</summary>
public static class EnvironmentVariables
{
    /// <summary>Sqlite (default) or SqlServer.</summary>
    public const string DbProvider = "ADAS_DB_PROVIDER";

    /// <summary>The data folder: the SQLite file, stored videos, results, registered models.</summary>
    public const string DataDir = "ADAS_DATA_DIR";

    /// <summary>The fetched models and sample media (.assets of the repository by default).</summary>
    public const string AssetsDir = "ADAS_ASSETS_DIR";

    /// <summary>The first admin account the migrator creates.</summary>
    public const string AdminEmail = "ADAS_ADMIN_EMAIL";
    public const string AdminPassword = "ADAS_ADMIN_PASSWORD";

    /// <summary>true: the migrator seeds the demo fleet once (<c>scripts/run --demo</c>).</summary>
    public const string Demo = "ADAS_DEMO";
}
