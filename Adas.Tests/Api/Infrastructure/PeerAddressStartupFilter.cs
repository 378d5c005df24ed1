using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Adas.Tests.Api.Infrastructure;

/// <summary>
/// TestServer connections have no peer address; a request may name one in <see cref="ApiFactory.PeerHeader"/> so tests
/// can act as different clients or as the trusted proxy. Runs before the application's own middleware.
/// </summary>
public sealed class PeerAddressStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(ApiFactory.PeerHeader, out var peer) && IPAddress.TryParse(peer, out var address))
                context.Connection.RemoteIpAddress = address;
            return nextMiddleware(context);
        });
        next(app);
    };
}
