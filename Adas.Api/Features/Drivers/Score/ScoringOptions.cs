namespace Adas.Api.Features.Drivers.Score;

/// <summary>
/// Driver score weights (configuration section "Scoring"): each event costs weight(type) x multiplier(severity) points
/// per hour driven; the score is 100 minus the sum, clamped to 0-100.
/// </summary>
public sealed class ScoringOptions
{
    public const string Section = "Scoring";

    public Dictionary<string, double> EventWeights { get; set; } = new()
    {
        ["forward_collision_warning"] = 5,
        ["pedestrian_collision_warning"] = 6,
        ["close_following"] = 3,
        ["lane_departure"] = 2,
        ["microsleep"] = 10,
        ["sleep"] = 12,
        ["drowsiness"] = 6,
        ["yawning"] = 1,
        ["distraction"] = 4,
        ["phone_use"] = 6,
        ["camera_obstructed"] = 2,
        ["driver_absent"] = 2,
        ["traffic_sign"] = 0,
    };

    public Dictionary<string, double> SeverityMultipliers { get; set; } = new()
    {
        ["info"] = 0.5,
        ["warning"] = 1,
        ["critical"] = 2,
    };

    /// <summary>Weight of an event type not listed above.</summary>
    public double DefaultEventWeight { get; set; } = 1;

    /// <summary>Short histories count as at least this many hours, so one event on a short clip does not dominate.</summary>
    public double MinimumHours { get; set; } = 0.5;
}
