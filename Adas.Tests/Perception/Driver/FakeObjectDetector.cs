using Adas.Perception.Detection;
using OpenCvSharp;

namespace Adas.Tests.Perception.Driver;

/// <summary>
/// An object detector that returns the given boxes (frame coordinates of a 640x480 frame) on every call with a whole
/// frame, and nothing on a crop of it (the driver pipeline also searches around the head).
/// </summary>
internal sealed class FakeObjectDetector(params Detection[] detections) : IObjectDetector
{
    public int Calls { get; private set; }

    public IReadOnlyList<Detection> Detect(Mat bgrFrame)
    {
        Calls++;
        return bgrFrame.Width == 640 && bgrFrame.Height == 480 ? detections : [];
    }

    public void Dispose() { }

    public static Detection Phone(float x, float y, float width = 50, float height = 90, float score = 0.8f) =>
        new(new Rect2f(x, y, width, height), 67, "cell phone", score);
}
