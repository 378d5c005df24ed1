namespace Adas.AppHost.Hosting;

/// <summary>Where the launcher and its children's output lines go.</summary>
public interface ILogSink
{
    void Line(string resource, string line, bool isError);
}
