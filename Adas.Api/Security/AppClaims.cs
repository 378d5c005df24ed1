namespace Adas.Api.Security;

/// <summary>Claim types carried by access tokens (short JWT names, no inbound mapping).</summary>
public static class AppClaims
{
    public const string Subject = "sub";
    public const string Email = "email";
    public const string Name = "name";
    public const string Role = "role";
    public const string FleetId = "fleet_id";
    /// <summary>The refresh-token family (login session) the access token was issued for.</summary>
    public const string SessionId = "sid";
}
