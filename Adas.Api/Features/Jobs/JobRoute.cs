namespace Adas.Api.Features.Jobs;

/// <summary>The <c>{id}</c> of the <c>/jobs/{id}/...</c> routes.</summary>
public sealed class JobRoute
{
    public Guid Id { get; set; }
}
