using Adas.Perception.Road.Camera;
using Adas.Perception.Road.Rules;
using Adas.Perception.Road.Signs;
using Adas.Shared.Signals;

namespace Adas.Perception.Signals;

/// <summary>Streams the road pipeline's per-frame measurements (what the rules read) into a signals file.</summary>
public sealed class RoadSignalWriter(string path, double fps) : IDisposable
{
    private readonly RoadSignalColumns _c = new();
    private SignalTableWriter? _table;

    public void Record(int frame, RoadObservation observation, IReadOnlyList<SignObservation> signs, RoadFrameContext context)
    {
        var table = _table ??= new SignalTableWriter(path, _c.All, SignalsFile.Metadata(SignalsFile.RoadPipeline, fps));
        Start(SignalsFile.FrameRow, frame, observation.Time);
        var lane = observation.Lane;
        _c.EgoSpeed.Add(observation.EgoSpeedMetersPerSecond);
        _c.EgoKnownSlow.Add(observation.EgoKnownSlow);
        _c.EgoStanding.Add(observation.EgoStanding);
        _c.LaneBothConfident.Add(lane.BothConfident);
        _c.LaneLeftConfidence.Add(lane.Left?.Confidence);
        _c.LaneRightConfidence.Add(lane.Right?.Confidence);
        _c.LaneOffsetFraction.Add(lane.OffsetFraction);
        _c.LaneOffset.Add(lane.OffsetMeters);
        _c.LaneWidth.Add(lane.LaneWidthMeters);
        _c.HorizonFraction.Add(context.Camera.HorizonFraction);
        _c.SceneCut.Add(context.SceneCut);
        table.EndRow();
        foreach (var o in observation.Objects)
        {
            Start(SignalsFile.ObjectRow, frame, observation.Time);
            _c.TrackId.Add(o.TrackId);
            _c.ClassId.Add(o.ClassId);
            _c.Label.Add(o.Label);
            _c.Score.Add(o.DetectionScore);
            AddBox(o.Box);
            _c.Distance.Add(o.DistanceMeters);
            _c.Lateral.Add(o.DistanceMeters is { } d ? context.Camera.LateralMeters(o.Box.X + o.Box.Width / 2.0, d, context.FrameWidth) : null);
            _c.ScaleRate.Add(o.ScaleRate);
            _c.ClosingSpeed.Add(o.ClosingSpeed);
            _c.Ttc.Add(o.TtcSeconds);
            _c.TtcSource.Add(o.TtcFromAppearance ? "appearance" : "box");
            _c.TrackAge.Add(o.TrackAgeSeconds);
            _c.InPath.Add(o.InCorridor);
            _c.InPedestrianPath.Add(o.InPedestrianCorridor);
            table.EndRow();
        }
        foreach (var s in signs)
        {
            Start(SignalsFile.SignRow, frame, observation.Time);
            _c.SignKind.Add(s.Kind);
            _c.ClassId.Add(s.ClassId);
            _c.Label.Add(s.Label);
            AddBox(s.Box);
            _c.SpeedLimit.Add(s.SpeedLimitKmh);
            _c.SignConfidence.Add(s.Confidence);
            _c.LightColour.Add(s.LightColour);
            table.EndRow();
        }
    }

    private void Start(string kind, int frame, double time)
    {
        _c.RowKind.Add(kind);
        _c.Frame.Add(frame);
        _c.TimeSeconds.Add(time);
    }

    private void AddBox(OpenCvSharp.Rect2f box)
    {
        _c.BoxX.Add(box.X);
        _c.BoxY.Add(box.Y);
        _c.BoxWidth.Add(box.Width);
        _c.BoxHeight.Add(box.Height);
    }

    /// <summary>Writes the last row group and the footer; the file is complete and readable from here on.</summary>
    public void Complete() => _table?.Close();

    public void Dispose() => _table?.Dispose();
}

/// <summary>What the road signals record of a frame beyond the rules' observation.</summary>
public readonly record struct RoadFrameContext(CameraModel Camera, int FrameWidth, bool SceneCut);
