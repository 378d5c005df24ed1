using Adas.Data.Entities;

namespace Adas.Api.Features.Events.ReviewHistory;

public sealed record Entry(Guid Id, string Action, ReviewState FromState, ReviewState ToState, DismissReason? DismissReason, string? Note,
    Guid? ByUserId, string? ByUserName, DateTime At)
{
    public static Entry From(EventReview r, string? byUserName) =>
        new(r.Id, r.Action, r.FromState, r.ToState, r.DismissReason, r.Note, r.ByUserId, byUserName, r.At);
}
