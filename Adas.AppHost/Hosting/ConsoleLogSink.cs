namespace Adas.AppHost.Hosting;

/// <summary>Prefixed, coloured forwarding of each resource's output to the launcher's console.</summary>
public sealed class ConsoleLogSink : ILogSink
{
    private static readonly string[] Palette = ["\e[36m", "\e[35m", "\e[33m", "\e[32m", "\e[34m", "\e[96m"];
    private readonly Dictionary<string, string> _colours = [];
    private readonly Lock _gate = new();
    private readonly bool _colour = !Console.IsOutputRedirected && System.Environment.GetEnvironmentVariable("NO_COLOR") is null;

    public void Line(string resource, string line, bool isError)
    {
        lock (_gate)
        {
            if (!_colours.TryGetValue(resource, out var colour))
                _colours[resource] = colour = Palette[_colours.Count % Palette.Length];
            var prefix = _colour ? $"{colour}{resource,-10}\e[0m| " : $"{resource,-10}| ";
            (isError ? Console.Error : Console.Out).WriteLine(prefix + line);
        }
    }
}
