using Adas.Perception.Driver.Signals;
using Adas.Shared.Signals;

namespace Adas.Perception.Signals;

/// <summary>Reads a driver signals file back into the measurements the rules were fed, in order, streaming.</summary>
public static class DriverSignalReader
{
    public static IEnumerable<DriverSignalRow> Rows(SignalTableReader reader)
    {
        if (reader.Pipeline != SignalsFile.DriverPipeline) throw new InvalidDataException($"The file holds {reader.Pipeline} signals, not driver ones.");
        var c = new DriverSignalColumns();
        foreach (var g in reader.RowGroups())
        {
            var frame = g.Read<int>(c.Frame);
            var time = g.Read<double>(c.TimeSeconds);
            var cut = g.Read<bool>(c.SceneCut);
            var face = g.Read<bool>(c.FacePresent);
            var confident = g.Read<bool>(c.Confident);
            var obstructed = g.Read<bool>(c.Obstructed);
            var ear = g.Read<double>(c.Ear);
            var mar = g.Read<double>(c.Mar);
            var yaw = g.Read<double>(c.Yaw);
            var pitch = g.Read<double>(c.Pitch);
            var roll = g.Read<double>(c.Roll);
            var phone = g.Read<bool>(c.Phone);
            for (var i = 0; i < g.Rows; i++)
                yield return new DriverSignalRow(frame[i], cut[i], new DriverMeasurement(time[i], face[i], ear[i], mar[i], yaw[i], pitch[i],
                    phone[i], roll[i], obstructed[i], confident[i]));
        }
    }
}
