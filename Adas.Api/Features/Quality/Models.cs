using Adas.Data.Entities;

namespace Adas.Api.Features.Quality;

/// <summary>
/// ByType: per event type and severity over all jobs; BySettings: the same split by the model set and the rule-settings
/// version the job ran with (from the job summary; null for jobs analysed before rule settings were versioned); Weekly:
/// all types per week.
/// </summary>
public sealed record Response(Guid? FleetId, DateTime? From, DateTime? To, int Events, IReadOnlyList<Tally> ByType,
    IReadOnlyList<Tally> BySettings, IReadOnlyList<WeekTally> Weekly);

/// <summary>Confirmed counts confirmed, coachable and coached; precision = confirmed / (confirmed + dismissed), null before any verdict.</summary>
public sealed record Tally(string Type, Severity Severity, string? ModelSet, string? RuleSettingsVersion, int Events, int Reviewed,
    int Confirmed, int Dismissed, IReadOnlyDictionary<DismissReason, int> DismissedByReason, int AwaitingReview, double? Precision,
    double? PrecisionLow, double? PrecisionHigh);

public sealed record WeekTally(DateOnly WeekStart, int Events, int Reviewed, int Confirmed, int Dismissed, double? Precision,
    double? PrecisionLow, double? PrecisionHigh);
