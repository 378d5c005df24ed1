using Adas.Web.Api;

namespace Adas.Web.Media;

/// <summary>
/// Serves the API's videos, snapshots, clips and CSV exports to the signed-in browser (a &lt;video src&gt; cannot send a
/// bearer token): the range headers go through, the status (206), Content-Range and the body come back streamed.
/// </summary>
public static class MediaProxy
{
    private static readonly string[] RequestHeaders = ["Range", "If-Range", "If-None-Match", "If-Modified-Since"];
    private static readonly string[] ResponseHeaders = ["Accept-Ranges", "ETag", "Last-Modified"];

    public static IEndpointRouteBuilder MapMediaProxy(this IEndpointRouteBuilder app)
    {
        var media = app.MapGroup("/media").RequireAuthorization();
        media.MapGet("/jobs/{id:guid}/video", (Guid id, HttpContext context, MediaApi api) => ForwardAsync(context, api, $"/api/jobs/{id}/video"));
        media.MapGet("/events/{id:guid}/snapshot", (Guid id, HttpContext context, MediaApi api) => ForwardAsync(context, api, $"/api/events/{id}/snapshot"));
        media.MapGet("/events/{id:guid}/clip", (Guid id, HttpContext context, MediaApi api) => ForwardAsync(context, api, $"/api/events/{id}/clip"));
        media.MapGet("/events/export", (HttpContext context, MediaApi api) => ForwardAsync(context, api, "/api/events/export" + context.Request.QueryString));
        media.MapGet("/quality/export", (HttpContext context, MediaApi api) => ForwardAsync(context, api, "/api/quality/export" + context.Request.QueryString));
        return app;
    }

    private static async Task ForwardAsync(HttpContext context, MediaApi api, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        foreach (var name in RequestHeaders)
            if (context.Request.Headers.TryGetValue(name, out var value)) request.Headers.TryAddWithoutValidation(name, value.ToArray());
        HttpResponseMessage response;
        try
        {
            response = await api.AsUser.SendAsync(request, context.RequestAborted, HttpCompletionOption.ResponseHeadersRead);
        }
        catch (ApiProblem problem)
        {
            context.Response.StatusCode = (int)problem.Status;
            await context.Response.WriteAsync(problem.Message, context.RequestAborted);
            return;
        }
        using (response)
        {
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var name in ResponseHeaders)
                if (response.Headers.TryGetValues(name, out var values)) context.Response.Headers[name] = values.ToArray();
            var content = response.Content.Headers;
            if (content.ContentType is { } type) context.Response.ContentType = type.ToString();
            if (content.ContentLength is { } length) context.Response.ContentLength = length;
            if (content.ContentRange is { } range) context.Response.Headers.ContentRange = range.ToString();
            if (content.ContentDisposition is { } disposition) context.Response.Headers.ContentDisposition = disposition.ToString();
            if (content.LastModified is { } modified) context.Response.Headers.LastModified = modified.ToString("R");
            context.Response.Headers.CacheControl = "private, no-transform";
            await using var body = await response.Content.ReadAsStreamAsync(context.RequestAborted);
            await body.CopyToAsync(context.Response.Body, context.RequestAborted);
        }
    }
}
