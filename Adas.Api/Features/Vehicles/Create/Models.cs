using FastEndpoints;
using FluentValidation;

namespace Adas.Api.Features.Vehicles.Create;

public sealed class Request
{
    public string Name { get; set; } = "";
    public string? Plate { get; set; }
    public string? Make { get; set; }
    public string? Model { get; set; }
    /// <summary>Admins choose; a manager's vehicle always belongs to the manager's fleet.</summary>
    public Guid? FleetId { get; set; }
    public double CameraHorizontalFovDegrees { get; set; } = 60;
    public double CameraMountHeightMeters { get; set; } = 1.3;
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Name).NotEmpty();
        this.ApplyVehicleRules(r => r.Name, r => r.Plate, r => r.Make, r => r.Model,
            r => r.CameraHorizontalFovDegrees, r => r.CameraMountHeightMeters);
    }
}
