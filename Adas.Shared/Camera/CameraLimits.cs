namespace Adas.Shared.Camera;

/// <summary>The range of real dashcams: 30-170 degrees across, 0.5-4.5 m above the road.</summary>
public static class CameraLimits
{
    public const double MinFovDegrees = 30, MaxFovDegrees = 170, MinMountingHeightMeters = 0.5, MaxMountingHeightMeters = 4.5;
}
