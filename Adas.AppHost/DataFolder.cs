namespace Adas.AppHost;

/// <summary>The data folder and what is kept in it are readable by their owner only (database, videos, Redis data).</summary>
public static class DataFolder
{
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static string EnsureOwnerOnly(string directory)
    {
        Directory.CreateDirectory(directory);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(directory, OwnerOnlyDirectory);
        return directory;
    }

    /// <summary>Writes a file that only its owner may read (created with that mode, never world-readable in between).</summary>
    public static void WriteSecret(string path, string content)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnlyFile;
        using (var stream = new FileStream(path, options))
        using (var writer = new StreamWriter(stream))
            writer.Write(content);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, OwnerOnlyFile);
    }
}
