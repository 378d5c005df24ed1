using Adas.Data.Entities;

namespace Adas.Api.Features.Vehicles;

public sealed record VehicleDto(Guid Id, Guid? FleetId, string Name, string? Plate, string? Make, string? Model,
    CameraDto Camera, DateTime CreatedAt)
{
    public static VehicleDto From(Vehicle v) => new(v.Id, v.FleetId, v.Name, v.Plate, v.Make, v.Model,
        new CameraDto(v.CameraHorizontalFovDegrees, v.CameraMountHeightMeters), v.CreatedAt);
}

/// <summary>The dashcam's camera model: horizontal field of view and mounting height above the road.</summary>
public sealed record CameraDto(double HorizontalFovDegrees, double MountHeightMeters);
