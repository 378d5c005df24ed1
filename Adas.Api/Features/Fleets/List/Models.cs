using Adas.Api.Features.Shared;
using FastEndpoints;

namespace Adas.Api.Features.Fleets.List;

public sealed class Request : PagedRequest;

public sealed class Validator : Validator<Request>
{
    public Validator() => Include(new PagingValidator());
}
