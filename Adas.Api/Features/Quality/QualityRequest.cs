using FluentValidation;

namespace Adas.Api.Features.Quality;

/// <summary>The period (UTC, by when events occurred) and, for admins, the fleet; managers always get their own fleet.</summary>
public class QualityRequest
{
    public DateTime? From { get; set; }
    public DateTime? To { get; set; }
    public Guid? FleetId { get; set; }
}

public sealed class QualityRequestValidator : AbstractValidator<QualityRequest>
{
    public QualityRequestValidator() =>
        RuleFor(r => r.To).GreaterThan(r => r.From).When(r => r.From is not null && r.To is not null);
}
