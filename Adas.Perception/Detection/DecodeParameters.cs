namespace Adas.Perception.Detection;

/// <summary>
/// What the decoder needs to map a raw output tensor back to frame pixels: the network input size, the
/// letterbox scale (network pixels per frame pixel, image pasted at the top-left), thresholds and class filter.
/// </summary>
public sealed record DecodeParameters(
    int InputWidth,
    int InputHeight,
    float Scale,
    float ScoreThreshold,
    float NmsIouThreshold,
    IReadOnlySet<int>? Classes,
    IReadOnlyList<string> ClassNames)
{
    public bool Accepts(int classId) => Classes is null || Classes.Contains(classId);

    public string NameOf(int classId) =>
        classId < ClassNames.Count ? ClassNames[classId] : classId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
