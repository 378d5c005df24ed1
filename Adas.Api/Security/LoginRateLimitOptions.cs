namespace Adas.Api.Security;

/// <summary>Login throttling (configuration section "Auth:LoginRateLimit").</summary>
public sealed class LoginRateLimitOptions
{
    public const string Section = "Auth:LoginRateLimit";
    public const string PolicyName = "login";
    public const string RefreshPolicyName = "refresh";

    /// <summary>Wrong passwords for one account from one client address per window.</summary>
    public int FailuresPerAccount { get; set; } = 5;
    /// <summary>Wrong passwords for one account from all addresses together per global window. Beyond it a distributed
    /// guess is slowed (one attempt per address and window, each failure answered after <see cref="FailureDelayUnderAttackMs"/>)
    /// while a right password still signs the owner in.</summary>
    public int FailuresPerAccountGlobal { get; set; } = 50;
    public int FailureDelayUnderAttackMs { get; set; } = 1000;
    public int GlobalWindowSeconds { get; set; } = 900;
    public int AttemptsPerIp { get; set; } = 20;
    public int RefreshesPerIp { get; set; } = 60;
    public int WindowSeconds { get; set; } = 60;
}
