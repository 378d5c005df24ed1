using Adas.Api.Features.Shared;
using Adas.Data.Entities;
using FastEndpoints;

namespace Adas.Api.Features.Events.Stats;

public sealed class Request : EventFilterQuery;

public sealed class Validator : Validator<Request>
{
    public Validator() => Include(new EventFilterValidator());
}

public sealed record Response(int Total, IReadOnlyList<CountBy<string>> ByType, IReadOnlyList<CountBy<Severity>> BySeverity,
    IReadOnlyList<CountBy<DateOnly>> ByDay);
