namespace Adas.Shared.Signals;

/// <summary>Facts shared by the writers and readers of signals files (<c>docs/signals.md</c> has the columns).</summary>
public static class SignalsFile
{
    public const string FileName = "signals.parquet";
    public const string SchemaVersionKey = "adas.signals.schema_version";
    public const string SchemaVersion = "1";
    public const string PipelineKey = "adas.signals.pipeline";
    public const string FpsKey = "adas.signals.fps";
    public const string LandmarksKey = "adas.signals.landmarks";
    public const string RoadPipeline = "road";
    public const string DriverPipeline = "driver";

    public const string FrameRow = "frame";
    public const string ObjectRow = "object";
    public const string SignRow = "sign";

    public static Dictionary<string, string> Metadata(string pipeline, double fps) => new()
    {
        [SchemaVersionKey] = SchemaVersion,
        [PipelineKey] = pipeline,
        [FpsKey] = fps.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
    };
}
