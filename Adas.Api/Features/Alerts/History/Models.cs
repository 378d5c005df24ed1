namespace Adas.Api.Features.Alerts.History;

public sealed record Entry(Guid Id, string Action, Guid? ByUserId, string? ByUserName, string? Note, DateTime At);
