using System.Diagnostics;
using Adas.Data;
using Adas.Data.Seeding;
using Adas.MigrationService;
using Adas.Tests.Infrastructure;
using Adas.ServiceDefaults;
using Microsoft.Data.Sqlite;

namespace Adas.Tests.Migrations;

/// <summary>
/// The real migration service on a real SQLite file: a lock row left by a migrator killed mid-way is cleared (not waited
/// on forever), a live migrator is waited on for a bounded time only, and a stop request ends the wait at once.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class MigrationLockTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private readonly string _dir = TestPaths.NewTempDirectory("adas-migrate-lock");
    private string ConnectionString => $"Data Source={Path.Combine(_dir, "adas.db")};Pooling=False";

    [Fact]
    public async Task A_lock_row_left_by_a_killed_migrator_is_cleared_with_a_warning_and_the_migration_completes()
    {
        // What EF Core's SQLite lock leaves when its migrator is killed before it can delete its row.
        Execute("CREATE TABLE \"__EFMigrationsLock\" (\"Id\" INTEGER NOT NULL CONSTRAINT \"PK___EFMigrationsLock\" PRIMARY KEY, \"Timestamp\" TEXT NOT NULL);"
            + "INSERT INTO \"__EFMigrationsLock\" VALUES (1, '2026-12-01 10:00:00+00:00');");

        using var migrator = StartMigrator();
        var (exitCode, output) = await WaitForExitAsync(migrator, Patience);

        Assert.True(exitCode == 0, $"exit {exitCode}: {output}");
        Assert.Contains("Cleared an abandoned migration lock", output);
        Assert.Equal(0L, Scalar($"SELECT COUNT(*) FROM \"{SqliteMigrationGuard.EfLockTable}\""));
        Assert.Equal(1L, Scalar("SELECT COUNT(*) FROM users"));
    }

    [Fact]
    public async Task A_live_migrator_is_waited_for_a_bounded_time_and_the_failure_says_what_to_do()
    {
        Execute($"CREATE TABLE \"{SqliteMigrationGuard.EfLockTable}\" (\"Id\" INTEGER PRIMARY KEY, \"Timestamp\" TEXT NOT NULL);"
            + $"INSERT INTO \"{SqliteMigrationGuard.EfLockTable}\" VALUES (1, '2026-12-01 10:00:00+00:00');");
        using var otherMigrator = HoldMigratorLock();

        using var migrator = StartMigrator(lockWait: TimeSpan.FromSeconds(3));
        var (exitCode, output) = await WaitForExitAsync(migrator, Patience);

        Assert.Equal(1, exitCode);
        Assert.Contains("Another migrator has been migrating this database", output);
        Assert.Contains("then start again", output);
        // The live migrator's lock is left alone.
        Assert.Equal(1L, Scalar($"SELECT COUNT(*) FROM \"{SqliteMigrationGuard.EfLockTable}\""));
    }

    [Fact]
    public async Task Ctrl_C_while_the_migrator_waits_stops_it_at_once()
    {
        using var otherMigrator = HoldMigratorLock();
        using var migrator = StartMigrator(lockWait: TimeSpan.FromMinutes(10));
        var output = new System.Text.StringBuilder();
        migrator.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        migrator.BeginOutputReadLine();
        migrator.BeginErrorReadLine();
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline && !Contains(output, "Another migrator is migrating")) await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.True(Contains(output, "Another migrator is migrating"), output.ToString());

        var stopping = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-INT", migrator.Id.ToString()])) await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await migrator.WaitForExitAsync(timeout.Token);

        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(10), $"stopped after {stopping.Elapsed.TotalSeconds:0.0} s");
        Assert.NotEqual(0, migrator.ExitCode);
    }

    private static bool Contains(System.Text.StringBuilder output, string text)
    {
        lock (output) return output.ToString().Contains(text);
    }

    /// <summary>Another migrator at work on the same file, as the guard sees it: its file lock held.</summary>
    private FileStream HoldMigratorLock() =>
        new(SqliteMigrationGuard.LockFileFor(ConnectionString), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

    private Process StartMigrator(TimeSpan? lockWait = null)
    {
        var service = Path.Combine(TestPaths.RepositoryRoot, "Adas.MigrationService", "bin", TestPaths.BuildConfiguration, "net10.0",
            "Adas.MigrationService.dll");
        var start = new ProcessStartInfo("dotnet", [service])
        {
            WorkingDirectory = _dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment[EnvironmentVariables.DataDir] = _dir;
        start.Environment[EnvironmentVariables.DbProvider] = "Sqlite";
        start.Environment["ConnectionStrings__adasdb"] = $"Data Source={Path.Combine(_dir, "adas.db")}";
        start.Environment[EnvironmentVariables.AdminPassword] = "Tests-Admin-Passw0rd!";
        start.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
        if (lockWait is { } wait) start.Environment["Migrations__LockWaitTimeout"] = wait.ToString();
        return Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started");
    }

    private static async Task<(int ExitCode, string Output)> WaitForExitAsync(Process process, TimeSpan patience)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return (-1, $"still running after {patience}: {await output}{await errors}");
        }
        return (process.ExitCode, await output + await errors);
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private long Scalar(string sql)
    {
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
