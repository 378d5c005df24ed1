using System.Globalization;
using Adas.Api.Features.Jobs.Create;

namespace Adas.Api.Features.Jobs;

public static class UploadProblemResult
{
    public static IResult ToResult(this UploadProblem problem, HttpContext context)
    {
        if (problem.RetryAfter is { } wait)
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(title: problem.Title, detail: problem.Message, statusCode: problem.Status);
    }
}
