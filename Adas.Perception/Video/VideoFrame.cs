using OpenCvSharp;

namespace Adas.Perception.Video;

/// <summary>One decoded BGR frame. The image buffer is reused by the source: do not keep it past the next frame.</summary>
public sealed record VideoFrame(Mat Image, int Index, double TimestampSeconds);
