using OpenCvSharp;

namespace Adas.Perception.Detection;

/// <summary>One object found in a frame, in frame pixel coordinates. ClassId is the COCO index.</summary>
public sealed record Detection(Rect2f Box, int ClassId, string Label, float Score);
