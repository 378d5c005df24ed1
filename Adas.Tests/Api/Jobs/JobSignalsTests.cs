using System.Net;
using Adas.Data;
using Adas.Data.Entities;
using Adas.Perception.Analysis;
using Adas.Perception.Road;
using Adas.Perception.Signals;
using Adas.Tests.Api.Infrastructure;
using Adas.Tests.Infrastructure;
using Adas.Tests.Perception.Road;
using Adas.Tests.Perception.Signals;
using Adas.Shared.Signals;

namespace Adas.Tests.Api.Jobs;

/// <summary>
/// <c>GET /api/jobs/{id}/signals</c> over real HTTP and a real SQLite file, serving the signals the road pipeline wrote
/// for a real dev clip: Parquet as stored, CSV streamed, other callers 404, bad input a problem.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class JobSignalsTests(ApiFactory api)
{
    private const string Clip = "scooter_crosses_point_blank_1280x720";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(VideoJob Job, int Frames, string Signals)> AnalysedJobAsync(Guid ownerId)
    {
        var job = await api.CreateJobAsync(ownerId);
        var results = new DataPaths(api.DataDirectory).ResultsFor(job.Id);
        Directory.CreateDirectory(results);
        var signals = Path.Combine(results, SignalsFile.FileName);
        using var analyzer = new RoadAnalyzer(RoadAssets.Models, new RoadOptions(), signalsPath: signals);
        var result = await VideoAnalyzer.RunAsync(DevSetRuns.Clip(Clip), Path.Combine(results, "annotated.mp4"), analyzer, cancellationToken: Ct);
        return (job, result.FramesProcessed, signals);
    }

    [Fact]
    public async Task The_owner_gets_the_parquet_file_and_a_csv_of_the_same_rows_and_a_stranger_gets_404()
    {
        var fleet = await api.CreateFleetAsync();
        var (owner, client) = await api.SignInAsync(UserRole.Driver, fleet.Id);
        var (job, frames, signals) = await AnalysedJobAsync(owner.Id);

        using var parquet = await client.GetAsync($"/api/jobs/{job.Id}/signals", Ct);
        Assert.Equal(HttpStatusCode.OK, parquet.StatusCode);
        Assert.Equal("application/vnd.apache.parquet", parquet.Content.Headers.ContentType?.MediaType);
        var downloaded = Path.Combine(api.DataDirectory, $"{job.Id:N}.parquet");
        await File.WriteAllBytesAsync(downloaded, await parquet.Content.ReadAsByteArrayAsync(Ct), Ct);
        Assert.Equal(frames, DuckDbSignals.Scalar<int>($"SELECT count(*) FROM read_parquet('{downloaded}') WHERE row_kind = 'frame'"));

        using var csv = await client.GetAsync($"/api/jobs/{job.Id}/signals?format=csv", Ct);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync(Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        Assert.Equal("row_kind", header[0]);
        Assert.Contains("ttc_s", header);
        var rows = DuckDbSignals.Scalar<int>($"SELECT count(*) FROM read_parquet('{signals}')");
        Assert.Equal(rows, lines.Length - 1);
        Assert.Equal(frames, lines.Count(l => l.StartsWith("frame,", StringComparison.Ordinal)));
        var ttc = Array.IndexOf(header, "ttc_s");
        Assert.Contains(lines.Skip(1), l => l.Split(',')[ttc] is { Length: > 0 } value && double.Parse(value, System.Globalization.CultureInfo.InvariantCulture) > 0);

        var (_, stranger) = await api.SignInAsync(UserRole.Manager, (await api.CreateFleetAsync()).Id);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/jobs/{job.Id}/signals", Ct)).StatusCode);
        var (_, manager) = await api.SignInAsync(UserRole.Manager, fleet.Id);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/api/jobs/{job.Id}/signals?format=csv", Ct)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_format_is_a_problem_and_a_job_without_signals_is_a_conflict()
    {
        var (admin, client) = await api.SignInAsync(UserRole.Admin);
        var job = await api.CreateJobAsync(admin.Id);

        using var xml = await client.GetAsync($"/api/jobs/{job.Id}/signals?format=xml", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, xml.StatusCode);
        Assert.Equal("application/problem+json", xml.Content.Headers.ContentType?.MediaType);
        using var missing = await client.GetAsync($"/api/jobs/{job.Id}/signals", Ct);
        Assert.Equal(HttpStatusCode.Conflict, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }
}
