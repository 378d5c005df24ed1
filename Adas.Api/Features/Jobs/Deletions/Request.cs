using Adas.Api.Features.Shared;
using FastEndpoints;

namespace Adas.Api.Features.Jobs.Deletions;

public sealed class Request : PagedRequest
{
    /// <summary>Only deletions by this user.</summary>
    public Guid? DeletedById { get; set; }
    /// <summary>Only deletions of this user's uploads.</summary>
    public Guid? OwnerId { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator() => Include(new PagingValidator());
}
