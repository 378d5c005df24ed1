using Microsoft.AspNetCore.Http.HttpResults;

namespace Adas.Api.Common;

/// <summary>RFC 9457 problem details for the errors endpoints answer themselves.</summary>
public static class Problems
{
    public static ProblemHttpResult Of(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);
}
