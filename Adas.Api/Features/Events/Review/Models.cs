using Adas.Data.Entities;
using FastEndpoints;

namespace Adas.Api.Features.Events.Review;

public sealed class Request : IVerdict
{
    public Guid Id { get; set; }
    public ReviewState State { get; set; }
    public DismissReason? DismissReason { get; set; }
    public string? Note { get; set; }
    public string? CoachingNote { get; set; }
    public DateTime? CoachedAt { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator() => Include(new VerdictValidator());
}
