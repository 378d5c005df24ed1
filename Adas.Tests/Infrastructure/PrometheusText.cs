using System.Globalization;

namespace Adas.Tests.Infrastructure;

/// <summary>Reads the Prometheus text exposition format: sums a metric's samples whose labels contain the given pairs.</summary>
public sealed class PrometheusText(string text)
{
    public double Sum(string metric, params string[] labels) =>
        Samples(metric).Where(s => labels.All(label => s.Labels.Contains(label))).Sum(s => s.Value);

    /// <summary>The sample lines of the metrics whose names start with the prefix (to show what was scraped).</summary>
    public string Lines(string prefix) => string.Join('\n', text.Split('\n').Where(line => line.StartsWith(prefix)));

    public bool Has(string metric) => Samples(metric).Any();

    private IEnumerable<(string Labels, double Value)> Samples(string metric)
    {
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith('#') || !line.StartsWith(metric)) continue;
            var rest = line[metric.Length..];
            if (rest.Length == 0 || (rest[0] != '{' && rest[0] != ' ')) continue;
            var labelsEnd = rest[0] == '{' ? rest.IndexOf('}') + 1 : 0;
            var fields = rest[labelsEnd..].Trim().Split(' ');
            if (double.TryParse(fields[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                yield return (rest[..labelsEnd], value);
        }
    }
}
