using System.Globalization;
using Adas.Data.Entities;
using Adas.Perception.Analysis;
using Adas.Worker.Analysis;

namespace Adas.Worker.Cli.Eval;

/// <summary>
/// <c>bench eval [--labels DIR] [--media DIR] [--out DIR]</c>: runs every labelled clip through its pipeline, scores the
/// events against the human labels and prints, per event type, true and false positives, misses, precision, recall and
/// the warnings' lead time, then per clip the lane rate and ego speed.
/// </summary>
public static class EvalCommand
{
    public static async Task<int> RunAsync(CliArguments args, AnalyzerFactory factory)
    {
        var labels = args.Get("labels") ?? Path.Combine(RepositoryRoot(), "eval", "labels");
        var media = args.Get("media") ?? Path.Combine(RepositoryRoot(), ".assets", "media", "dev");
        var report = await EvaluateAsync(ClipLabels.LoadFolder(labels), media, factory, args.Get("out"));
        Console.Write(report.ToMarkdown());
        return 0;
    }

    public static async Task<EvalReport> EvaluateAsync(IReadOnlyList<ClipLabels> clips, string mediaFolder, AnalyzerFactory factory,
        string? keepFolder = null)
    {
        var scratch = keepFolder is { } k ? Directory.CreateDirectory(k) : Directory.CreateTempSubdirectory("adas-eval-");
        try
        {
            var runs = new List<ClipRun>();
            foreach (var labels in clips)
            {
                var video = Path.Combine(mediaFolder, labels.Clip);
                if (!File.Exists(video)) { runs.Add(new ClipRun(labels, null, null)); continue; }
                var type = labels.VideoType == "in_cabin" ? VideoType.InCabin : VideoType.Dashcam;
                var output = Path.Combine(scratch.FullName, Path.GetFileNameWithoutExtension(labels.Clip) + ".annotated.mp4");
                AnalysisResult result;
                using (var analyzer = factory.Create(type))
                    result = await VideoAnalyzer.RunAsync(video, output, analyzer);
                runs.Add(new ClipRun(labels, result, EvalScorer.Score(labels, result.Output.Events)));
            }
            return new EvalReport(runs);
        }
        finally
        {
            if (keepFolder is null) scratch.Delete(recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Adas.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}

public sealed record ClipRun(ClipLabels Labels, AnalysisResult? Result, ClipScore? Score);

public sealed record TypeTally(string Type, int TruePositives, int FalsePositives, int Misses, int Accepted, int Unjudged,
    IReadOnlyList<double> LeadSeconds)
{
    public double? Precision => TruePositives + FalsePositives > 0 ? (double)TruePositives / (TruePositives + FalsePositives) : null;
    public double? Recall => TruePositives + Misses > 0 ? (double)TruePositives / (TruePositives + Misses) : null;
}

public sealed record EvalReport(IReadOnlyList<ClipRun> Runs)
{
    public IEnumerable<ClipScore> Scores => Runs.Select(r => r.Score).OfType<ClipScore>();

    public int FalseCriticals => Scores.Sum(s => s.FalseCriticals);

    public IReadOnlyList<TypeTally> ByType()
    {
        var events = Scores.SelectMany(s => s.Events).ToList();
        // A label is one true positive however many events matched it: the first event of its kind counts, with its lead.
        var firstHits = Scores.SelectMany(s => s.Events.Where(e => e.Verdict == Verdict.TruePositive)
            .GroupBy(e => s.Hits.First(l => l.Types.Contains(e.Event.Type) && e.Event.StartSeconds <= l.End && e.Event.EndSeconds >= l.Start))
            .Select(g => g.OrderBy(e => e.Event.StartSeconds).First())).ToList();
        var misses = Scores.SelectMany(s => s.Misses).ToList();
        var types = events.Select(e => e.Event.Type).Concat(misses.Select(m => m.Label.Types[0])).Distinct().Order(StringComparer.Ordinal);
        return [.. types.Select(t => new TypeTally(t,
            firstHits.Count(e => e.Event.Type == t),
            events.Count(e => e.Event.Type == t && e.Verdict == Verdict.FalsePositive),
            misses.Count(m => m.Label.Types[0] == t),
            events.Count(e => e.Event.Type == t && e.Verdict == Verdict.Accepted),
            events.Count(e => e.Event.Type == t && e.Verdict == Verdict.Unjudged),
            [.. firstHits.Where(e => e.Event.Type == t && e.LeadSeconds is not null).Select(e => e.LeadSeconds!.Value)]))];
    }

    public string ToMarkdown()
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine("| event type | TP | FP | misses | precision | recall | lead time s (mean, min) | accepted | unjudged |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var t in ByType())
            text.AppendLine(Inv($"| {t.Type} | {t.TruePositives} | {t.FalsePositives} | {t.Misses} | {Pct(t.Precision)} | {Pct(t.Recall)} | {Lead(t.LeadSeconds)} | {t.Accepted} | {t.Unjudged} |"));
        text.AppendLine();
        text.AppendLine(Inv($"false criticals: {FalseCriticals}"));
        text.AppendLine();
        text.AppendLine("| clip | frames | both lines | mean ego speed m/s | camera | events (verdict) | misses | fps |");
        text.AppendLine("|---|---:|---:|---:|---|---|---|---:|");
        foreach (var run in Runs)
        {
            if (run.Result is not { } r || run.Score is not { } s)
            {
                text.AppendLine($"| {run.Labels.Clip} | not found | | | | | | |");
                continue;
            }
            var summary = r.Output.Summary;
            var lanes = summary.GetValueOrDefault("lane_detection_rate") is double rate ? rate.ToString("P0", CultureInfo.InvariantCulture) : "-";
            var speed = summary.GetValueOrDefault("mean_ego_speed_mps") is double v ? v.ToString("0.0", CultureInfo.InvariantCulture)
                : summary.ContainsKey("mean_ego_speed_mps") ? "unknown" : "-";
            var camera = summary.GetValueOrDefault("camera_motion") as string ?? "-";
            var events = string.Join(", ", s.Events.Select(e => Inv(
                $"{e.Event.Type} {e.Event.Severity.ToString().ToLowerInvariant()} {e.Event.StartSeconds:0.0}-{e.Event.EndSeconds:0.0} s {Short(e)}")));
            var missed = string.Join(", ", s.Misses.Select(m => Inv($"{m.Label.Types[0]} {m.Label.Start:0.0}-{m.Label.End:0.0} s")));
            text.AppendLine(Inv($"| {run.Labels.Clip} | {r.FramesProcessed} | {lanes} | {speed} | {camera} | {(events.Length > 0 ? events : "none")} | {(missed.Length > 0 ? missed : "-")} | {r.FramesProcessed / r.Elapsed.TotalSeconds:0.0} |"));
        }
        return text.ToString();
    }

    private static string Short(ScoredEvent e) => e.Verdict switch
    {
        Verdict.TruePositive => e.OverSevere ? "(TP, over-severe)" : "(TP)",
        Verdict.Accepted => e.OverSevere ? "(accepted, over-severe)" : "(accepted)",
        Verdict.FalsePositive => "(FP)",
        _ => "(unjudged)",
    };

    private static string Pct(double? value) => value is { } v ? v.ToString("P0", CultureInfo.InvariantCulture) : "-";

    private static string Lead(IReadOnlyList<double> leads) =>
        leads.Count > 0 ? Inv($"{leads.Average():0.00}, {leads.Min():0.00}") : "-";

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
