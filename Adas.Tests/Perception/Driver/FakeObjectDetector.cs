using Adas.Perception.Detection;
using OpenCvSharp;

namespace Adas.Tests.Perception.Driver;

/// <summary>An object detector that returns the given boxes on every call.</summary>
internal sealed class FakeObjectDetector(params Detection[] detections) : IObjectDetector
{
    public int Calls { get; private set; }

    public IReadOnlyList<Detection> Detect(Mat bgrFrame)
    {
        Calls++;
        return detections;
    }

    public void Dispose() { }

    public static Detection Phone(float x, float y, float width = 50, float height = 90, float score = 0.8f) =>
        new(new Rect2f(x, y, width, height), 67, "cell phone", score);
}
