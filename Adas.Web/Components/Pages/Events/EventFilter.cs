using Adas.Web.Api;

namespace Adas.Web.Components.Pages.Events;

/// <summary>The inbox's filter: read from the page's query, written to the API's query (list and CSV export alike).</summary>
public sealed class EventFilter
{
    public string Type { get; set; } = "";
    public string Severity { get; set; } = "";
    public string DriverId { get; set; } = "";
    public string VehicleId { get; set; } = "";
    public string TripId { get; set; } = "";
    /// <summary>Set by the job page's "in the inbox" link; no field of its own.</summary>
    public string JobId { get; set; } = "";
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    /// <summary>A review state, or <see cref="AnyState"/>; the inbox opens on what needs review.</summary>
    public string ReviewState { get; set; } = NeedsReview;
    public string DismissReason { get; set; } = "";

    public const string NeedsReview = "needs_review";
    public const string AnyState = "any";

    public static EventFilter Parse(string? type, string? severity, string? driver, string? vehicle, string? trip, string? job,
        string? from, string? to, string? reviewState = null, string? dismissReason = null) => new()
    {
        ReviewState = string.IsNullOrEmpty(reviewState) ? NeedsReview : reviewState,
        DismissReason = dismissReason ?? "",
        Type = type ?? "",
        Severity = severity ?? "",
        DriverId = Guid.TryParse(driver, out var d) ? d.ToString() : "",
        VehicleId = Guid.TryParse(vehicle, out var v) ? v.ToString() : "",
        TripId = Guid.TryParse(trip, out var t) ? t.ToString() : "",
        JobId = Guid.TryParse(job, out var j) ? j.ToString() : "",
        From = DateOnly.TryParse(from, System.Globalization.CultureInfo.InvariantCulture, out var f) ? f : null,
        To = DateOnly.TryParse(to, System.Globalization.CultureInfo.InvariantCulture, out var u) ? u : null,
    };

    private (string, object?)[] Common =>
    [
        ("type", Type), ("severity", Severity), ("driverId", DriverId), ("vehicleId", VehicleId), ("tripId", TripId), ("jobId", JobId),
        ("dismissReason", DismissReason),
    ];

    /// <summary>The review queue reads most severe first and oldest first within a severity; other views newest first.</summary>
    private string? Order => ReviewState == NeedsReview ? "review" : null;

    /// <summary>For the API: dates become UTC instants; "to" includes its whole day.</summary>
    public string ApiQuery(int? page = null) => Api.ApiQuery.Build("", [.. Common,
        ("from", From?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)),
        ("to", To?.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)),
        ("reviewState", ReviewState == AnyState ? null : ReviewState), ("order", Order),
        ("page", page)]);

    /// <summary>For the dashboard's own URL.</summary>
    public string PageQuery(int page) => Api.ApiQuery.Build("", [.. Common, ("from", From), ("to", To),
        ("reviewState", ReviewState == NeedsReview ? null : ReviewState), ("page", page > 1 ? page : null)]);
}
