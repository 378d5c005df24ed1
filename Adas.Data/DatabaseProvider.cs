namespace Adas.Data;

public enum DatabaseProvider { Sqlite, SqlServer }
