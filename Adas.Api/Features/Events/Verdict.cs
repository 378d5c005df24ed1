using Adas.Data.Entities;
using FluentValidation;

namespace Adas.Api.Features.Events;

/// <summary>A reviewer's decision on an event: the new state, why it was dismissed, notes and the coaching given.</summary>
public interface IVerdict
{
    ReviewState State { get; }
    DismissReason? DismissReason { get; }
    string? Note { get; }
    string? CoachingNote { get; }
    DateTime? CoachedAt { get; }
}

public sealed class VerdictValidator : AbstractValidator<IVerdict>
{
    public const int MaxNoteLength = 2000;

    public VerdictValidator()
    {
        RuleFor(v => v.State).IsInEnum().NotEqual(ReviewState.NotRequired)
            .WithMessage("'State' is needs_review, confirmed, coachable, coached or dismissed.");
        RuleFor(v => v.DismissReason).NotNull().IsInEnum().When(v => v.State == ReviewState.Dismissed)
            .WithMessage("A dismissal needs a reason: not_a_hazard, wrong_object, camera_or_video_problem, not_the_driver, duplicate or other.");
        RuleFor(v => v.DismissReason).Null().When(v => v.State != ReviewState.Dismissed)
            .WithMessage("'DismissReason' is given only with the state dismissed.");
        RuleFor(v => v.CoachingNote).NotEmpty().When(v => v.State == ReviewState.Coached)
            .WithMessage("'CoachingNote' says what the driver was coached on.");
        RuleFor(v => v.CoachingNote).Null().When(v => v.State != ReviewState.Coached)
            .WithMessage("'CoachingNote' is given only with the state coached.");
        RuleFor(v => v.CoachedAt).Null().When(v => v.State != ReviewState.Coached)
            .WithMessage("'CoachedAt' is given only with the state coached.");
        RuleFor(v => v.CoachedAt).LessThanOrEqualTo(_ => DateTime.UtcNow.AddMinutes(5)).When(v => v.CoachedAt is not null)
            .WithMessage("'CoachedAt' cannot be in the future.");
        RuleFor(v => v.Note).MaximumLength(MaxNoteLength);
        RuleFor(v => v.CoachingNote).MaximumLength(MaxNoteLength);
    }
}
