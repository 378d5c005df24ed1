using FastEndpoints;

namespace Adas.Api.Features.Quality.Export;

public sealed class Request : QualityRequest;

public sealed class Validator : Validator<Request>
{
    public Validator() => Include(new QualityRequestValidator());
}
