using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace Adas.Web.Session;

/// <summary>The signed-in user of this scope: the Blazor circuit's authentication state, or the HTTP request's user (media and account endpoints).</summary>
public sealed class CurrentUser(AuthenticationStateProvider authentication, IHttpContextAccessor http)
{
    public async Task<ClaimsPrincipal> GetAsync()
    {
        try
        {
            return (await authentication.GetAuthenticationStateAsync()).User;
        }
        catch (InvalidOperationException)
        {
            // Outside a component (plain endpoints) Blazor has no authentication state; the request has.
            return http.HttpContext?.User ?? new ClaimsPrincipal();
        }
    }
}
