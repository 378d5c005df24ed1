using OpenCvSharp;

namespace Adas.Perception.Detection;

/// <summary>An object detector over BGR frames (YOLOX by default; Ultralytics-layout exports are accepted too).</summary>
public interface IObjectDetector : IDisposable
{
    IReadOnlyList<Detection> Detect(Mat bgrFrame);
}
