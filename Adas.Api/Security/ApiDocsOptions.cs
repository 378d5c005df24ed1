namespace Adas.Api.Security;

public enum ApiDocsAccess { Anonymous, Admin, Off }

/// <summary>
/// Who may read <c>/openapi/v1.json</c> and <c>/docs</c> (configuration "ApiDocs:Access"): anonymous in Development,
/// off elsewhere unless configured (<c>admin</c> needs an admin's bearer token).
/// </summary>
public sealed class ApiDocsOptions
{
    public const string Section = "ApiDocs";

    public ApiDocsAccess? Access { get; set; }

    public ApiDocsAccess AccessIn(IHostEnvironment environment) =>
        Access ?? (environment.IsDevelopment() ? ApiDocsAccess.Anonymous : ApiDocsAccess.Off);
}
