namespace Adas.Api.Features.Fleets.Rules;

/// <summary>The <c>{id}</c> of the <c>/fleets/{id}/rules</c> routes.</summary>
public sealed class FleetRoute
{
    public Guid Id { get; set; }
}
