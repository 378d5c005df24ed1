namespace Adas.Perception.Video;

public sealed record VideoInfo(int Width, int Height, double Fps, int FrameCount, double DurationSeconds, string Codec);
