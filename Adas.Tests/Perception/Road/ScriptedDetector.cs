using Adas.Perception.Detection;
using OpenCvSharp;
using Detection = Adas.Perception.Detection.Detection;

namespace Adas.Tests.Perception.Road;

/// <summary>A detector that returns scripted boxes per call, for end-to-end rule scenarios with known geometry.</summary>
internal sealed class ScriptedDetector(Func<int, IReadOnlyList<Detection>> script) : IObjectDetector
{
    private int _call;

    public IReadOnlyList<Detection> Detect(Mat bgrFrame) => script(_call++);

    public void Dispose() { }
}
