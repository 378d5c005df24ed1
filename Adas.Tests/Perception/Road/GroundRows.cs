using Adas.Perception.Road.Camera;

namespace Adas.Tests.Perception.Road;

/// <summary>Where synthetic scenes put things: the inverse of the camera's distance reading.</summary>
public static class GroundRows
{
    /// <summary>Image row of the road point <paramref name="distanceMeters"/> ahead.</summary>
    public static double GroundRow(this CameraModel camera, double distanceMeters, int frameWidth, int frameHeight) =>
        camera.HorizonY(frameHeight) + camera.FocalPixels(frameWidth) * camera.MountingHeightMeters / distanceMeters;
}
