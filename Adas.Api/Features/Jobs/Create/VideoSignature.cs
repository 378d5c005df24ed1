using System.Text;

namespace Adas.Api.Features.Jobs.Create;

/// <summary>Which containers are accepted, by extension and by the magic bytes at the start of the file.</summary>
public static class VideoSignature
{
    public const int HeaderLength = 12;
    public static readonly string[] Extensions = [".mp4", ".mov", ".avi", ".mkv", ".webm"];

    /// <returns>The container name, or null when the bytes are not a video of the kind the extension claims.</returns>
    public static string? Match(string extension, ReadOnlySpan<byte> header)
    {
        if (header.Length < HeaderLength) return null;
        var isoBox = Encoding.ASCII.GetString(header[4..8]);
        return extension switch
        {
            ".mp4" when isoBox == "ftyp" => "mp4",
            ".mov" when isoBox is "ftyp" or "moov" or "wide" or "mdat" or "free" => "mov",
            ".avi" when header[..4].SequenceEqual("RIFF"u8) && header[8..12].SequenceEqual("AVI "u8) => "avi",
            ".mkv" or ".webm" when header[..4].SequenceEqual((byte[])[0x1A, 0x45, 0xDF, 0xA3]) => extension[1..],
            _ => null,
        };
    }

    /// <summary>The client's file name reduced to a safe display name (no folders, no control characters).</summary>
    public static string SafeFileName(string? raw)
    {
        var name = Path.GetFileName((raw ?? "").Replace('\\', '/').Trim().Trim('"'));
        name = new string([.. name.Where(c => !char.IsControl(c))]);
        if (name.Length > 200) name = name[^200..];
        return name is "" or "." or ".." ? "upload" : name;
    }
}
