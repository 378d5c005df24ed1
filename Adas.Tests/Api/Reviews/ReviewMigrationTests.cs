using Adas.Data;
using Adas.Data.Entities;
using Adas.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Adas.Tests.Api.Reviews;

/// <summary>The review migration applied to a SQLite database that already holds analysed events.</summary>
public sealed class ReviewMigrationTests : IDisposable
{
    private const string BeforeReviews = "20261201100942_EventClips";
    private readonly string _directory = TestPaths.NewTempDirectory("review-migration");

    [Fact]
    public async Task Existing_warnings_and_criticals_need_review_info_does_not_and_no_event_is_lost()
    {
        var ct = TestContext.Current.CancellationToken;
        var connection = $"Data Source={Path.Combine(_directory, "adas.db")}";
        await using (var db = Open(connection))
            await db.GetService<IMigrator>().MigrateAsync(BeforeReviews, ct);
        var rows = new[] { ("Info", "yawning"), ("Warning", "forward_collision_warning"), ("Critical", "microsleep"), ("Warning", "lane_departure") }
            .Select(r => (Id: Guid.NewGuid(), Severity: r.Item1, Type: r.Item2)).ToList();
        await using (var raw = new SqliteConnection(connection))
        {
            await raw.OpenAsync(ct);
            foreach (var (id, severity, type) in rows)
            {
                await using var insert = raw.CreateCommand();
                // Only the event table matters here; its job row is not needed for this migration.
                insert.CommandText = """
                    PRAGMA foreign_keys = OFF;
                    INSERT INTO safety_events (Id, JobId, Type, Severity, StartSeconds, EndSeconds, OccurredAt, PeakMetric, PeakValue)
                    VALUES ($id, $job, $type, $severity, 1.5, 3.25, '2026-12-01 10:00:00', 'ttc_seconds', 1.2)
                    """;
                insert.Parameters.AddWithValue("$id", id.ToString().ToUpperInvariant());
                insert.Parameters.AddWithValue("$job", Guid.NewGuid().ToString().ToUpperInvariant());
                insert.Parameters.AddWithValue("$type", type);
                insert.Parameters.AddWithValue("$severity", severity);
                await insert.ExecuteNonQueryAsync(ct);
            }
        }

        await using var migrated = Open(connection);
        await migrated.Database.MigrateAsync(ct);

        var events = await migrated.SafetyEvents.AsNoTracking().ToListAsync(ct);
        Assert.Equal(rows.Select(r => r.Id).Order(), events.Select(e => e.Id).Order());
        foreach (var (id, severity, type) in rows)
        {
            var e = events.Single(e => e.Id == id);
            Assert.Equal((type, severity, 1.5, 3.25, "ttc_seconds", 1.2), (e.Type, e.Severity.ToString(), e.StartSeconds, e.EndSeconds, e.PeakMetric, e.PeakValue));
            Assert.Equal(severity == "Info" ? ReviewState.NotRequired : ReviewState.NeedsReview, e.ReviewState);
            Assert.Null(e.DismissReason);
        }
        Assert.Empty(await migrated.EventReviews.ToListAsync(ct));
    }

    private static SqliteAdasDbContext Open(string connection) =>
        new(new DbContextOptionsBuilder<SqliteAdasDbContext>().UseSqlite(connection).Options);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
