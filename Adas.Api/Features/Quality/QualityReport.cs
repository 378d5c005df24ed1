using System.Globalization;
using System.Text.Json;
using Adas.Api.Security;
using Adas.Data;
using Adas.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Quality;

/// <summary>
/// How often each warning is right: reviewed events per type and severity, precision = confirmed / (confirmed +
/// dismissed) with its 95 % Wilson interval, split by the models and rule settings the job ran with, and per week.
/// </summary>
public sealed class QualityReport(AdasDbContext db)
{
    /// <summary>The job summary key the worker records the fleet's rule-settings version under.</summary>
    public const string RuleSettingsKey = "rule_settings_version";

    private sealed record Row(string Type, Severity Severity, ReviewState State, DismissReason? Reason, DateTime OccurredAt, Guid JobId);

    /// <summary>Null when the caller may not see the fleet asked for.</summary>
    public static Guid? FleetScope(CurrentUser caller, Guid? asked, out bool allowed)
    {
        allowed = caller.IsAdmin || (caller.IsManager && caller.FleetId is not null && (asked is null || asked == caller.FleetId));
        return caller.IsAdmin ? asked : caller.FleetId;
    }

    public async Task<Response> BuildAsync(Guid? fleetId, DateTime? from, DateTime? to, CancellationToken ct)
    {
        var events = db.SafetyEvents.AsNoTracking();
        if (fleetId is { } fleet) events = events.Where(e => e.FleetId == fleet);
        if (from is { } start) events = events.Where(e => e.OccurredAt >= start.ToUniversalTime());
        if (to is { } end) events = events.Where(e => e.OccurredAt < end.ToUniversalTime());
        var rows = await events.Select(e => new Row(e.Type, e.Severity, e.ReviewState, e.DismissReason, e.OccurredAt, e.JobId)).ToListAsync(ct);
        var jobIds = rows.Select(r => r.JobId).Distinct().ToList();
        var settings = (await db.VideoJobs.AsNoTracking().Where(j => jobIds.Contains(j.Id)).Select(j => new { j.Id, j.SummaryJson }).ToListAsync(ct))
            .ToDictionary(j => j.Id, j => SettingsOf(j.SummaryJson));

        var byType = rows.GroupBy(r => (r.Type, r.Severity)).Select(g => Tally(g.Key.Type, g.Key.Severity, null, null, g))
            .OrderBy(t => t.Type).ThenBy(t => t.Severity).ToList();
        var bySettings = rows.GroupBy(r => (r.Type, r.Severity, settings[r.JobId].ModelSet, settings[r.JobId].RuleSettings))
            .Select(g => Tally(g.Key.Type, g.Key.Severity, g.Key.ModelSet, g.Key.RuleSettings, g))
            .OrderBy(t => t.Type).ThenBy(t => t.Severity).ThenBy(t => t.ModelSet).ToList();
        var weekly = rows.GroupBy(r => WeekStart(r.OccurredAt)).OrderBy(g => g.Key)
            .Select(g => Week(g.Key, g)).ToList();
        return new Response(fleetId, from, to, rows.Count, byType, bySettings, weekly);
    }

    private static Tally Tally(string type, Severity severity, string? modelSet, string? ruleSettings, IEnumerable<Row> rows)
    {
        var list = rows.ToList();
        var confirmed = list.Count(r => IsConfirmed(r.State));
        var dismissed = list.Where(r => r.State == ReviewState.Dismissed).ToList();
        var (precision, low, high) = Precision(confirmed, dismissed.Count);
        return new Tally(type, severity, modelSet, ruleSettings, list.Count, confirmed + dismissed.Count, confirmed, dismissed.Count,
            dismissed.GroupBy(r => r.Reason ?? DismissReason.Other).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
            list.Count(r => r.State == ReviewState.NeedsReview), precision, low, high);
    }

    private static WeekTally Week(DateOnly start, IEnumerable<Row> rows)
    {
        var list = rows.ToList();
        var confirmed = list.Count(r => IsConfirmed(r.State));
        var dismissed = list.Count(r => r.State == ReviewState.Dismissed);
        var (precision, low, high) = Precision(confirmed, dismissed);
        return new WeekTally(start, list.Count, confirmed + dismissed, confirmed, dismissed, precision, low, high);
    }

    private static bool IsConfirmed(ReviewState state) => state is ReviewState.Confirmed or ReviewState.Coachable or ReviewState.Coached;

    private static (double? Precision, double? Low, double? High) Precision(int confirmed, int dismissed)
    {
        var decided = confirmed + dismissed;
        if (decided == 0) return (null, null, null);
        var (low, high) = Wilson.Interval(confirmed, decided);
        return (Math.Round((double)confirmed / decided, 4), Math.Round(low, 4), Math.Round(high, 4));
    }

    public static DateOnly WeekStart(DateTime at)
    {
        var day = DateOnly.FromDateTime(at);
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }

    /// <summary>The models a job ran with (from its summary), as one sorted "role=file" list, and its rule-settings version.</summary>
    private static (string ModelSet, string? RuleSettings) SettingsOf(string? summaryJson)
    {
        if (string.IsNullOrWhiteSpace(summaryJson)) return ("unknown", null);
        try
        {
            using var summary = JsonDocument.Parse(summaryJson);
            var models = summary.RootElement.TryGetProperty("models", out var m) && m.ValueKind == JsonValueKind.Object
                ? string.Join("; ", m.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => $"{p.Name}={p.Value}"))
                : "unknown";
            var rules = summary.RootElement.TryGetProperty(RuleSettingsKey, out var r) ? r.ToString() : null;
            return (models.Length == 0 ? "unknown" : models, rules);
        }
        catch (JsonException)
        {
            return ("unknown", null);
        }
    }

    public static string Csv(Response report)
    {
        var lines = new List<string> { "type,severity,modelSet,ruleSettingsVersion,events,awaitingReview,reviewed,confirmed,dismissed,precision,precisionLow95,precisionHigh95,dismissedByReason" };
        foreach (var t in report.ByType.Concat(report.BySettings))
            lines.Add(string.Join(',', Events.Export.CsvCell.Text(t.Type), Adas.Api.Extensions.ApiConventions.SnakeCase(t.Severity),
                Events.Export.CsvCell.Text(t.ModelSet ?? "all"), Events.Export.CsvCell.Text(t.RuleSettingsVersion ?? ""),
                t.Events, t.AwaitingReview, t.Reviewed, t.Confirmed, t.Dismissed, Events.Export.CsvCell.Number(t.Precision),
                Events.Export.CsvCell.Number(t.PrecisionLow), Events.Export.CsvCell.Number(t.PrecisionHigh),
                Events.Export.CsvCell.Text(string.Join(' ', t.DismissedByReason.Select(d =>
                    string.Create(CultureInfo.InvariantCulture, $"{Adas.Api.Extensions.ApiConventions.SnakeCase(d.Key)}={d.Value}"))))));
        return string.Join("\r\n", lines) + "\r\n";
    }
}
