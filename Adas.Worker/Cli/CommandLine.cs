namespace Adas.Worker.Cli;

/// <summary>The researcher's entry points (<c>analyze</c>, <c>bench</c>), sharing the worker's pipeline code.</summary>
public static class CommandLine
{
    private static readonly string[] Commands = ["analyze", "bench"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0]);

    public static Task<int> RunAsync(string[] args)
    {
        Console.Error.WriteLine($"'{args[0]}' is not available yet.");
        return Task.FromResult(2);
    }
}
