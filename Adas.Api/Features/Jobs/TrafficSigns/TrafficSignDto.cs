using Adas.Data.Entities;

namespace Adas.Api.Features.Jobs.TrafficSigns;

public sealed record TrafficSignDto(Guid Id, string Kind, string Label, int? ClassId, int? SpeedLimitKmh, double FirstSeenSeconds,
    double LastSeenSeconds, double Confidence, int FrameCount, int? TrackId)
{
    public static TrafficSignDto From(TrafficSign s) => new(s.Id, s.Kind, s.Label, s.ClassId, s.SpeedLimitKmh, s.FirstSeenSeconds,
        s.LastSeenSeconds, s.Confidence, s.FrameCount, s.TrackId);
}
