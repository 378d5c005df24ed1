using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Adas.MigrationService;

/// <summary>
/// One migrator at a time per SQLite file, and never a wait without end. EF Core serialises SQLite migrations with a row
/// in <c>__EFMigrationsLock</c>; a migrator killed mid-way leaves that row, and every later one waits for it forever.
/// An OS file lock beside the database (the kernel drops it when its holder dies) says whether another migrator is
/// alive: while we hold it, a row in <c>__EFMigrationsLock</c> is abandoned and is cleared.
/// </summary>
public sealed class SqliteMigrationGuard : IDisposable
{
    public const string EfLockTable = "__EFMigrationsLock";
    public const string LockFileSuffix = ".migrator-lock";
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(250);
    private readonly FileStream _lock;

    private SqliteMigrationGuard(FileStream fileLock) => _lock = fileLock;

    public static string LockFileFor(string connectionString) =>
        Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource) + LockFileSuffix;

    /// <summary>Takes the file lock (waiting at most <paramref name="wait"/> for another migrator), then clears an abandoned EF lock row.</summary>
    public static async Task<SqliteMigrationGuard> AcquireAsync(string connectionString, TimeSpan wait, ILogger logger, CancellationToken cancellationToken)
    {
        var lockFile = LockFileFor(connectionString);
        var clock = Stopwatch.StartNew();
        var waitingLogged = false;
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive flock() on Unix: held until this process closes it or dies.
                var fileLock = new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                var guard = new SqliteMigrationGuard(fileLock);
                try
                {
                    await ClearAbandonedLockAsync(connectionString, logger, cancellationToken);
                    return guard;
                }
                catch
                {
                    guard.Dispose();
                    throw;
                }
            }
            catch (IOException) when (File.Exists(lockFile))
            {
                if (clock.Elapsed >= wait)
                    throw new InvalidOperationException(
                        $"Another migrator has been migrating this database for over {wait.TotalSeconds:0} s (it holds {lockFile}). "
                        + "Let it finish, or stop it (no other Adas.MigrationService may run on this data folder), then start again.");
                if (!waitingLogged)
                    logger.LogWarning("Another migrator is migrating this database (it holds {LockFile}); waiting up to {Seconds:0} s", lockFile, wait.TotalSeconds);
                waitingLogged = true;
                await Task.Delay(RetryDelay, cancellationToken);
            }
        }
    }

    private static async Task ClearAbandonedLockAsync(string connectionString, ILogger logger, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = connection.CreateCommand();
        exists.CommandText = $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{EfLockTable}'";
        if ((long)(await exists.ExecuteScalarAsync(cancellationToken))! == 0) return;

        await using var clear = connection.CreateCommand();
        clear.CommandText = $"DELETE FROM \"{EfLockTable}\" RETURNING \"Timestamp\"";
        await using var reader = await clear.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            logger.LogWarning("Cleared an abandoned migration lock (taken at {Timestamp} by a migrator that is no longer running, stopped mid-way)",
                reader.IsDBNull(0) ? "an unknown time" : reader.GetValue(0));
    }

    public void Dispose() => _lock.Dispose();
}
