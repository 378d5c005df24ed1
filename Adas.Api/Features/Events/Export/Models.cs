using FastEndpoints;

namespace Adas.Api.Features.Events.Export;

public sealed class Request : EventFilterQuery;

public sealed class Validator : Validator<Request>
{
    public Validator() => Include(new EventFilterValidator());
}
