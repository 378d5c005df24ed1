using System.Net.WebSockets;
using System.Text;
using Adas.Data.Entities;
using Adas.Tests.Api.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Adas.Tests.Api.Auth;

/// <summary>The live WebSocket ends with its session: at token expiry, on deactivation; and one user holds only a few.</summary>
[Collection(RedisApiCollection.Name)]
public sealed class LiveSessionTests(RedisApiFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private ApiFactory Api => fixture.Api;

    [Fact]
    public async Task The_socket_closes_with_policy_violation_when_the_access_token_expires()
    {
        var user = await Api.CreateUserAsync(UserRole.Viewer, (await Api.CreateFleetAsync()).Id);
        var expires = DateTime.UtcNow.AddSeconds(3);
        using var socket = await ConnectAsync(TokenFor(user, expires));

        var (status, at) = await ReceiveCloseAsync(socket, TimeSpan.FromSeconds(20));

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, status);
        var exp = DateTimeOffset.FromUnixTimeSeconds(new DateTimeOffset(expires).ToUnixTimeSeconds()).UtcDateTime; // whole seconds in the token
        Assert.True(at >= exp.AddMilliseconds(-200), $"closed at {at:O}, before the token expired at {exp:O}");
    }

    [Fact]
    public async Task The_socket_closes_with_policy_violation_when_the_account_is_deactivated()
    {
        var fleet = await Api.CreateFleetAsync();
        var user = await Api.CreateUserAsync(UserRole.Driver, fleet.Id);
        var (_, admin) = await Api.SignInAsync(UserRole.Admin);
        using var socket = await ConnectAsync((await Api.LoginResponseAsync(user))["accessToken"]!.GetValue<string>());
        var closing = ReceiveCloseAsync(socket, TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        Assert.False(closing.IsCompleted, "the socket closed before the account changed");

        Assert.True((await admin.DeleteAsync($"/api/users/{user.Id}", Ct)).IsSuccessStatusCode);
        var (status, _) = await closing;

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, status);
    }

    [Fact]
    public async Task One_user_may_hold_only_a_few_sockets()
    {
        var user = await Api.CreateUserAsync(UserRole.Viewer, (await Api.CreateFleetAsync()).Id);
        var token = (await Api.LoginResponseAsync(user))["accessToken"]!.GetValue<string>();
        var sockets = new List<WebSocket>();
        for (var i = 0; i < 5; i++) sockets.Add(await ConnectAsync(token));

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => ConnectAsync(token));
        Assert.Contains("429", refused.Message);

        await sockets[0].CloseAsync(WebSocketCloseStatus.NormalClosure, null, Ct);
        await Task.Delay(300, Ct);
        sockets.Add(await ConnectAsync(token));
        foreach (var socket in sockets) socket.Dispose();
    }

    private async Task<WebSocket> ConnectAsync(string token)
    {
        var client = Api.Server.CreateWebSocketClient();
        client.ConfigureRequest = request => request.Headers.Authorization = $"Bearer {token}";
        return await client.ConnectAsync(new Uri(Api.Server.BaseAddress, "/api/jobs/live"), Ct);
    }

    /// <summary>The close status once the server closes the socket, or null if it stays open for the whole wait.</summary>
    private static async Task<(WebSocketCloseStatus? Status, DateTime At)> ReceiveCloseAsync(WebSocket socket, TimeSpan wait)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(wait);
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, timeout.Token);
                if (result.MessageType == WebSocketMessageType.Close) return (result.CloseStatus, DateTime.UtcNow);
            }
        }
        catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
        {
            return (null, DateTime.UtcNow);
        }
    }

    private static string TokenFor(TestUser user, DateTime expires) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Claims = new Dictionary<string, object>
        {
            ["sub"] = user.Id.ToString(), ["email"] = user.Email, ["role"] = user.Role.ToString().ToLowerInvariant(),
            ["fleet_id"] = user.FleetId!.Value.ToString(),
        },
        Issuer = ApiFactory.Issuer,
        Audience = ApiFactory.Audience,
        IssuedAt = DateTime.UtcNow.AddSeconds(-1),
        NotBefore = DateTime.UtcNow.AddSeconds(-1),
        Expires = expires,
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(ApiFactory.SigningKey)), SecurityAlgorithms.HmacSha256),
    });
}
