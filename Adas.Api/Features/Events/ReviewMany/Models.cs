using Adas.Data.Entities;
using FastEndpoints;
using FluentValidation;

namespace Adas.Api.Features.Events.ReviewMany;

public sealed class Request : IVerdict
{
    public const int MaxEvents = 500;

    public List<Guid> Ids { get; set; } = [];
    public ReviewState State { get; set; }
    public DismissReason? DismissReason { get; set; }
    public string? Note { get; set; }
    public string? CoachingNote { get; set; }
    public DateTime? CoachedAt { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Ids).NotEmpty().Must(ids => ids.Count <= Request.MaxEvents)
            .WithMessage($"At most {Request.MaxEvents} events are reviewed at once.")
            .Must(ids => ids.Distinct().Count() == ids.Count).WithMessage("Each event is named once.");
        Include(new VerdictValidator());
    }
}

public sealed record Response(int Reviewed);

/// <summary>An event of the request that cannot be reviewed, and why.</summary>
public sealed record EventProblem(Guid Id, string Detail);
