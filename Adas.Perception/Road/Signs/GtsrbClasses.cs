namespace Adas.Perception.Road.Signs;

/// <summary>The 43 GTSRB classes in the classifier's order, and the speed limit of the speed-limit classes.</summary>
public static class GtsrbClasses
{
    public const int Stop = 14;

    private static readonly string[] Names =
    [
        "speed limit 20", "speed limit 30", "speed limit 50", "speed limit 60", "speed limit 70", "speed limit 80",
        "end of speed limit 80", "speed limit 100", "speed limit 120", "no passing", "no passing for trucks",
        "right of way at next intersection", "priority road", "yield", "stop", "no vehicles", "trucks prohibited",
        "no entry", "general caution", "dangerous curve left", "dangerous curve right", "double curve", "bumpy road",
        "slippery road", "road narrows on the right", "road work", "traffic signals", "pedestrians", "children crossing",
        "bicycles crossing", "beware of ice or snow", "wild animals crossing", "end of all limits", "turn right ahead",
        "turn left ahead", "ahead only", "go straight or right", "go straight or left", "keep right", "keep left",
        "roundabout mandatory", "end of no passing", "end of no passing for trucks",
    ];

    public static int Count => Names.Length;

    public static string Name(int classId) => classId >= 0 && classId < Names.Length ? Names[classId] : $"sign {classId}";

    /// <summary>
    /// The colour a sign of this class is found by: blue for the mandatory signs (33-40), none for the white
    /// end-of-restriction signs (6, 32, 41, 42) and the yellow priority road (12), red for the rest.
    /// </summary>
    public static SignColour? Colour(int classId) => classId switch
    {
        >= 33 and <= 40 => SignColour.Blue,
        6 or 12 or 32 or 41 or 42 => null,
        >= 0 and < 43 => SignColour.Red,
        _ => null,
    };

    public static int? SpeedLimitKmh(int classId) => classId switch
    {
        0 => 20, 1 => 30, 2 => 50, 3 => 60, 4 => 70, 5 => 80, 7 => 100, 8 => 120,
        _ => null,
    };
}
