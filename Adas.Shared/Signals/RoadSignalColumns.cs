namespace Adas.Shared.Signals;

/// <summary>
/// The road signals table: one "frame" row per video frame, then one "object" row per tracked road user and one
/// "sign" row per sign sighting in that frame. Units are in the names (m, s, mps = m/s, px); null = not measured.
/// </summary>
public sealed class RoadSignalColumns
{
    public SignalColumn<string> RowKind { get; } = new("row_kind");
    public SignalColumn<int> Frame { get; } = new("frame");
    public SignalColumn<double> TimeSeconds { get; } = new("time_s");

    public SignalColumn<double?> EgoSpeed { get; } = new("ego_speed_mps");
    public SignalColumn<bool?> EgoKnownSlow { get; } = new("ego_known_slow");
    public SignalColumn<bool?> EgoStanding { get; } = new("ego_standing");
    public SignalColumn<bool?> LaneBothConfident { get; } = new("lane_both_confident");
    public SignalColumn<double?> LaneLeftConfidence { get; } = new("lane_left_confidence");
    public SignalColumn<double?> LaneRightConfidence { get; } = new("lane_right_confidence");
    public SignalColumn<double?> LaneOffsetFraction { get; } = new("lane_offset_fraction");
    public SignalColumn<double?> LaneOffset { get; } = new("lane_offset_m");
    public SignalColumn<double?> LaneWidth { get; } = new("lane_width_m");
    public SignalColumn<double?> HorizonFraction { get; } = new("horizon_fraction");
    public SignalColumn<bool?> SceneCut { get; } = new("scene_cut");

    public SignalColumn<int?> TrackId { get; } = new("track_id");
    public SignalColumn<int?> ClassId { get; } = new("class_id");
    public SignalColumn<string?> Label { get; } = new("label");
    public SignalColumn<float?> Score { get; } = new("score");
    public SignalColumn<float?> BoxX { get; } = new("box_x_px");
    public SignalColumn<float?> BoxY { get; } = new("box_y_px");
    public SignalColumn<float?> BoxWidth { get; } = new("box_w_px");
    public SignalColumn<float?> BoxHeight { get; } = new("box_h_px");
    public SignalColumn<double?> Distance { get; } = new("distance_m");
    public SignalColumn<double?> Lateral { get; } = new("lateral_m");
    public SignalColumn<double?> ScaleRate { get; } = new("scale_rate_per_s");
    public SignalColumn<double?> ClosingSpeed { get; } = new("closing_speed_mps");
    public SignalColumn<double?> Ttc { get; } = new("ttc_s");
    public SignalColumn<string?> TtcSource { get; } = new("ttc_source");
    public SignalColumn<double?> TrackAge { get; } = new("track_age_s");
    public SignalColumn<bool?> InPath { get; } = new("in_path");
    public SignalColumn<bool?> InPedestrianPath { get; } = new("in_pedestrian_path");

    public SignalColumn<string?> SignKind { get; } = new("sign_kind");
    public SignalColumn<int?> SpeedLimit { get; } = new("speed_limit_kmh");
    public SignalColumn<double?> SignConfidence { get; } = new("sign_confidence");
    public SignalColumn<string?> LightColour { get; } = new("light_colour");

    public IReadOnlyList<ISignalColumn> All =>
    [
        RowKind, Frame, TimeSeconds, EgoSpeed, EgoKnownSlow, EgoStanding, LaneBothConfident, LaneLeftConfidence, LaneRightConfidence,
        LaneOffsetFraction, LaneOffset, LaneWidth, HorizonFraction, SceneCut, TrackId, ClassId, Label, Score, BoxX, BoxY,
        BoxWidth, BoxHeight, Distance, Lateral, ScaleRate, ClosingSpeed, Ttc, TtcSource, TrackAge, InPath, InPedestrianPath,
        SignKind, SpeedLimit, SignConfidence, LightColour,
    ];
}
