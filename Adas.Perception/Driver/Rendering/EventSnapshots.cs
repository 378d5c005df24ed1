using OpenCvSharp;

namespace Adas.Perception.Driver.Rendering;

/// <summary>
/// JPEG snapshots for event episodes, encoded at most once per frame and once per <paramref name="minIntervalSeconds"/>
/// (an episode's peak may move every frame; encoding each time would cost more than the analysis).
/// </summary>
public sealed class EventSnapshots(double minIntervalSeconds = 1.0, int quality = 80)
{
    private readonly ImageEncodingParam[] _jpeg = [new(ImwriteFlags.JpegQuality, quality)];
    private double _encodedAt = double.NegativeInfinity;
    private byte[]? _last;

    public byte[]? Take(Mat image, double time)
    {
        if (time == _encodedAt) return _last;
        if (time - _encodedAt < minIntervalSeconds) return null;
        _encodedAt = time;
        return _last = image.ImEncode(".jpg", _jpeg);
    }

    public void Reset()
    {
        _encodedAt = double.NegativeInfinity;
        _last = null;
    }
}
