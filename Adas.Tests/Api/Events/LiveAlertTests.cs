using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Adas.Data.Entities;
using Adas.Data.Queue;
using Adas.Tests.Api.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Adas.Tests.Api.Events;

/// <summary>
/// The live socket pushes each new alert (published on Redis as the worker does) to the users who may see it, as
/// <c>GET /api/alerts</c> lists it, and job progress as <c>type: "job"</c>. Order on the channel is kept, so a later
/// alert arriving first proves an earlier one was withheld.
/// </summary>
[Collection(RedisApiCollection.Name)]
public sealed class LiveAlertTests(RedisApiFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private ApiFactory Api => fixture.Api;

    [Fact]
    public async Task A_new_alert_reaches_the_sockets_of_users_who_may_see_it_and_no_other()
    {
        var fleetA = await Api.CreateFleetAsync();
        var fleetB = await Api.CreateFleetAsync();
        var driverA = await Api.CreateUserAsync(UserRole.Driver, fleetA.Id);
        var otherDriverA = await Api.CreateUserAsync(UserRole.Driver, fleetA.Id);
        var managerA = await Api.CreateUserAsync(UserRole.Manager, fleetA.Id);
        var managerB = await Api.CreateUserAsync(UserRole.Manager, fleetB.Id);
        var jobA = await Api.CreateJobAsync(driverA.Id);
        var (_, alertA1) = await Api.CreateEventAsync(jobA, "phone_use", Severity.Critical);
        var (_, alertA2) = await Api.CreateEventAsync(await Api.CreateJobAsync(otherDriverA.Id), "yawning", Severity.Warning);
        var jobB = await Api.CreateJobAsync((await Api.CreateUserAsync(UserRole.Driver, fleetB.Id)).Id);
        var (_, alertB1) = await Api.CreateEventAsync(jobB, "microsleep", Severity.Critical);
        var (_, alertB2) = await Api.CreateEventAsync(jobB, "yawning", Severity.Warning);
        using var managerASocket = await ConnectAsync(managerA);
        using var otherDriverSocket = await ConnectAsync(otherDriverA);
        using var managerBSocket = await ConnectAsync(managerB);

        var queue = Api.Services.GetRequiredService<JobQueue>();
        await queue.PublishProgressAsync(new JobProgress(jobA.Id, "processing", 40));
        foreach (var alert in new[] { alertA1!, alertB1!, alertA2!, alertB2! }) await queue.PublishAlertAsync(alert.Id);

        var toManagerA = await ReceiveAsync(managerASocket, alerts: 2, jobs: 1);
        Assert.Equal([alertA1!.Id, alertA2!.Id], AlertIds(toManagerA));
        var progress = Assert.Single(toManagerA, m => m["type"]!.GetValue<string>() == "job");
        Assert.Equal((jobA.Id, "processing", 40), (progress["jobId"]!.GetValue<Guid>(), progress["status"]!.GetValue<string>(), progress["progress"]!.GetValue<int>()));
        Assert.Equal([alertA2.Id], AlertIds(await ReceiveAsync(otherDriverSocket, alerts: 1)));
        Assert.Equal([alertB1!.Id, alertB2!.Id], AlertIds(await ReceiveAsync(managerBSocket, alerts: 2)));

        using var managerAClient = await Api.LoginAsync(managerA);
        var listed = await managerAClient.GetFromJsonAsync<JsonObject>($"/api/alerts?jobId={jobA.Id}", Ct);
        var pushed = toManagerA.First(m => m["type"]!.GetValue<string>() == "alert")["alert"];
        Assert.True(JsonNode.DeepEquals(listed!["items"]![0], pushed), $"pushed {pushed}, listed {listed["items"]![0]}");
    }

    private static Guid[] AlertIds(IEnumerable<JsonObject> messages) =>
        [.. messages.Where(m => m["type"]!.GetValue<string>() == "alert").Select(m => m["alert"]!["id"]!.GetValue<Guid>())];

    private async Task<WebSocket> ConnectAsync(TestUser user)
    {
        var token = (await Api.LoginResponseAsync(user))["accessToken"]!.GetValue<string>();
        var client = Api.Server.CreateWebSocketClient();
        client.ConfigureRequest = request => request.Headers.Authorization = $"Bearer {token}";
        return await client.ConnectAsync(new Uri(Api.Server.BaseAddress, "/api/jobs/live"), Ct);
    }

    /// <summary>Messages until the given numbers of alert and job messages have arrived.</summary>
    private static async Task<List<JsonObject>> ReceiveAsync(WebSocket socket, int alerts, int jobs = 0)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var messages = new List<JsonObject>();
        var buffer = new byte[16 * 1024];
        while (messages.Count(m => m["type"]!.GetValue<string>() == "alert") < alerts || messages.Count(m => m["type"]!.GetValue<string>() == "job") < jobs)
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            Assert.True(result.EndOfMessage);
            messages.Add(JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, result.Count))!.AsObject());
        }
        return messages;
    }
}
