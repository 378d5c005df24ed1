using Adas.Perception.Detection;
using OpenCvSharp;

namespace Adas.Perception.Road.Tracking;

using Detection = Adas.Perception.Detection.Detection;

/// <summary>One object followed over frames: filtered box, class by accumulated score, and its time to collision.</summary>
public sealed class Track
{
    private readonly KalmanBoxFilter _filter;
    private readonly Dictionary<int, float> _classScores = [];
    private readonly Dictionary<int, string> _labels = [];

    public Track(int id, Detection detection, double time, int frameWidth = 0)
    {
        Id = id;
        _filter = new KalmanBoxFilter(detection.Box);
        FirstSeen = LastSeen = LastPredicted = time;
        Observe(detection, time, frameWidth);
    }

    public int Id { get; }
    public TrackState State { get; internal set; } = TrackState.Tentative;
    public int ClassId { get; private set; }
    public string Label => _labels[ClassId];
    public float Score { get; private set; }
    public int Hits { get; private set; }
    public double FirstSeen { get; }
    public double LastSeen { get; private set; }
    public double LastPredicted { get; private set; }
    public Rect2f Box => _filter.Box;
    public Rect2f? LastDetectionBox { get; private set; }
    public bool UpdatedThisFrame { get; internal set; }
    public TimeToCollisionEstimator Ttc { get; } = new();

    /// <summary>Distance in metres, set by the road pipeline from the camera model.</summary>
    public double? DistanceMeters { get; set; }

    public double Age => LastSeen - FirstSeen;

    public void Predict(double time)
    {
        _filter.Predict(time - LastPredicted);
        LastPredicted = time;
        UpdatedThisFrame = false;
    }

    /// <summary>Whether the last detection was cut by the left or right frame edge (its width then says nothing about range).</summary>
    public bool Truncated { get; private set; }

    public void Observe(Detection detection, double time, int frameWidth = 0)
    {
        var truncated = frameWidth > 0 && (detection.Box.Left <= 2 || detection.Box.Right >= frameWidth - 2);
        if (truncated != Truncated && Hits > 0) Ttc.Reset();
        Truncated = truncated;
        if (Hits > 0) _filter.Correct(detection.Box);
        Hits++;
        LastSeen = time;
        Score = detection.Score;
        LastDetectionBox = detection.Box;
        UpdatedThisFrame = true;
        _classScores[detection.ClassId] = _classScores.GetValueOrDefault(detection.ClassId) + detection.Score;
        _labels[detection.ClassId] = detection.Label;
        ClassId = _classScores.MaxBy(kv => kv.Value).Key;
        var box = _filter.Box;
        Ttc.Add(time, truncated ? box.Height : Math.Sqrt(box.Width * box.Height));
    }
}
