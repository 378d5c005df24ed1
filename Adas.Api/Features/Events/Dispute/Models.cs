using FastEndpoints;
using FluentValidation;

namespace Adas.Api.Features.Events.Dispute;

public sealed class Request
{
    public Guid Id { get; set; }
    public string Comment { get; set; } = "";
}

public sealed class Validator : Validator<Request>
{
    public Validator() => RuleFor(r => r.Comment).NotEmpty().MaximumLength(VerdictValidator.MaxNoteLength);
}
