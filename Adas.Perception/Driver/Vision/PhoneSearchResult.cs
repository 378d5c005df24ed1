namespace Adas.Perception.Driver.Vision;

/// <summary>One phone search's detections (frame coordinates) and whether it looked around the head.</summary>
public sealed record PhoneSearchResult(bool AroundHead, IReadOnlyList<Detection.Detection> Detections);
