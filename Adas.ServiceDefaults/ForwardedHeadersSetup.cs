using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;

namespace Adas.ServiceDefaults;

/// <summary>
/// X-Forwarded-For / -Proto are honoured only from the reverse proxies listed in "ForwardedHeaders:KnownProxies" (IP
/// addresses) or "ForwardedHeaders:KnownNetworks" (CIDR); with none configured they are ignored, so a client cannot
/// choose the address that login throttling and rate limits count it under.
/// </summary>
public static class ForwardedHeadersSetup
{
    public const string Section = "ForwardedHeaders";

    public static bool Configure(IConfiguration configuration, ForwardedHeadersOptions options)
    {
        var proxies = configuration.GetSection($"{Section}:KnownProxies").Get<string[]>() ?? [];
        var networks = configuration.GetSection($"{Section}:KnownNetworks").Get<string[]>() ?? [];
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies) options.KnownProxies.Add(IPAddress.Parse(proxy));
        foreach (var network in networks) options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        return proxies.Length + networks.Length > 0;
    }

    /// <summary>UseForwardedHeaders with the configured proxies, or nothing when none is configured.</summary>
    public static IApplicationBuilder UseConfiguredForwardedHeaders(this IApplicationBuilder app, IConfiguration configuration)
    {
        var options = new ForwardedHeadersOptions();
        return Configure(configuration, options) ? app.UseForwardedHeaders(options) : app;
    }
}
