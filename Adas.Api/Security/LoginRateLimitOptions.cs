namespace Adas.Api.Security;

/// <summary>Login throttling (configuration section "Auth:LoginRateLimit").</summary>
public sealed class LoginRateLimitOptions
{
    public const string Section = "Auth:LoginRateLimit";
    public const string PolicyName = "login";

    public int FailuresPerAccount { get; set; } = 5;
    public int AttemptsPerIp { get; set; } = 20;
    public int WindowSeconds { get; set; } = 60;
}
