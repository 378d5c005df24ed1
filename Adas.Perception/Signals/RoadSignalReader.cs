using Adas.Perception.Road.Lanes;
using Adas.Perception.Road.Rules;
using Adas.Perception.Road.Signs;
using OpenCvSharp;
using Adas.Shared.Signals;

namespace Adas.Perception.Signals;

/// <summary>Reads a road signals file back into the frames the rules were fed, in order, streaming.</summary>
public static class RoadSignalReader
{
    public static IEnumerable<RoadSignalFrame> Frames(SignalTableReader reader)
    {
        if (reader.Pipeline != SignalsFile.RoadPipeline) throw new InvalidDataException($"The file holds {reader.Pipeline} signals, not road ones.");
        var c = new RoadSignalColumns();
        Pending? pending = null;
        foreach (var group in reader.RowGroups())
        {
            var g = new Columns(group, c);
            for (var i = 0; i < group.Rows; i++)
            {
                switch (g.Kind[i])
                {
                    case SignalsFile.FrameRow:
                        if (pending is not null) yield return pending.ToFrame();
                        pending = new Pending(g.Frame[i], g.Time[i], g.EgoSpeed[i], g.EgoKnownSlow[i] ?? false, g.EgoStanding[i] ?? false, Lane(g, i));
                        break;
                    case SignalsFile.ObjectRow:
                        pending!.Objects.Add(new RoadObject(g.TrackId[i]!.Value, g.ClassId[i]!.Value, g.Label[i]!, Box(g, i), g.Distance[i],
                            g.Ttc[i], g.ScaleRate[i], g.TrackAge[i]!.Value, g.InPath[i]!.Value, g.InPedestrianPath[i]!.Value,
                            g.TtcSource[i] == "appearance", g.Score[i]!.Value));
                        break;
                    case SignalsFile.SignRow:
                        pending!.Signs.Add(new SignObservation(Box(g, i), g.SignKind[i]!, g.ClassId[i]!.Value, g.Label[i]!, g.SpeedLimit[i],
                            g.SignConfidence[i]!.Value, g.LightColour[i]));
                        break;
                }
            }
        }
        if (pending is not null) yield return pending.ToFrame();
    }

    private static LaneState Lane(Columns g, int i) => new(
        g.LeftConfidence[i] is { } left ? new LaneLine(default, left) : null,
        g.RightConfidence[i] is { } right ? new LaneLine(default, right) : null,
        g.BothConfident[i] ?? false, g.OffsetFraction[i], g.Offset[i], g.Width[i]);

    private static Rect2f Box(Columns g, int i) => new(g.BoxX[i]!.Value, g.BoxY[i]!.Value, g.BoxW[i]!.Value, g.BoxH[i]!.Value);

    private sealed record Pending(int Frame, double Time, double? EgoSpeed, bool EgoKnownSlow, bool EgoStanding, LaneState Lane)
    {
        public List<RoadObject> Objects { get; } = [];
        public List<SignObservation> Signs { get; } = [];

        public RoadSignalFrame ToFrame() =>
            new(Frame, new RoadObservation(Time, Objects, Lane, null, EgoKnownSlow, EgoSpeed, EgoStanding), Signs);
    }

    private sealed class Columns(SignalRowGroup g, RoadSignalColumns c)
    {
        public readonly string[] Kind = g.Read<string>(c.RowKind);
        public readonly int[] Frame = g.Read<int>(c.Frame);
        public readonly double[] Time = g.Read<double>(c.TimeSeconds);
        public readonly double?[] EgoSpeed = g.Read<double?>(c.EgoSpeed);
        public readonly bool?[] EgoKnownSlow = g.Read<bool?>(c.EgoKnownSlow);
        public readonly bool?[] EgoStanding = g.ReadAdded<bool?>(c.EgoStanding);
        public readonly bool?[] BothConfident = g.Read<bool?>(c.LaneBothConfident);
        public readonly double?[] LeftConfidence = g.Read<double?>(c.LaneLeftConfidence);
        public readonly double?[] RightConfidence = g.Read<double?>(c.LaneRightConfidence);
        public readonly double?[] OffsetFraction = g.Read<double?>(c.LaneOffsetFraction);
        public readonly double?[] Offset = g.Read<double?>(c.LaneOffset);
        public readonly double?[] Width = g.Read<double?>(c.LaneWidth);
        public readonly int?[] TrackId = g.Read<int?>(c.TrackId);
        public readonly int?[] ClassId = g.Read<int?>(c.ClassId);
        public readonly string?[] Label = g.Read<string?>(c.Label);
        public readonly float?[] Score = g.Read<float?>(c.Score);
        public readonly float?[] BoxX = g.Read<float?>(c.BoxX);
        public readonly float?[] BoxY = g.Read<float?>(c.BoxY);
        public readonly float?[] BoxW = g.Read<float?>(c.BoxWidth);
        public readonly float?[] BoxH = g.Read<float?>(c.BoxHeight);
        public readonly double?[] Distance = g.Read<double?>(c.Distance);
        public readonly double?[] ScaleRate = g.Read<double?>(c.ScaleRate);
        public readonly double?[] Ttc = g.Read<double?>(c.Ttc);
        public readonly string?[] TtcSource = g.Read<string?>(c.TtcSource);
        public readonly double?[] TrackAge = g.Read<double?>(c.TrackAge);
        public readonly bool?[] InPath = g.Read<bool?>(c.InPath);
        public readonly bool?[] InPedestrianPath = g.Read<bool?>(c.InPedestrianPath);
        public readonly string?[] SignKind = g.Read<string?>(c.SignKind);
        public readonly int?[] SpeedLimit = g.Read<int?>(c.SpeedLimit);
        public readonly double?[] SignConfidence = g.Read<double?>(c.SignConfidence);
        public readonly string?[] LightColour = g.Read<string?>(c.LightColour);
    }
}
