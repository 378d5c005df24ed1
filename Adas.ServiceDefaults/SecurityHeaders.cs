using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace Adas.ServiceDefaults;

/// <summary>Response headers that keep browsers from sniffing content types, framing the site or leaking referrers (API and web app).</summary>
public static class SecurityHeaders
{
    public static void UseSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy = "frame-ancestors 'none'";
            headers["Referrer-Policy"] = "no-referrer";
            return next(context);
        });
    }
}
