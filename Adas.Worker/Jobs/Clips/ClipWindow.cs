namespace Adas.Worker.Jobs.Clips;

/// <summary>The part of the annotated video a clip shows: some seconds before the event to some after, within the video and the cap.</summary>
public readonly record struct ClipWindow(double StartSeconds, double DurationSeconds)
{
    public static ClipWindow? For(double eventStart, double eventEnd, double videoSeconds, ClipOptions options)
    {
        var start = Math.Max(0, eventStart - options.SecondsBefore);
        var end = Math.Max(eventEnd, eventStart) + options.SecondsAfter;
        if (videoSeconds > 0) end = Math.Min(end, videoSeconds);
        end = Math.Min(end, start + options.MaxSeconds);
        return end - start > 0.05 ? new ClipWindow(Math.Round(start, 3), Math.Round(end - start, 3)) : null;
    }
}
