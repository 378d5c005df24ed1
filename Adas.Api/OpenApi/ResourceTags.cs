using FastEndpoints;

namespace Adas.Api.OpenApi;

/// <summary>The groups of the API reference: one per resource, named after the feature folder an endpoint lives in.</summary>
public static class ResourceTags
{
    public const string System = "System";

    /// <summary>In the order the reference lists them, with what each group is for.</summary>
    public static readonly IReadOnlyList<(string Name, string Description)> All =
    [
        ("Auth", "Sign-in, token refresh and sign-out; the caller's own account."),
        ("Jobs", "Video uploads and their analysis: status, live progress (WebSocket), results, the annotated video, deletion."),
        ("Events", "Safety events (episodes) with snapshots and clips: the inbox, review verdicts and history, statistics and CSV export."),
        ("Quality", "How often each event type is right, from the review verdicts: precision with its interval, per model set and week."),
        ("Alerts", "Alerts raised by warning and critical events: acknowledge, resolve, history."),
        ("Trips", "Trips of a driver and vehicle, with their statistics."),
        ("Vehicles", "Fleet vehicles and their camera (field of view, mounting height)."),
        ("Users", "Accounts and roles (admin, manager, driver, viewer)."),
        ("Drivers", "Driver scores."),
        ("Models", "The ONNX model registry: upload, validate, activate a version per task."),
        ("Fleets", "Fleets, the unit managers and viewers see."),
        (System, "Service information."),
    ];

    private const string FeaturesNamespace = "Adas.Api.Features.";
    private static readonly Dictionary<string, string> ByFolder = new(StringComparer.Ordinal) { ["Meta"] = System };

    /// <summary>The tag of a FastEndpoints endpoint, from its feature folder (<c>Adas.Api.Features.{Resource}.{Slice}</c>).</summary>
    public static string For(EndpointDefinition definition)
    {
        var ns = definition.EndpointType.Namespace ?? "";
        if (!ns.StartsWith(FeaturesNamespace, StringComparison.Ordinal)) return System;
        var folder = ns[FeaturesNamespace.Length..].Split('.')[0];
        return ByFolder.GetValueOrDefault(folder, folder);
    }
}
