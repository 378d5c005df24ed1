using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Adas.Web.Live;

/// <summary>Closes the circuit's live socket while its browser is disconnected, and reopens it when it is back.</summary>
public sealed class LiveCircuitHandler(LiveFeed live) : CircuitHandler
{
    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken) => live.PauseAsync();

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        live.Resume();
        return Task.CompletedTask;
    }
}
