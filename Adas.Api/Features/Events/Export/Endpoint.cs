using System.Text;
using Adas.Api.Extensions;
using Adas.Api.Features.Shared;
using Adas.Api.Security;
using Adas.Data;
using FastEndpoints;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Adas.Api.Features.Events.Export;

/// <summary>
/// Every visible event matching the list's filters as CSV, in the list's order, written row by row as the database
/// returns them (never the whole file in memory). One export per user at a time, at most <see cref="ExportOptions.MaxRows"/> rows.
/// </summary>
public sealed class Endpoint(AdasDbContext db, ExportGate gate, IOptions<ExportOptions> options) : Endpoint<Request>
{
    private const string Header = "id,occurredAt,type,severity,startSeconds,endSeconds,durationSeconds,peakMetric,peakValue,trackId,jobId,tripId,vehicleId,driverId,hasSnapshot,hasClip,reviewState,dismissReason,reviewedAt";

    public override void Configure()
    {
        Get("/events/export");
        Summary(s => s.Summary = "All safety events the caller may see as CSV (same filters and order as the list, no paging), streamed");
        Description(b => b.Produces<string>(StatusCodes.Status200OK, "text/csv"));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        using var running = gate.TryEnter(CurrentUser.From(User).Id);
        if (running is null)
        {
            await SecurityExtensions.WriteTooManyRequestsAsync(HttpContext, TimeSpan.FromSeconds(5), "An export of yours is still running.", ct);
            return;
        }
        var matching = db.SafetyEvents.AsNoTracking().VisibleTo(CurrentUser.From(User)).Filter(req);
        var total = await matching.CountAsync(ct);
        if (total > options.Value.MaxRows)
        {
            await Send.ResultAsync(Problems.BadRequest($"The export would hold {total:N0} events; at most {options.Value.MaxRows:N0} are "
                + "exported at once. Narrow the filter (date range, driver, vehicle, trip, type or severity)."));
            return;
        }
        var rows = matching
            .OrderByDescending(e => e.OccurredAt).ThenBy(e => e.Id)
            .Select(e => new
            {
                e.Id, e.OccurredAt, e.Type, e.Severity, e.StartSeconds, e.EndSeconds, e.PeakMetric, e.PeakValue, e.TrackId, e.JobId,
                e.TripId, e.VehicleId, e.DriverId, HasSnapshot = e.SnapshotPath != null, HasClip = e.ClipPath != null,
                e.ReviewState, e.DismissReason, e.ReviewedAt,
            })
            .AsAsyncEnumerable();

        HttpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        HttpContext.Response.ContentType = "text/csv; charset=utf-8";
        HttpContext.Response.Headers.ContentDisposition = "attachment; filename=events.csv";
        await using var writer = new StreamWriter(HttpContext.Response.Body, new UTF8Encoding(false), bufferSize: 16 * 1024);
        await writer.WriteAsync(Header + "\r\n");
        var count = 0;
        await foreach (var e in rows.WithCancellation(ct))
        {
            await writer.WriteAsync(string.Join(',', CsvCell.Id(e.Id), CsvCell.Time(e.OccurredAt), CsvCell.Text(e.Type),
                CsvCell.Text(e.Severity.ToString().ToLowerInvariant()), CsvCell.Number(e.StartSeconds), CsvCell.Number(e.EndSeconds),
                CsvCell.Number(Math.Round(e.EndSeconds - e.StartSeconds, 3)), CsvCell.Text(e.PeakMetric), CsvCell.Number(e.PeakValue),
                e.TrackId?.ToString() ?? "", CsvCell.Id(e.JobId), CsvCell.Id(e.TripId), CsvCell.Id(e.VehicleId), CsvCell.Id(e.DriverId),
                e.HasSnapshot ? "true" : "false", e.HasClip ? "true" : "false", ApiConventions.SnakeCase(e.ReviewState),
                e.DismissReason is { } reason ? ApiConventions.SnakeCase(reason) : "", e.ReviewedAt is { } at ? CsvCell.Time(at) : "") + "\r\n");
            if (++count % 200 == 0) await writer.FlushAsync(ct);
        }
    }
}
