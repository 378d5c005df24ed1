using System.Globalization;

namespace Adas.Web.Components.Shared;

/// <summary>How API values read on screen.</summary>
public static class Labels
{
    public static readonly string[] EventTypes =
    [
        "forward_collision_warning", "close_following", "pedestrian_collision_warning", "lane_departure", "traffic_sign",
        "microsleep", "sleep", "drowsiness", "yawning", "distraction", "phone_use", "driver_absent", "camera_obstructed",
    ];

    public static readonly string[] Severities = ["info", "warning", "critical"];

    public static readonly string[] ReviewStates = ["needs_review", "confirmed", "coachable", "coached", "dismissed", "not_required"];

    public static readonly string[] DismissReasons = ["not_a_hazard", "wrong_object", "camera_or_video_problem", "not_the_driver", "duplicate", "other"];

    /// <summary>forward_collision_warning or analysisFps → "Forward collision warning", "Analysis fps".</summary>
    public static string Words(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var words = System.Text.RegularExpressions.Regex.Replace(value, "(?<=[a-z0-9])([A-Z])", " $1").Replace('_', ' ').ToLowerInvariant();
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    public static string Severity(string value) => Words(value);

    public static string Time(DateTime value) => value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Seconds(double value) => value.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    public static string Number(double? value, string format = "0.##") =>
        value?.ToString(format, CultureInfo.InvariantCulture) ?? "–";

    public static string Bytes(long bytes) => bytes switch
    {
        >= 1L << 30 => (bytes / (double)(1L << 30)).ToString("0.0", CultureInfo.InvariantCulture) + " GiB",
        >= 1L << 20 => (bytes / (double)(1L << 20)).ToString("0.0", CultureInfo.InvariantCulture) + " MiB",
        >= 1L << 10 => (bytes / (double)(1L << 10)).ToString("0", CultureInfo.InvariantCulture) + " KiB",
        _ => bytes + " B",
    };

    /// <summary>A number for CSS or SVG attributes (always a dot).</summary>
    public static string Css(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
