using Adas.Perception.Detection;
using OpenCvSharp;

namespace Adas.Perception.Road.Tracking;

/// <summary>
/// TTC from the tracked object's own pixels: the inside of its box about <see cref="Window"/> seconds ago is matched,
/// at scales around the box-size ratio, against the same object now; the best-correlating scale s gives
/// TTC = dt / (s - 1), smoothed as the box-based estimate is. Detector boxes fit small (far) objects relatively
/// tighter than near ones, which reads as extra growth on slow approaches; the pixels carry no such bias. Frames
/// whose best match is weak (occlusion, glare, turning) or whose object shows no texture are skipped. For its first
/// <see cref="PendingSeconds"/> an object's TTC is pending (none yet) rather than the biased box one; when its pixels
/// give no steady matches (none in the last <see cref="StaleSeconds"/>), the box-based TTC stands.
/// </summary>
public sealed class AppearanceTtc : IDisposable
{
    public const double Window = 0.4;
    public const double PendingSeconds = 0.6;
    public const double StaleSeconds = 0.5;
    private const double MinTextureStdDev = 8;
    private const int TemplateWidth = 48;
    private const int MinBoxPixels = 16;
    private const double MinCorrelation = 0.7;
    private const double SearchRange = 0.12;
    private readonly Dictionary<int, History> _histories = [];
    private readonly Mat _gray = new();

    /// <summary>Call once per frame, before <see cref="Update"/> for its tracks.</summary>
    public void BeginFrame(Mat bgr) => Cv2.CvtColor(bgr, _gray, ColorConversionCodes.BGR2GRAY);

    /// <summary>Records the track's pixels and returns what its TTC should come from now.</summary>
    public AppearanceEstimate Update(Track track, double time)
    {
        var history = _histories.TryGetValue(track.Id, out var known) ? known : _histories[track.Id] = new History(time);
        history.LastSeen = time;
        var box = track.Box;
        var inner = Inner(box);
        var cut = box.Top <= 2 || box.Bottom >= _gray.Height - 2; // part of the object is outside the frame
        if (track.UpdatedThisFrame && !track.Truncated && !cut && box.Width >= MinBoxPixels && box.Height >= MinBoxPixels
            && inner.Width >= MinBoxPixels / 2 && inner.Height >= MinBoxPixels / 2)
        {
            while (history.Samples.Count > 1 && history.Samples[1].Time <= time - Window + 1e-9) history.DropOldest();
            var sample = Sample.Take(_gray, inner, box, time);
            if (sample.IsTextured)
            {
                if (history.Samples.Count > 0 && time - history.Samples[0].Time >= Window / 2
                    && MeasureScale(history.Samples[0], box) is { } scale)
                {
                    history.Estimator.AddScale(time, scale, time - history.Samples[0].Time);
                    history.Matches++;
                    history.LastMatch = time;
                }
                history.Samples.Add(sample);
            }
            else sample.Dispose();
        }
        return Current(history, time);
    }

    private static AppearanceEstimate Current(History history, double time) =>
        history.Matches >= 3 && time - history.LastMatch <= StaleSeconds ? new AppearanceEstimate(history.Estimator, false)
        : time - history.FirstSeen < PendingSeconds ? new AppearanceEstimate(null, true)
        : new AppearanceEstimate(null, false);

    /// <summary>Forgets tracks not updated for a while.</summary>
    public void Prune(double time)
    {
        foreach (var (id, history) in _histories.Where(h => time - h.Value.LastSeen > 1.0).ToList())
        {
            history.Dispose();
            _histories.Remove(id);
        }
    }

    /// <summary>The central 80 % of the box: the object, with little of the background around it.</summary>
    private Rect Inner(Rect2f box) => BoxGeometry.ToRect(
        new Rect2f(box.X + box.Width * 0.1f, box.Y + box.Height * 0.1f, box.Width * 0.8f, box.Height * 0.8f), _gray.Width, _gray.Height);

