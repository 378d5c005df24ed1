using System.Diagnostics;
using OpenCvSharp;

namespace Adas.Perception.Video;

/// <summary>
/// Encodes BGR frames to a browser-playable H.264 MP4 (yuv420p, faststart) by piping raw frames into the
/// ffmpeg CLI: OpenCV's bundled FFmpeg can only write MPEG-4 Part 2 and MJPEG.
/// </summary>
public sealed class H264VideoWriter : IDisposable
{
    private readonly Process _ffmpeg;
    private readonly Stream _input;
    private readonly int _width;
    private readonly int _height;
    private readonly byte[] _row;
    private readonly Task<string> _stderr;
    private bool _completed;

    public string OutputPath { get; }

    public H264VideoWriter(string outputPath, int width, int height, double fps, string preset = "ultrafast", int crf = 26)
    {
        OutputPath = outputPath;
        _width = width;
        _height = height;
        _row = new byte[width * 3];
        var start = new ProcessStartInfo("ffmpeg")
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])["-hide_banner", "-loglevel", "error", "-y",
                     "-f", "rawvideo", "-pix_fmt", "bgr24", "-s", $"{width}x{height}",
                     "-r", fps.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture), "-i", "pipe:0",
                     // One encoder thread: the analysis needs the cores more, and the ultrafast preset keeps up alone.
                     "-an", "-threads", "1", "-c:v", "libx264", "-preset", preset, "-crf", crf.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "-pix_fmt", "yuv420p", "-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2", "-movflags", "+faststart", outputPath])
            start.ArgumentList.Add(arg);
        try
        {
            _ffmpeg = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("The ffmpeg command is not installed (apt-get install ffmpeg); it encodes the annotated H.264 video.", ex);
        }
        _stderr = _ffmpeg.StandardError.ReadToEndAsync();
        _ = _ffmpeg.StandardOutput.ReadToEndAsync();
        _input = _ffmpeg.StandardInput.BaseStream;
    }

    public unsafe void Write(Mat frame)
    {
        if (frame.Width != _width || frame.Height != _height || frame.Type() != MatType.CV_8UC3)
            throw new ArgumentException($"Frame must be {_width}x{_height} BGR, got {frame.Width}x{frame.Height} {frame.Type()}.");
        if (frame.IsContinuous())
        {
            _input.Write(new ReadOnlySpan<byte>((void*)frame.Data, _width * _height * 3));
            return;
        }
        for (var y = 0; y < _height; y++)
        {
            new ReadOnlySpan<byte>((void*)frame.Ptr(y), _row.Length).CopyTo(_row);
            _input.Write(_row);
        }
    }

    /// <summary>Closes the pipe and waits for ffmpeg to finish the file.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken = default)
    {
        _completed = true;
        await _input.DisposeAsync();
        await _ffmpeg.WaitForExitAsync(cancellationToken);
        if (_ffmpeg.ExitCode != 0)
            throw new InvalidOperationException($"ffmpeg failed to encode the video (exit {_ffmpeg.ExitCode}): {(await _stderr).Trim()}");
    }

    public void Dispose()
    {
        if (!_completed)
        {
            try { _input.Dispose(); } catch (IOException) { }
            if (!_ffmpeg.HasExited) _ffmpeg.Kill(entireProcessTree: true);
            _ffmpeg.WaitForExit();
            try { File.Delete(OutputPath); } catch (IOException) { }
        }
        _ffmpeg.Dispose();
    }
}
