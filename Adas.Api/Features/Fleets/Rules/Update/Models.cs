using Adas.Shared.Rules;
using FastEndpoints;
using FluentValidation;

namespace Adas.Api.Features.Fleets.Rules.Update;

public sealed class Request
{
    public Guid Id { get; set; }
    public RuleSettings Settings { get; set; } = RuleSettings.Defaults;
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Settings).NotNull();
        foreach (var (name, (min, max)) in RuleSettingRanges.ByName)
        {
            var property = typeof(RuleSettings).GetProperty(name)!;
            RuleFor(r => (double)property.GetValue(r.Settings)!).InclusiveBetween(min, max)
                .OverridePropertyName($"settings.{char.ToLowerInvariant(name[0])}{name[1..]}")
                .When(r => r.Settings is not null);
        }
        RuleFor(r => r.Settings.ForwardCollisionCriticalTtcSeconds).LessThan(r => r.Settings.ForwardCollisionWarningTtcSeconds)
            .WithMessage("The critical TTC must be below the warning TTC.").When(r => r.Settings is not null);
        RuleFor(r => r.Settings.HeadwayCriticalSeconds).LessThan(r => r.Settings.HeadwayWarningSeconds)
            .WithMessage("The critical headway must be below the warning headway.").When(r => r.Settings is not null);
        RuleFor(r => r.Settings.PerclosCritical).GreaterThan(r => r.Settings.PerclosWarning)
            .WithMessage("The critical PERCLOS must be above the warning PERCLOS.").When(r => r.Settings is not null);
    }
}