    private double? MeasureScale(Sample reference, Rect2f box)
    {
        var expected = Math.Sqrt(box.Width * box.Height / (reference.Box.Width * reference.Box.Height));
        var centre = new Point2f(box.X + box.Width / 2, box.Y + box.Height / 2);
        var (w, h) = (reference.Region.Width * expected * (1 + SearchRange), reference.Region.Height * expected * (1 + SearchRange));
        var (mx, my) = (box.Width * 0.15 + 4, box.Height * 0.15 + 4);
        var region = BoxGeometry.ToRect(new Rect2f((float)(centre.X - w / 2 - mx), (float)(centre.Y - h / 2 - my), (float)(w + 2 * mx),
            (float)(h + 2 * my)), _gray.Width, _gray.Height);
        if (region.Width < reference.Region.Width / 2 || region.Height < reference.Region.Height / 2) return null;
        using var roi = new Mat(_gray, region);
        using var search = roi.Resize(new Size(), reference.Factor, reference.Factor,
            reference.Factor < 1 ? InterpolationFlags.Area : InterpolationFlags.Linear);
        using var scaled = new Mat();
        using var response = new Mat();
        var scores = new List<(double Scale, double Score)>();
        var template = reference.Template;
        var (narrowest, widest) = ((int)Math.Floor(template.Width * expected * (1 - SearchRange)),
            (int)Math.Ceiling(template.Width * expected * (1 + SearchRange)));
        for (var width = Math.Max(4, narrowest); width <= widest; width++) // one pixel of width a step: every scale distinct
        {
            var scale = width / (double)template.Width;
            var size = new Size(width, Math.Max(4, (int)Math.Round(template.Height * scale)));
            if (size.Width >= search.Width || size.Height >= search.Height) break;
            Cv2.Resize(template, scaled, size, 0, 0, InterpolationFlags.Linear);
            Cv2.MatchTemplate(search, scaled, response, TemplateMatchModes.CCoeffNormed);
            Cv2.MinMaxLoc(response, out _, out double best);
            scores.Add((scale, best));
        }
        if (scores.Count < 3) return null;
        var i = scores.IndexOf(scores.MaxBy(p => p.Score));
        if (scores[i].Score < MinCorrelation || i == 0 || i == scores.Count - 1) return null;
        var (before, peak, after) = (scores[i - 1].Score, scores[i].Score, scores[i + 1].Score);
        var curvature = before - 2 * peak + after;
        var offset = curvature < 0 ? 0.5 * (before - after) / curvature : 0;
        return scores[i].Scale + offset * (scores[i + 1].Scale - scores[i].Scale);
    }

    public void Dispose()
    {
        foreach (var history in _histories.Values) history.Dispose();
        _histories.Clear();
        _gray.Dispose();
    }

    /// <summary>
    /// The object's pixels at one moment, scaled to <see cref="TemplateWidth"/> pixels across (small objects
    /// enlarged: a scale step is then one pixel in 48, whatever the object's size).
    /// </summary>
    private sealed record Sample(double Time, Mat Template, double Factor, Rect Region, Rect2f Box) : IDisposable
    {
        public bool IsTextured
        {
            get
            {
                Cv2.MeanStdDev(Template, out _, out var deviation);
                return deviation.Val0 >= MinTextureStdDev;
            }
        }

        public static Sample Take(Mat gray, Rect inner, Rect2f box, double time)
        {
            var factor = TemplateWidth / (double)inner.Width;
            using var roi = new Mat(gray, inner);
            var interpolation = factor < 1 ? InterpolationFlags.Area : InterpolationFlags.Linear;
            return new Sample(time, roi.Resize(new Size(), factor, factor, interpolation), factor, inner, box);
        }

        public void Dispose() => Template.Dispose();
    }

    private sealed class History(double firstSeen) : IDisposable
    {
        public double FirstSeen { get; } = firstSeen;
        public double LastMatch { get; set; } = double.NegativeInfinity;
        public List<Sample> Samples { get; } = [];
        public TimeToCollisionEstimator Estimator { get; } = new();
        public int Matches { get; set; }
        public double LastSeen { get; set; }

        public void DropOldest()
        {
            Samples[0].Dispose();
            Samples.RemoveAt(0);
        }

        public void Dispose()
        {
            foreach (var sample in Samples) sample.Dispose();
            Samples.Clear();
        }
    }
}
