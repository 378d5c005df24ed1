using Adas.Shared.Camera;
using FluentValidation;

namespace Adas.Api.Features.Vehicles;

/// <summary>Shared field rules: dashcams see 30-170 degrees across and sit 0.5-4.5 m above the road.</summary>
public static class VehicleRules
{
    public const double MinFov = CameraLimits.MinFovDegrees, MaxFov = CameraLimits.MaxFovDegrees,
        MinHeight = CameraLimits.MinMountingHeightMeters, MaxHeight = CameraLimits.MaxMountingHeightMeters;

    public static void ApplyVehicleRules<T>(this AbstractValidator<T> v, Func<T, string?> name, Func<T, string?> plate,
        Func<T, string?> make, Func<T, string?> model, Func<T, double?> fov, Func<T, double?> height)
    {
        v.RuleFor(r => name(r)).NotEmpty().MaximumLength(128).When(r => name(r) is not null).OverridePropertyName("name");
        v.RuleFor(r => plate(r)).NotEmpty().MaximumLength(32).When(r => plate(r) is not null).OverridePropertyName("plate");
        v.RuleFor(r => make(r)).MaximumLength(64).OverridePropertyName("make");
        v.RuleFor(r => model(r)).MaximumLength(64).OverridePropertyName("model");
        v.RuleFor(r => fov(r)).InclusiveBetween(MinFov, MaxFov).OverridePropertyName("cameraHorizontalFovDegrees");
        v.RuleFor(r => height(r)).InclusiveBetween(MinHeight, MaxHeight).OverridePropertyName("cameraMountHeightMeters");
    }
}
