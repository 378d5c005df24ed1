namespace Adas.ServiceDefaults;

/// <summary>Names shared by the launcher and the services (connection strings, service discovery keys).</summary>
public static class ResourceNames
{
    public const string Database = "adasdb";
    public const string Redis = "redis";
    public const string Migrations = "migrations";
    public const string Api = "api";
    public const string Worker = "worker";
    public const string Web = "web";
}
