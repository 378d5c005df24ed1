using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Adas.Tests.Infrastructure;

namespace Adas.Tests.Jobs;

[Collection(GraphCollection.Name)]
public sealed class LiveUpdatesTests(GraphFixture graph)
{
    [Fact]
    public async Task The_live_socket_reports_a_job_from_processing_to_completed()
    {
        using var socket = new ClientWebSocket();
        graph.ConfigureSocket(socket);
        await socket.ConnectAsync(new Uri(graph.Graph.ApiUrl.ToString().Replace("http", "ws").TrimEnd('/') + "/api/jobs/live"), CancellationToken.None);
        var clip = await MediaFactory.UniqueTestClipAsync(graph.WorkDirectory, "live", seconds: 2);
        var id = await graph.Api.UploadJobAsync(clip);

        var statuses = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var buffer = new byte[4096];
        while (!statuses.Contains("completed"))
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            var message = JsonSerializer.Deserialize<JsonElement>(Encoding.UTF8.GetString(buffer, 0, result.Count));
            if (message.GetProperty("type").GetString() != "job") continue;
            if (message.GetProperty("jobId").GetGuid() == id) statuses.Add(message.GetProperty("status").GetString()!);
        }
        Assert.Equal("processing", statuses[0]);
        Assert.Equal("completed", statuses[^1]);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }
}
