namespace Adas.Worker.Cli;

/// <summary>The researcher's entry points, sharing the worker's pipeline code: <c>analyze</c> and <c>bench</c>.</summary>
public static class CommandLine
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "analyze" or "bench" or "help" or "--help";

    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            return args[0] switch
            {
                "analyze" => await AnalyzeCommand.RunAsync(CliArguments.Parse(args[1..])),
                "bench" => await BenchCommand.RunAsync(CliArguments.Parse(args[1..])),
                _ => Usage(),
            };
        }
        catch (CliException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            Usage();
            return 2;
        }
    }

    private static int Usage()
    {
        Console.Error.WriteLine("""
            usage:
              Adas.Worker analyze <video> --type dashcam|in_cabin --out <dir> [--fov <degrees, 60>] [--camera-height <m, 1.3>] [--signals]
              Adas.Worker bench [--video <file>] [--type dashcam|in_cabin] [--driver-video <file>] [--memory]
              Adas.Worker bench --dev-set <folder> [--video <file>] [--out <folder for the annotated videos>]
              Adas.Worker bench eval [--labels <folder, default eval/labels>] [--media <folder, default .assets/media/dev>] [--out <folder>]
              Adas.Worker bench api --url <api url> [--email E --password P] [--upload-mb N] [--rate N] [--seconds N]
              Adas.Worker bench events --url <api url> [--calls N] [--api-pid PID]   (database from ADAS_DATA_DIR / ConnectionStrings__adasdb)
            """);
        return 2;
    }
}
