namespace Adas.Web.Extensions;

/// <summary>Settings under "Web": the upload cap the browser may send, the time a transfer may take, the sign-in brake, session lifetimes.</summary>
public sealed class WebOptions
{
    public const string Section = "Web";
    /// <summary>Largest file the upload form reads from the browser (the API enforces its own cap too).</summary>
    public long MaxUploadBytes { get; set; } = 2L * 1024 * 1024 * 1024;
    public TimeSpan TransferTimeout { get; set; } = TimeSpan.FromMinutes(30);
    /// <summary>Sign-in form posts per browser address (IPv6 by /64) per minute, checked before the API is asked.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;
    /// <summary>A session unused this long ends on the server (its refresh token revoked), whatever the cookie says.</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(1);
    /// <summary>A session ends this long after sign-in however much it is used.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);
}
