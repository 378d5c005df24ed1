using Adas.Data.Entities;

namespace Adas.Api.Security;

/// <summary>Role names as they appear in tokens and JSON.</summary>
public static class AppRoles
{
    public const string Admin = "admin";
    public const string Manager = "manager";
    public const string Driver = "driver";
    public const string Viewer = "viewer";

    public static string ToClaim(this UserRole role) => role switch
    {
        UserRole.Admin => Admin,
        UserRole.Manager => Manager,
        UserRole.Driver => Driver,
        _ => Viewer,
    };

    public static UserRole? FromClaim(string? value) => value switch
    {
        Admin => UserRole.Admin,
        Manager => UserRole.Manager,
        Driver => UserRole.Driver,
        Viewer => UserRole.Viewer,
        _ => null,
    };
}
