using OpenCvSharp;

namespace Adas.Perception.Road.Signs;

/// <summary>A candidate sign region in frame pixels and the colour mask that found it.</summary>
public sealed record SignProposal(Rect Box, SignColour Colour);
