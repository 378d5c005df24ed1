using Adas.Data.Entities;

namespace Adas.Api.Features.Jobs.DriverStates;

public sealed record DriverStateDto(int Second, bool FacePresent, double? Ear, double? Mar, double? Perclos, double? Yaw,
    double? Pitch, double? Roll, string State)
{
    public static DriverStateDto From(DriverState s) => new(s.Second, s.FacePresent, s.Ear, s.Mar, s.Perclos, s.Yaw, s.Pitch, s.Roll, s.State);
}
