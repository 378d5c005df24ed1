using FastEndpoints;
using FluentValidation;

namespace Adas.Api.Features.Jobs.Signals;

public sealed class Request
{
    public const string Parquet = "parquet";
    public const string Csv = "csv";

    public Guid Id { get; set; }

    /// <summary><c>parquet</c> (default) or <c>csv</c>.</summary>
    [QueryParam]
    public string Format { get; set; } = Parquet;
}

public sealed class Validator : Validator<Request>
{
    public Validator() => RuleFor(r => r.Format).Must(f => f is Request.Parquet or Request.Csv).WithMessage("format must be parquet or csv.");
}
