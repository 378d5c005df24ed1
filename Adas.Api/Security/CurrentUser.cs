using System.Security.Claims;
using Adas.Data.Entities;

namespace Adas.Api.Security;

/// <summary>Who is calling: user id, role and fleet, read from the validated access token's claims.</summary>
public sealed record CurrentUser(Guid Id, UserRole Role, Guid? FleetId)
{
    public bool IsAdmin => Role == UserRole.Admin;
    public bool IsManager => Role == UserRole.Manager;
    public bool IsDriver => Role == UserRole.Driver;
    public bool IsViewer => Role == UserRole.Viewer;

    /// <summary>Admins, and managers within their own fleet, may change fleet data.</summary>
    public bool CanManageFleet(Guid? fleetId) => IsAdmin || (IsManager && FleetId is not null && FleetId == fleetId);

    public static CurrentUser From(ClaimsPrincipal principal) =>
        TryFrom(principal) ?? throw new InvalidOperationException("The request has no authenticated user.");

    public static CurrentUser? TryFrom(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true) return null;
        if (!Guid.TryParse(principal.FindFirstValue(AppClaims.Subject), out var id)) return null;
        if (AppRoles.FromClaim(principal.FindFirstValue(AppClaims.Role)) is not { } role) return null;
        Guid? fleetId = Guid.TryParse(principal.FindFirstValue(AppClaims.FleetId), out var fleet) ? fleet : null;
        return new CurrentUser(id, role, fleetId);
    }
}
