using Adas.Perception;
using Adas.Tests.Infrastructure;

namespace Adas.Tests.Perception.Road;

internal static class RoadAssets
{
    public static PerceptionModels Models => PerceptionModels.FromDirectory(Path.GetDirectoryName(TestPaths.Asset("models/yolox_nano.onnx"))!);
    public static string HighwayLanesClip => TestPaths.Asset("media/dashcam/highway_lanes_960x540.mp4");
    public static string Image(string name) => TestPaths.Asset($"media/images/{name}");
}
