using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Adas.Data.Entities;
using Adas.Tests.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Adas.Tests.Api.Reviews;

/// <summary>The review loop through the HTTP API against real SQLite and a real redis-server (for the live inbox).</summary>
[Collection(RedisApiCollection.Name)]
public sealed class ReviewTests(RedisApiFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private ApiFactory Api => fixture.Api;

    [Fact]
    public async Task A_dismissal_is_kept_with_its_reason_settles_the_alert_filters_exports_and_reaches_the_other_inboxes_that_may_see_it()
    {
        var world = await FleetWorld.CreateAsync(Api, UserRole.Manager);
        var colleague = await Api.CreateUserAsync(UserRole.Manager, world.Fleet.Id);
        var stranger = await Api.CreateUserAsync(UserRole.Manager, (await Api.CreateFleetAsync()).Id);
        using var colleagueSocket = await ConnectAsync(colleague);
        using var strangerSocket = await ConnectAsync(stranger);
        Assert.Equal(ReviewState.NeedsReview, world.Event.ReviewState);

        var response = await world.Client.PutAsJsonAsync($"/api/events/{world.Event.Id}/review",
            new { state = "dismissed", dismissReason = "camera_or_video_problem", note = "Glare on the windscreen" }, Ct);

        response.EnsureSuccessStatusCode();
        var reviewed = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.Equal(("dismissed", "camera_or_video_problem", world.Caller.Id), (reviewed["reviewState"]!.GetValue<string>(),
            reviewed["dismissReason"]!.GetValue<string>(), reviewed["reviewedById"]!.GetValue<Guid>()));

        var pushed = await ReceiveReviewAsync(colleagueSocket);
        Assert.Equal(world.Event.Id, pushed["events"]![0]!["id"]!.GetValue<Guid>());
        Assert.Equal("dismissed", pushed["events"]![0]!["reviewState"]!.GetValue<string>());
        await AssertNothingArrivesAsync(strangerSocket);

        var alert = await world.Client.GetFromJsonAsync<JsonObject>($"/api/alerts/{world.Alert.Id}", Ct);
        Assert.Equal("resolved", alert!["status"]!.GetValue<string>());
        var alertHistory = await world.Client.GetFromJsonAsync<JsonArray>($"/api/alerts/{world.Alert.Id}/history", Ct);
        Assert.Equal("Reviewed: dismissed (camera_or_video_problem). Glare on the windscreen", alertHistory!.Last()!["note"]!.GetValue<string>());

        var history = (await world.Client.GetFromJsonAsync<JsonArray>($"/api/events/{world.Event.Id}/review-history", Ct))!;
        var entry = Assert.Single(history)!;
        Assert.Equal(("verdict", "needs_review", "dismissed", "camera_or_video_problem", "Glare on the windscreen"),
            (entry["action"]!.GetValue<string>(), entry["fromState"]!.GetValue<string>(), entry["toState"]!.GetValue<string>(),
             entry["dismissReason"]!.GetValue<string>(), entry["note"]!.GetValue<string>()));

        var dismissed = await world.Client.GetFromJsonAsync<JsonObject>($"/api/events?reviewState=dismissed&dismissReason=camera_or_video_problem", Ct);
        Assert.Equal([world.Event.Id], dismissed!["items"]!.AsArray().Select(e => e!["id"]!.GetValue<Guid>()));
        var waiting = await world.Client.GetFromJsonAsync<JsonObject>($"/api/events?reviewState=needs_review", Ct);
        Assert.Equal(0, waiting!["total"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.BadRequest, (await world.Client.GetAsync("/api/events?reviewState=maybe", Ct)).StatusCode);

        var csv = (await world.Client.GetStringAsync("/api/events/export?reviewState=dismissed", Ct)).Split("\r\n");
        Assert.EndsWith(",reviewState,dismissReason,reviewedAt", csv[0]);
        Assert.Contains(",dismissed,camera_or_video_problem,", csv[1]);
    }

    [Fact]
    public async Task Coaching_needs_a_note_and_every_change_is_in_the_history_in_order()
    {
        var world = await FleetWorld.CreateAsync(Api, UserRole.Admin);
        var path = $"/api/events/{world.Event.Id}/review";

        foreach (var bad in new object[]
                 {
                     new { state = "dismissed" }, new { state = "coached" }, new { state = "confirmed", dismissReason = "other" },
                     new { state = "not_required" }, new { state = "maybe" },
                 })
        {
            var refused = await world.Client.PutAsJsonAsync(path, bad, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }
        (await world.Client.PutAsJsonAsync(path, new { state = "coachable" }, Ct)).EnsureSuccessStatusCode();
        var coached = await world.Client.PutAsJsonAsync(path, new { state = "coached", coachingNote = "Keep two seconds behind" }, Ct);

        var e = (await coached.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.Equal(("coached", "Keep two seconds behind"), (e["reviewState"]!.GetValue<string>(), e["coachingNote"]!.GetValue<string>()));
        Assert.NotNull(e["coachedAt"]);
        var history = (await world.Client.GetFromJsonAsync<JsonArray>($"/api/events/{world.Event.Id}/review-history", Ct))!;
        Assert.Equal(["needs_review>coachable", "coachable>coached"],
            history.Select(h => $"{h!["fromState"]!.GetValue<string>()}>{h["toState"]!.GetValue<string>()}"));
    }

    [Fact]
    public async Task Drivers_and_viewers_cannot_set_verdicts_other_fleets_are_not_found_and_drivers_dispute_only_their_own_events()
    {
        var world = await FleetWorld.CreateAsync(Api, UserRole.Driver);
        var verdict = new { state = "confirmed" };
        var (_, viewer) = await Api.SignInAsync(UserRole.Viewer, world.Fleet.Id);
        var (_, otherManager) = await Api.SignInAsync(UserRole.Manager, (await Api.CreateFleetAsync()).Id);
        var (_, manager) = await Api.SignInAsync(UserRole.Manager, world.Fleet.Id);
        var otherDriver = await Api.CreateUserAsync(UserRole.Driver, world.Fleet.Id);
        var (othersEvent, _) = await Api.CreateEventAsync(await Api.CreateJobAsync(otherDriver.Id));

        Assert.Equal(HttpStatusCode.Forbidden, (await world.Client.PutAsJsonAsync($"/api/events/{world.Event.Id}/review", verdict, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PutAsJsonAsync($"/api/events/{world.Event.Id}/review", verdict, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherManager.PutAsJsonAsync($"/api/events/{world.Event.Id}/review", verdict, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherManager.GetAsync($"/api/events/{world.Event.Id}/review-history", Ct)).StatusCode);

        var dispute = await world.Client.PostAsJsonAsync($"/api/events/{world.Event.Id}/dispute", new { comment = "The car was parked" }, Ct);
        Assert.Equal(HttpStatusCode.OK, dispute.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Client.PostAsJsonAsync($"/api/events/{othersEvent.Id}/dispute", new { comment = "x" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsJsonAsync($"/api/events/{world.Event.Id}/dispute", new { comment = "x" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await world.Client.PostAsJsonAsync($"/api/events/{world.Event.Id}/dispute", new { comment = "" }, Ct)).StatusCode);

        var history = (await manager.GetFromJsonAsync<JsonArray>($"/api/events/{world.Event.Id}/review-history", Ct))!;
        var disputed = Assert.Single(history)!;
        Assert.Equal(("dispute", "needs_review", "The car was parked", world.Driver.Id), (disputed["action"]!.GetValue<string>(),
            disputed["toState"]!.GetValue<string>(), disputed["note"]!.GetValue<string>(), disputed["byUserId"]!.GetValue<Guid>()));
        var unchanged = await world.Client.GetFromJsonAsync<JsonObject>($"/api/events/{world.Event.Id}", Ct);
        Assert.Equal("needs_review", unchanged!["reviewState"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_bulk_verdict_with_one_foreign_event_changes_nothing_and_names_it_then_applies_to_all_in_one_go()
    {
        var world = await FleetWorld.CreateAsync(Api, UserRole.Manager);
        var mine = new List<Guid> { world.Event.Id };
        for (var i = 0; i < 3; i++) mine.Add((await Api.CreateEventAsync(world.Job)).Event.Id);
        var foreignFleet = await Api.CreateFleetAsync();
        var (foreign, _) = await Api.CreateEventAsync(await Api.CreateJobAsync((await Api.CreateUserAsync(UserRole.Driver, foreignFleet.Id)).Id));

        var refused = await world.Client.PutAsJsonAsync("/api/events/review",
            new { ids = mine.Append(foreign.Id), state = "dismissed", dismissReason = "duplicate" }, Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.Equal([foreign.Id], problem["events"]!.AsArray().Select(e => e!["id"]!.GetValue<Guid>()));
        var states = await Api.WithDbAsync(db => db.SafetyEvents.Where(e => mine.Contains(e.Id) || e.Id == foreign.Id).Select(e => e.ReviewState).ToListAsync(Ct));
        Assert.All(states, s => Assert.Equal(ReviewState.NeedsReview, s));
        Assert.Equal(0, await Api.WithDbAsync(db => db.EventReviews.CountAsync(r => mine.Contains(r.EventId) || r.EventId == foreign.Id, Ct)));

        var tooMany = await world.Client.PutAsJsonAsync("/api/events/review",
            new { ids = Enumerable.Range(0, 501).Select(_ => Guid.NewGuid()), state = "confirmed" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);

        var applied = await world.Client.PutAsJsonAsync("/api/events/review", new { ids = mine, state = "dismissed", dismissReason = "duplicate" }, Ct);
        Assert.Equal(4, (await applied.Content.ReadFromJsonAsync<JsonObject>(Ct))!["reviewed"]!.GetValue<int>());
        var listed = await world.Client.GetFromJsonAsync<JsonObject>($"/api/events?jobId={world.Job.Id}&reviewState=dismissed&dismissReason=duplicate", Ct);
        Assert.Equal(4, listed!["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_dismissed_event_leaves_the_score_by_the_penalty_the_breakdown_shows_and_the_driver_sees_their_coaching()
    {
        var world = await FleetWorld.CreateAsync(Api, UserRole.Manager);
        var second = (await Api.CreateEventAsync(world.Job)).Event;
        var third = (await Api.CreateEventAsync(world.Job, "lane_departure")).Event;
        using var driver = await Api.LoginAsync(world.Driver);
        var before = await ScoreAsync(driver, world.Driver.Id);
        var fcwBefore = Item(before, "forward_collision_warning");
        Assert.Equal((2, 0, 2), (fcwBefore["count"]!.GetValue<int>(), fcwBefore["dismissed"]!.GetValue<int>(), fcwBefore["awaitingReview"]!.GetValue<int>()));

        await world.Client.PutAsJsonAsync($"/api/events/{second.Id}/review", new { state = "dismissed", dismissReason = "not_a_hazard" }, Ct);
        await world.Client.PutAsJsonAsync($"/api/events/{world.Event.Id}/review", new { state = "coached", coachingNote = "Look further ahead" }, Ct);
        var after = await ScoreAsync(driver, world.Driver.Id);

        var fcwAfter = Item(after, "forward_collision_warning");
        Assert.Equal((1, 1, 0), (fcwAfter["count"]!.GetValue<int>(), fcwAfter["dismissed"]!.GetValue<int>(), fcwAfter["awaitingReview"]!.GetValue<int>()));
        var penaltyLeft = fcwBefore["penalty"]!.GetValue<double>() - fcwAfter["penalty"]!.GetValue<double>();
        Assert.True(penaltyLeft > 0);
        Assert.Equal(before["score"]!.GetValue<double>() + penaltyLeft, after["score"]!.GetValue<double>(), 1);
        Assert.Equal(1, Item(after, "lane_departure")["awaitingReview"]!.GetValue<int>());
        var coaching = Assert.Single(after["coached"]!.AsArray())!;
        Assert.Equal((world.Event.Id, "Look further ahead"), (coaching["eventId"]!.GetValue<Guid>(), coaching["coachingNote"]!.GetValue<string>()));
        _ = third;
    }

    [Fact]
    public async Task Quality_is_precision_with_its_Wilson_interval_for_managers_own_fleet_and_admins_any()
    {
        var world = await FleetWorld.CreateAsync(Api, UserRole.Manager);
        var events = new List<Guid> { world.Event.Id };
        for (var i = 0; i < 4; i++) events.Add((await Api.CreateEventAsync(world.Job)).Event.Id);
        await world.Client.PutAsJsonAsync("/api/events/review", new { ids = events.Take(2), state = "confirmed" }, Ct);
        await world.Client.PutAsJsonAsync($"/api/events/{events[2]}/review", new { state = "coachable" }, Ct);
        await world.Client.PutAsJsonAsync($"/api/events/{events[3]}/review", new { state = "dismissed", dismissReason = "wrong_object" }, Ct);

        var quality = (await world.Client.GetFromJsonAsync<JsonObject>("/api/quality", Ct))!;

        var fcw = Assert.Single(quality["byType"]!.AsArray())!;
        Assert.Equal((5, 4, 3, 1, 1), (fcw["events"]!.GetValue<int>(), fcw["reviewed"]!.GetValue<int>(), fcw["confirmed"]!.GetValue<int>(),
            fcw["dismissed"]!.GetValue<int>(), fcw["awaitingReview"]!.GetValue<int>()));
        Assert.Equal(1, fcw["dismissedByReason"]!["wrong_object"]!.GetValue<int>());
        // 3 of 4: Wilson 95 % interval 0.3006-0.9544 (z = 1.96).
        Assert.Equal((0.75, 0.3006, 0.9544), (fcw["precision"]!.GetValue<double>(), fcw["precisionLow"]!.GetValue<double>(), fcw["precisionHigh"]!.GetValue<double>()));
        var split = Assert.Single(quality["bySettings"]!.AsArray())!;
        Assert.Equal("unknown", split["modelSet"]!.GetValue<string>());
        Assert.Null(split["ruleSettingsVersion"]);
        Assert.Equal(0.75, Assert.Single(quality["weekly"]!.AsArray())!["precision"]!.GetValue<double>());
        Assert.Contains(",forward_collision_warning,", "," + (await world.Client.GetStringAsync("/api/quality/export", Ct)).Split("\r\n")[1]);

        var (_, admin) = await Api.SignInAsync(UserRole.Admin);
        var asAdmin = (await admin.GetFromJsonAsync<JsonObject>($"/api/quality?fleetId={world.Fleet.Id}", Ct))!;
        Assert.Equal(5, asAdmin["events"]!.GetValue<int>());
        var (_, otherManager) = await Api.SignInAsync(UserRole.Manager, (await Api.CreateFleetAsync()).Id);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherManager.GetAsync($"/api/quality?fleetId={world.Fleet.Id}", Ct)).StatusCode);
        Assert.Equal(0, (await otherManager.GetFromJsonAsync<JsonObject>("/api/quality", Ct))!["events"]!.GetValue<int>());
        var (_, driver) = await Api.SignInAsync(UserRole.Driver, world.Fleet.Id);
        Assert.Equal(HttpStatusCode.Forbidden, (await driver.GetAsync("/api/quality", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await world.Client.GetAsync("/api/quality?from=2026-12-02&to=2026-12-01", Ct)).StatusCode);
    }

    private static async Task<JsonObject> ScoreAsync(HttpClient client, Guid driverId) =>
        (await client.GetFromJsonAsync<JsonObject>($"/api/drivers/{driverId}/score", Ct))!;

    private static JsonNode Item(JsonObject score, string type) =>
        score["breakdown"]!.AsArray().Single(b => b!["type"]!.GetValue<string>() == type)!;

    private async Task<WebSocket> ConnectAsync(TestUser user)
    {
        var token = (await Api.LoginResponseAsync(user))["accessToken"]!.GetValue<string>();
        var client = Api.Server.CreateWebSocketClient();
        client.ConfigureRequest = request => request.Headers.Authorization = $"Bearer {token}";
        return await client.ConnectAsync(new Uri(Api.Server.BaseAddress, "/api/jobs/live"), Ct);
    }

    private static async Task<JsonObject> ReceiveReviewAsync(WebSocket socket)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            var message = JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, result.Count))!.AsObject();
            if (message["type"]!.GetValue<string>() == "review") return message;
        }
    }

    /// <summary>Other tests of the collection review their own fleets; none of it may reach this socket.</summary>
    private static async Task AssertNothingArrivesAsync(WebSocket socket)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        wait.CancelAfter(TimeSpan.FromSeconds(2));
        var buffer = new byte[64 * 1024];
        try
        {
            var result = await socket.ReceiveAsync(buffer, wait.Token);
            Assert.Fail($"unexpected message: {Encoding.UTF8.GetString(buffer, 0, result.Count)}");
        }
        catch (OperationCanceledException) when (!Ct.IsCancellationRequested) { }
    }
}
