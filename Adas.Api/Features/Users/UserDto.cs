using Adas.Data.Entities;

namespace Adas.Api.Features.Users;

public sealed record UserDto(Guid Id, string Email, string DisplayName, UserRole Role, Guid? FleetId, bool IsActive,
    DateTime CreatedAt, DateTime? LastLoginAt)
{
    public static UserDto From(User u) => new(u.Id, u.Email, u.DisplayName, u.Role, u.FleetId, u.IsActive, u.CreatedAt, u.LastLoginAt);
}
