namespace Adas.Api.Security;

/// <summary>Access and refresh token settings (configuration section "Jwt").</summary>
public sealed class JwtOptions
{
    public const string Section = "Jwt";
    public const string SigningKeyKey = "Jwt:SigningKey";

    public string Issuer { get; set; } = "adas-api";
    public string Audience { get; set; } = "adas-clients";
    public int AccessTokenMinutes { get; set; } = 15;
    public int RefreshTokenDays { get; set; } = 14;
    public int ClockSkewSeconds { get; set; } = 30;
}
