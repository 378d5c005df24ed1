namespace Adas.AppHost.Hosting;

/// <summary>The graph could not start; the message names the cause in words a user can act on.</summary>
public sealed class LaunchException(string message) : Exception(message);
