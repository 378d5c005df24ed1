using FastEndpoints;

namespace Adas.Api.Features.Quality.Get;

public sealed class Request : QualityRequest;

public sealed class Validator : Validator<Request>
{
    public Validator() => Include(new QualityRequestValidator());
}
