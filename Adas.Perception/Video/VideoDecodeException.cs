namespace Adas.Perception.Video;

/// <summary>The file is not a video this system can decode; retrying will not help.</summary>
public sealed class VideoDecodeException(string message) : Exception(message);
