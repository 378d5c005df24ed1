namespace Adas.Web.Components.Pages.Events;

/// <summary>A verdict as the API takes it (PUT /api/events/{id}/review and the bulk form).</summary>
public sealed record Verdict(string State, string? DismissReason = null, string? CoachingNote = null);
