using Adas.Shared.Camera;

namespace Adas.Perception.Road.Camera;

/// <summary>
/// The camera's mounting height, checked against the lanes it sees. On a flat road the width of a lane in the
/// bird's-eye view scales with the assumed height (the focal length cancels), so widths far outside what roads have
/// mean the camera sits higher or lower than configured (a truck's cab, a low car). Each width is kept per metre of the
/// height it was measured with (a quantity the height does not change); once <paramref name="minEvidenceSeconds"/> of
/// both-lines frames are in, a median width outside [<paramref name="minLaneWidthMeters"/>,
/// <paramref name="maxLaneWidthMeters"/>] moves the height to the value that puts it on the nearest bound: the least
/// correction that makes the road plausible. Ground distances and the ego speed scale with the height.
/// </summary>
public sealed class MountingHeightCalibration(double configuredHeight, double minLaneWidthMeters = 2.7,
    double maxLaneWidthMeters = 4.0, double minEvidenceSeconds = 3)
{
    private const int MaxSamples = 900;
    private readonly Queue<double> _widthPerHeight = new();
    private double _evidence;
    private double _lastMedianAt;

    private readonly double _configuredHeight = configuredHeight;

    public double HeightMeters { get; private set; } = configuredHeight;

    /// <param name="laneWidthMeters">Lane width measured with a camera assumed <paramref name="assumedHeightMeters"/> high.</param>
    public void Add(double laneWidthMeters, double assumedHeightMeters, double dt)
    {
        if (laneWidthMeters <= 0 || assumedHeightMeters <= 0) return;
        _widthPerHeight.Enqueue(laneWidthMeters / assumedHeightMeters);
        if (_widthPerHeight.Count > MaxSamples) _widthPerHeight.Dequeue();
        _evidence += dt;
        if (_evidence < minEvidenceSeconds || _evidence - _lastMedianAt < 1) return;
        _lastMedianAt = _evidence;
        var perHeight = _widthPerHeight.Order().ElementAt(_widthPerHeight.Count / 2);
        var width = perHeight * _configuredHeight;
        var target = Math.Clamp(width, minLaneWidthMeters, maxLaneWidthMeters);
        HeightMeters = Math.Clamp(target / perHeight, CameraLimits.MinMountingHeightMeters, CameraLimits.MaxMountingHeightMeters);
    }
}
