using OpenCvSharp;

namespace Adas.Perception.Driver.Vision;

/// <summary>
/// One eye read from its region: lid contour (frame pixels, corners at 0 and 8), lid gap over width, the CNN's
/// P(open), and the combined openness the pipeline judges.
/// </summary>
public sealed record EyeReading(Point2f[] Contour, double LidRatio, double OpenProbability, double Openness);
