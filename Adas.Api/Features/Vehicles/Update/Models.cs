using FastEndpoints;

namespace Adas.Api.Features.Vehicles.Update;

/// <summary>Absent fields stay as they are; only admins move a vehicle to another fleet.</summary>
public sealed class Request
{
    public Guid Id { get; set; }
    public string? Name { get; set; }
    public string? Plate { get; set; }
    public string? Make { get; set; }
    public string? Model { get; set; }
    public Guid? FleetId { get; set; }
    public double? CameraHorizontalFovDegrees { get; set; }
    public double? CameraMountHeightMeters { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator() => this.ApplyVehicleRules(r => r.Name, r => r.Plate, r => r.Make, r => r.Model,
        r => r.CameraHorizontalFovDegrees, r => r.CameraMountHeightMeters);
}
