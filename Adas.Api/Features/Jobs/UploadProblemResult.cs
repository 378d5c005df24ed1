using Adas.Api.Features.Jobs.Create;

namespace Adas.Api.Features.Jobs;

public static class UploadProblemResult
{
    public static IResult ToResult(this UploadProblem problem) =>
        TypedResults.Problem(title: problem.Title, detail: problem.Message, statusCode: problem.Status);
}
