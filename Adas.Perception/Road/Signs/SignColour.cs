namespace Adas.Perception.Road.Signs;

/// <summary>The colour a sign proposal was found by; a classification must agree with it.</summary>
public enum SignColour
{
    /// <summary>Red rim or face: prohibitory, warning, stop, yield.</summary>
    Red,

    /// <summary>Blue disc: mandatory direction signs.</summary>
    Blue,
}
