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

    public static EventFilter Parse(string? type, string? severity, string? driver, string? vehicle, string? trip, string? job,
        string? from, string? to) => new()
    {
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
    ];

    /// <summary>For the API: dates become UTC instants; "to" includes its whole day.</summary>
    public string ApiQuery(int? page = null) => Api.ApiQuery.Build("", [.. Common,
        ("from", From?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)),
        ("to", To?.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)),
        ("page", page)]);

    /// <summary>For the dashboard's own URL.</summary>
    public string PageQuery(int page) => Api.ApiQuery.Build("", [.. Common, ("from", From), ("to", To), ("page", page > 1 ? page : null)]);
}
