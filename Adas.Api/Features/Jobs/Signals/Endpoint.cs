using System.Text;
using Adas.Api.Features.Shared;
using Adas.Data;
using Adas.Data.Entities;
using Adas.Shared.Signals;
using FastEndpoints;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Jobs.Signals;

/// <summary>
/// The job's per-frame signals (what perception measured and the rules read; <c>docs/signals.md</c>): the Parquet file
/// as stored (HTTP Range), or with <c>?format=csv</c> the same rows as CSV, streamed one row group at a time.
/// </summary>
public sealed class Endpoint(AdasDbContext db, DataPaths paths) : Endpoint<Request>
{
    public const string ParquetMediaType = "application/vnd.apache.parquet";

    public override void Configure()
    {
        Get("/jobs/{id:guid}/signals");
        Description(b => b.ClearDefaultProduces(204).Produces(StatusCodes.Status200OK, typeof(Stream), ParquetMediaType, "text/csv"));
        Summary(s =>
        {
            s.Summary = "The job's per-frame signals as Parquet (default) or CSV (?format=csv); 409 until the job has completed";
            s.Responses[409] = "The job has not completed, or was analysed before signals were kept.";
        });
    }

    public override async Task HandleAsync(Request r, CancellationToken ct)
    {
        var job = await db.JobsVisibleTo(User).FirstOrDefaultAsync(j => j.Id == r.Id, ct);
        if (job is null)
        {
            await Send.NotFoundAsync(ct);
            return;
        }
        var path = Path.Combine(paths.ResultsFor(job.Id), SignalsFile.FileName);
        if (job.Status != JobStatus.Completed || !File.Exists(path))
        {
            await Send.ResultAsync(Problems.Conflict(job.Status == JobStatus.Completed
                ? "This job was analysed before signals were kept; re-analyse it to get them."
                : $"The signals exist once the job has completed; the job is {job.Status.ToString().ToLowerInvariant()}."));
            return;
        }
        var baseName = Path.GetFileNameWithoutExtension(job.FileName) + "_signals";
        if (r.Format == Request.Parquet)
        {
            await Send.ResultAsync(TypedResults.PhysicalFile(path, ParquetMediaType, baseName + ".parquet", enableRangeProcessing: true));
            return;
        }
        await StreamCsvAsync(path, baseName + ".csv", ct);
    }

    private async Task StreamCsvAsync(string path, string downloadName, CancellationToken ct)
    {
        using var reader = new SignalTableReader(path);
        var columns = SignalRows.ColumnsOf(reader.Pipeline);
        HttpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        HttpContext.Response.ContentType = "text/csv; charset=utf-8";
        HttpContext.Response.Headers.ContentDisposition = $"attachment; filename={downloadName}";
        await using var writer = new StreamWriter(HttpContext.Response.Body, new UTF8Encoding(false), bufferSize: 64 * 1024);
        await writer.WriteAsync(string.Join(',', columns.Select(c => c.Definition.Name)) + "\r\n");
        var count = 0;
        foreach (var row in SignalRows.Read(reader, columns))
        {
            await writer.WriteAsync(string.Join(',', row.Select(SignalCsvCell.Of)) + "\r\n");
            if (++count % 2000 == 0) await writer.FlushAsync(ct);
        }
    }
}
