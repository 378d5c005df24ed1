using Adas.Perception.Detection;
using OpenCvSharp;

namespace Adas.Perception.Road.Camera;

/// <summary>
/// Pinhole dashcam: horizontal field of view, mounting height above the road, and the horizon row as a fraction of
/// the frame height. Square pixels, camera on the vehicle's centre line, looking straight ahead.
/// </summary>
public sealed record CameraModel(double HorizontalFovDegrees = 60, double MountingHeightMeters = 1.3, double HorizonFraction = 0.55)
{
    public double FocalPixels(int frameWidth) => frameWidth / 2.0 / Math.Tan(HorizontalFovDegrees * Math.PI / 360);

    public double HorizonY(int frameHeight) => frameHeight * HorizonFraction;

    /// <summary>
    /// Column of the road's vanishing point as a fraction of the frame width: 0.5 for a camera looking straight ahead,
    /// off centre for one yawed on its mount. The lanes' bird's-eye view is built around it.
    /// </summary>
    public double VanishingColumnFraction { get; init; } = 0.5;

    public double VanishingColumnX(int frameWidth) => frameWidth * VanishingColumnFraction;

    /// <summary>Distance to a point on the road seen at image row <paramref name="y"/>; null at or above the horizon.</summary>
    public double? GroundDistance(double y, int frameWidth, int frameHeight)
    {
        var below = y - HorizonY(frameHeight);
        return below < 2 ? null : FocalPixels(frameWidth) * MountingHeightMeters / below;
    }

    /// <summary>
    /// Monocular distance to an object: the size prior of its class (width for vehicles, height for people) and,
    /// when the box stands on the road below the horizon and is not cut by the frame edge, the ground-plane contact
    /// row, averaged.
    /// </summary>
    public double? ObjectDistance(Rect2f box, int classId, int frameWidth, int frameHeight)
    {
        var focal = FocalPixels(frameWidth);
        var prior = ObjectSizePriors.For(classId);
        double? fromSize = prior.UsesHeight
            ? box.Height > 2 ? focal * prior.Meters / box.Height : null
            : box.Width > 2 ? focal * prior.Meters / box.Width : null;
        var touchesBottom = box.Bottom >= frameHeight - 2;
        var fromGround = touchesBottom ? null : GroundDistance(box.Bottom, frameWidth, frameHeight);
        var touchesSide = box.Left <= 1 || box.Right >= frameWidth - 1;
        if (touchesSide && !prior.UsesHeight) fromSize = null;
        return (fromSize, fromGround) switch
        {
            ({ } s, { } g) => (s + g) / 2,
            ({ } s, null) => s,
            (null, { } g) => g,
            _ => null,
        };
    }

    /// <summary>
    /// Lateral offset in metres of image column <paramref name="x"/> at distance <paramref name="distanceMeters"/> from
    /// the road's direction ahead: the vanishing column, not the frame centre, is straight ahead for a yawed camera.
    /// </summary>
    public double LateralMeters(double x, double distanceMeters, int frameWidth) =>
        (x - VanishingColumnX(frameWidth)) * distanceMeters / FocalPixels(frameWidth);
}
