namespace Adas.Web.Session;

/// <summary>The API's roles, and what each may do in the dashboard.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Manager = "manager";
    public const string Driver = "driver";
    public const string Viewer = "viewer";
    public const string Uploaders = "admin,manager,driver";
    public const string Reviewers = "admin,manager";
}
