namespace Adas.Web.Extensions;

/// <summary>Settings under "Web": the upload cap the browser may send and the time a transfer may take.</summary>
public sealed class WebOptions
{
    public const string Section = "Web";
    /// <summary>Largest file the upload form reads from the browser (the API enforces its own cap too).</summary>
    public long MaxUploadBytes { get; set; } = 2L * 1024 * 1024 * 1024;
    public TimeSpan TransferTimeout { get; set; } = TimeSpan.FromMinutes(30);
}
