using System.Net;
using System.Text.Json;

namespace Adas.Web.Api;

/// <summary>An API answer other than success, carrying its problem-details message (and the field it concerns, if any).</summary>
public sealed class ApiProblem(HttpStatusCode status, string message, IReadOnlyDictionary<string, string> fieldErrors) : Exception(message)
{
    public HttpStatusCode Status { get; } = status;
    public IReadOnlyDictionary<string, string> FieldErrors { get; } = fieldErrors;

    public bool IsNotFound => Status == HttpStatusCode.NotFound;

    /// <summary>The message for one field, else the general message.</summary>
    public string For(string field) =>
        FieldErrors.FirstOrDefault(e => e.Key.Equals(field, StringComparison.OrdinalIgnoreCase)).Value ?? Message;

    public static async Task<ApiProblem> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? detail = null, title = null;
        try
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            if (text.Length > 0 && JsonDocument.Parse(text).RootElement is { ValueKind: JsonValueKind.Object } root)
            {
                detail = root.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
                title = root.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                if (root.TryGetProperty("errors", out var errors)) ReadErrors(errors, fields);
            }
        }
        catch (JsonException)
        {
        }
        var message = fields.Count > 0 && detail is null or "One or more errors occurred!" ? string.Join(" ", fields.Values)
            : detail ?? title ?? DefaultMessage(response.StatusCode);
        return new ApiProblem(response.StatusCode, message, fields);
    }

    // FastEndpoints lists errors as [{name, reason}]; ASP.NET Core as {name: [messages]}.
    private static void ReadErrors(JsonElement errors, Dictionary<string, string> fields)
    {
        if (errors.ValueKind == JsonValueKind.Array)
            foreach (var e in errors.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object))
                fields.TryAdd(e.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "",
                    e.TryGetProperty("reason", out var r) ? r.GetString() ?? "" : "");
        else if (errors.ValueKind == JsonValueKind.Object)
            foreach (var p in errors.EnumerateObject())
                fields.TryAdd(p.Name, p.Value.ValueKind == JsonValueKind.Array ? string.Join(" ", p.Value.EnumerateArray().Select(v => v.ToString())) : p.Value.ToString());
    }

    private static string DefaultMessage(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Forbidden => "You are not allowed to do this.",
        HttpStatusCode.NotFound => "Not found, or not visible to you.",
        HttpStatusCode.RequestEntityTooLarge => "The file is too large.",
        HttpStatusCode.Unauthorized => "Your session has ended; sign in again.",
        _ => $"The API answered {(int)status}.",
    };
}
