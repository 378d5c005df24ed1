namespace Adas.Shared.Signals;

/// <summary>
/// The driver signals table: one row per landmark reading (and per frame without a face). The first columns are what
/// the rules are fed; the last ones (eyes_closed ... state) are what the rules made of it at that moment.
/// </summary>
public sealed class DriverSignalColumns
{
    public SignalColumn<int> Frame { get; } = new("frame");
    public SignalColumn<double> TimeSeconds { get; } = new("time_s");
    public SignalColumn<bool> SceneCut { get; } = new("scene_cut");
    public SignalColumn<bool> FacePresent { get; } = new("face_present");
    public SignalColumn<bool> Confident { get; } = new("face_confident");
    public SignalColumn<bool> Obstructed { get; } = new("obstructed");
    public SignalColumn<double> Ear { get; } = new("ear");
    public SignalColumn<double?> EarLeft { get; } = new("ear_left");
    public SignalColumn<double?> EarRight { get; } = new("ear_right");
    public SignalColumn<double?> EyeOpenLeft { get; } = new("eye_open_p_left");
    public SignalColumn<double?> EyeOpenRight { get; } = new("eye_open_p_right");
    public SignalColumn<double> Mar { get; } = new("mar");
    public SignalColumn<double> Yaw { get; } = new("yaw_deg");
    public SignalColumn<double> Pitch { get; } = new("pitch_deg");
    public SignalColumn<double> Roll { get; } = new("roll_deg");
    public SignalColumn<bool> Phone { get; } = new("phone");
    public SignalColumn<float?> PhoneScore { get; } = new("phone_score");
    public SignalColumn<bool?> EyesClosed { get; } = new("eyes_closed");
    public SignalColumn<double?> Perclos { get; } = new("perclos");
    public SignalColumn<bool?> Yawning { get; } = new("yawning");
    public SignalColumn<bool?> OffRoad { get; } = new("off_road");
    public SignalColumn<string> State { get; } = new("state");

    public IReadOnlyList<ISignalColumn> All =>
    [
        Frame, TimeSeconds, SceneCut, FacePresent, Confident, Obstructed, Ear, EarLeft, EarRight, EyeOpenLeft, EyeOpenRight,
        Mar, Yaw, Pitch, Roll, Phone, PhoneScore, EyesClosed, Perclos, Yawning, OffRoad, State,
    ];
}
