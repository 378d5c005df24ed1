using OpenCvSharp;

namespace Adas.Perception.Driver.Vision;

/// <summary>One eye's lid contour (frame pixels, corners at 0 and 8) and its openness (lid gap over eye width).</summary>
public sealed record EyelidReading(Point2f[] Contour, double Openness);
