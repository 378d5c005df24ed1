using System.Diagnostics;

namespace Adas.Data.Telemetry;

/// <summary>The job flow's trace source and meter name (exported by the service defaults' "Adas.*" rules).</summary>
public static class JobTelemetry
{
    public const string Name = "Adas.Jobs";
    public const string TraceParentField = "traceparent";
    public const string TraceStateField = "tracestate";

    public static readonly ActivitySource ActivitySource = new(Name);
}
