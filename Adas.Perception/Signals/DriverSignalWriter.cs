using Adas.Perception.Driver.Signals;
using Adas.Perception.Driver.Vision;
using Adas.Shared.Signals;

namespace Adas.Perception.Signals;

/// <summary>Streams the driver pipeline's readings (what the rules read, and what they made of it) into a signals file.</summary>
public sealed class DriverSignalWriter(string path, double fps, string landmarkModel) : IDisposable
{
    private readonly DriverSignalColumns _c = new();
    private SignalTableWriter? _table;

    public void Record(int frame, bool sceneCut, DriverMeasurement m, FaceReading? reading, float? phoneScore, DriverFrameStatus status)
    {
        var metadata = SignalsFile.Metadata(SignalsFile.DriverPipeline, fps);
        metadata[SignalsFile.LandmarksKey] = landmarkModel;
        var table = _table ??= new SignalTableWriter(path, _c.All, metadata);
        _c.Frame.Add(frame);
        _c.TimeSeconds.Add(m.Time);
        _c.SceneCut.Add(sceneCut);
        _c.FacePresent.Add(m.FacePresent);
        _c.Confident.Add(m.Confident);
        _c.Obstructed.Add(m.Obstructed);
        _c.Ear.Add(m.Ear);
        _c.Mar.Add(m.Mar);
        _c.Yaw.Add(m.Yaw);
        _c.Pitch.Add(m.Pitch);
        _c.Roll.Add(m.Roll);
        _c.Phone.Add(m.Phone);
        _c.PhoneScore.Add(phoneScore);
        if (m.FacePresent && reading is not null)
        {
            _c.EarLeft.Add(reading.LeftEar);
            _c.EarRight.Add(reading.RightEar);
            _c.EyeOpenLeft.Add(reading.LeftEyeRegion?.OpenProbability);
            _c.EyeOpenRight.Add(reading.RightEyeRegion?.OpenProbability);
        }
        var s = status.Signals;
        _c.EyesClosed.Add(s.EyesClosed);
        _c.Perclos.Add(s.Perclos);
        _c.Yawning.Add(s.MouthOpen);
        _c.OffRoad.Add(s.OffRoad);
        _c.State.Add(status.State);
        table.EndRow();
    }

    /// <summary>Writes the last row group and the footer; the file is complete and readable from here on.</summary>
    public void Complete() => _table?.Close();

    public void Dispose() => _table?.Dispose();
}
