using Adas.Api.Features.Users;

namespace Adas.Api.Features.Auth;

public sealed record TokenResponse(string AccessToken, string RefreshToken, DateTime ExpiresAt, UserDto User);
