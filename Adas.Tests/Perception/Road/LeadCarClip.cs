using Adas.Perception.Road.Camera;
using Adas.Perception.Video;
using OpenCvSharp;

namespace Adas.Tests.Perception.Road;

/// <summary>
/// Road videos with a real car ahead at a known distance: the rear of a car cut from a real highway photo, placed in
/// the ego lane at the size and row the camera model gives for the distance, frame by frame, encoded as H.264.
/// </summary>
internal sealed class LeadCarClip : IDisposable
{
    private readonly Mat _car;

    public LeadCarClip()
    {
        using var donor = Cv2.ImRead(RoadAssets.Image("highway_cars_6.jpg"));
        _car = new Mat(donor, new Rect(812, 406, 136, 90)).Clone(); // the car's rear, as the detector boxes it
    }

    public Mat CarRear => _car;

    /// <summary>A car closing in at a constant speed on the road photo (the true TTC is distance / speed).</summary>
    public Task<string> WriteApproachAsync(string path, double closingSpeed, double startDistance, double seconds,
        double nearestDistance = 6, double fps = 30)
    {
        using var road = Cv2.ImRead(RoadAssets.Image("lanes_solidWhiteRight.jpg"));
        var camera = new CameraModel();
        return WriteAsync(path, fps, (int)(seconds * fps), (i, frame) =>
        {
            road.CopyTo(frame);
            Place(frame, Math.Max(nearestDistance, startDistance - closingSpeed * i / fps), camera);
        });
    }

    public void Place(Mat frame, double distance, CameraModel camera)
    {
        var width = camera.FocalPixels(frame.Width) * 1.8 / distance;
        var height = width * _car.Height / _car.Width;
        var bottom = camera.GroundRow(distance, frame.Width, frame.Height);
        using var scaled = new Mat();
        Cv2.Resize(_car, scaled, new Size((int)width, (int)height), 0, 0, InterpolationFlags.Area);
        using var target = new Mat(frame, new Rect((int)(frame.Width / 2.0 - width / 2), (int)(bottom - height), scaled.Width, scaled.Height));
        scaled.CopyTo(target);
    }

    public static async Task<string> WriteAsync(string path, double fps, int frameCount, Action<int, Mat> draw)
    {
        using var frame = new Mat(540, 960, MatType.CV_8UC3);
        using var writer = new H264VideoWriter(path, frame.Width, frame.Height, fps, crf: 20);
        for (var i = 0; i < frameCount; i++)
        {
            draw(i, frame);
            writer.Write(frame);
        }
        await writer.CompleteAsync();
        return path;
    }

    public void Dispose() => _car.Dispose();
}
