using Adas.Perception.Events;
using Adas.Tests.Infrastructure;
using Adas.Tests.Perception.Road;
using Adas.Worker.Analysis;
using Adas.Worker.Cli.Eval;

namespace Adas.Tests.Cli;

/// <summary>
/// <c>bench eval</c> on the whole labelled dev set (eval/labels, written by looking at the footage): the floor the
/// pipeline reaches. About 11,000 frames through both pipelines, a few minutes on the 2-core machine.
/// </summary>
public sealed class DevSetEvalTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_labelled_dev_set_scores_no_false_critical_and_finds_the_near_misses()
    {
        var labels = ClipLabels.LoadFolder(Path.Combine(TestPaths.RepositoryRoot, "eval", "labels"));
        var media = Path.GetDirectoryName(Path.GetDirectoryName(TestPaths.Asset("media/dev/road/country_road_640x360.mp4")))!;

        var report = await EvalCommand.EvaluateAsync(labels, media, new AnalyzerFactory(RoadAssets.Models));
        output.WriteLine(report.ToMarkdown());

        Assert.All(report.Runs, r => Assert.NotNull(r.Result));
        Assert.Equal(0, report.FalseCriticals);
        var collisions = report.ByType().Where(t => t.Type is EventTypes.ForwardCollisionWarning or EventTypes.PedestrianCollisionWarning).ToList();
        Assert.True(collisions.Sum(t => t.TruePositives) >= 1, "no labelled near miss was warned of");
    }

    [Fact]
    public void Scoring_matches_by_type_and_window_and_counts_quiet_windows_only()
    {
        var labels = new ClipLabels("road/x.mp4", "dashcam", null,
            [new ExpectedEvent([EventTypes.ForwardCollisionWarning], "warning", 8, 10, Conflict: 9.5)],
            [new QuietWindow(0, 7), new QuietWindow(10.5, 12, Types: [EventTypes.LaneDeparture])]);
        AnalysisEvent Fired(string type, EventSeverity severity, double start, double end) => new(type, severity, start, end, null, null);

        var score = EvalScorer.Score(labels, [
            Fired(EventTypes.ForwardCollisionWarning, EventSeverity.Critical, 8.5, 9.0), // matched, but a critical where a warning is due
            Fired(EventTypes.PedestrianCollisionWarning, EventSeverity.Warning, 2, 3),  // in a quiet window: false positive
            Fired(EventTypes.CloseFollowing, EventSeverity.Warning, 11, 12),            // the window is quiet only for lane departures
            Fired(EventTypes.Yawning, EventSeverity.Info, 1, 2),                        // info is not scored
        ]);

        Assert.Equal([Verdict.FalsePositive, Verdict.TruePositive, Verdict.Unjudged], score.Events.Select(e => e.Verdict));
        Assert.True(score.Events[1].OverSevere);
        Assert.Equal(1.0, score.Events[1].LeadSeconds!.Value, 3);
        Assert.Equal(1, score.FalseCriticals);
        Assert.Empty(score.Misses);
        Assert.Single(EvalScorer.Score(labels, []).Misses);
    }
}
