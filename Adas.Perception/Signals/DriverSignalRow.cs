using Adas.Perception.Driver.Signals;

namespace Adas.Perception.Signals;

/// <summary>One stored driver reading: the measurement the rules were fed, and whether a scene cut came just before it.</summary>
public sealed record DriverSignalRow(int Frame, bool SceneCut, DriverMeasurement Measurement);
