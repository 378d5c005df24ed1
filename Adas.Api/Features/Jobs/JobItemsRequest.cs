using Adas.Api.Features.Shared;
using FastEndpoints;
using FluentValidation;

namespace Adas.Api.Features.Jobs;

/// <summary>
/// A page of one job's rows (<c>/jobs/{id}/events</c>, <c>/traffic-signs</c>, <c>/driver-states</c>): larger pages than
/// other lists (default <see cref="DefaultJobPageSize"/>, at most <see cref="MaxJobPageSize"/>) since a chart of a long
/// video needs one row a second.
/// </summary>
public sealed class JobItemsRequest : PagedRequest
{
    public const int DefaultJobPageSize = 100;
    public const int MaxJobPageSize = 1000;

    public Guid Id { get; set; }

    public JobItemsRequest() => PageSize = DefaultJobPageSize;
}

public sealed class JobItemsValidator : Validator<JobItemsRequest>
{
    public JobItemsValidator()
    {
        RuleFor(r => r.Page).GreaterThanOrEqualTo(1);
        RuleFor(r => r.PageSize).InclusiveBetween(1, JobItemsRequest.MaxJobPageSize);
    }
}
