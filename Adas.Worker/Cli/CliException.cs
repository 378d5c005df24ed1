namespace Adas.Worker.Cli;

/// <summary>A usage error: printed as one line, with the usage, and exit code 2.</summary>
public sealed class CliException(string message) : Exception(message);
