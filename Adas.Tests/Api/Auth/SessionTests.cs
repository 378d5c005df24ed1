using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Adas.Data.Entities;
using Adas.Data.Security;
using Adas.Tests.Api.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Adas.Tests.Api.Auth;

/// <summary>Sessions and accounts: password changes end other sessions, guessing is throttled per account and client.</summary>
[Collection(ApiCollection.Name)]
public sealed class SessionTests(ApiFactory api)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Changing_your_own_password_revokes_your_other_sessions_but_keeps_this_one()
    {
        var user = await api.CreateUserAsync(UserRole.Driver);
        var other = await api.LoginResponseAsync(user);
        var current = await api.LoginResponseAsync(user);
        using var client = api.ClientWithToken(current["accessToken"]!.GetValue<string>());

        var changed = await client.PutAsJsonAsync("/api/users/me", new { currentPassword = user.Password, newPassword = "Another-Secret-2026" }, Ct);

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        using var anonymous = api.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(anonymous, other)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(anonymous, current)).StatusCode);
    }

    [Fact]
    public async Task The_current_password_check_of_a_password_change_is_throttled_like_login()
    {
        var user = await api.CreateUserAsync(UserRole.Driver);
        using var client = await api.LoginAsync(user);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await client.PutAsJsonAsync("/api/users/me", new { currentPassword = $"guess-{attempt}-guess", newPassword = "Another-Secret-2026" }, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        var sixth = await client.PutAsJsonAsync("/api/users/me", new { currentPassword = user.Password, newPassword = "Another-Secret-2026" }, Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        Assert.True(sixth.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        var stored = await api.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id, Ct));
        Assert.NotEqual(PasswordVerificationResult.Failed, Passwords.Verify(stored, user.Password));
    }

    [Fact]
    public async Task Wrong_passwords_from_one_address_do_not_lock_the_owner_out_at_another()
    {
        var user = await api.CreateUserAsync(UserRole.Driver);
        using var client = api.CreateClient();
        for (var attempt = 1; attempt <= 6; attempt++)
            await LoginAsync(client, user.Email, $"wrong-{attempt}-password", peer: "198.51.100.7");
        Assert.Equal(HttpStatusCode.TooManyRequests, await LoginAsync(client, user.Email, user.Password, peer: "198.51.100.7"));

        Assert.Equal(HttpStatusCode.OK, await LoginAsync(client, user.Email, user.Password, peer: "203.0.113.20"));
    }

    [Fact]
    public async Task Many_addresses_together_slow_the_guessing_down_but_never_keep_the_owner_out()
    {
        await using var limited = api.WithWebHostBuilder(b => b
            .UseSetting("Auth:LoginRateLimit:FailuresPerAccountGlobal", "8")
            .UseSetting("Auth:LoginRateLimit:FailureDelayUnderAttackMs", "700"));
        var user = await api.CreateUserAsync(UserRole.Driver);
        using var client = limited.CreateClient();
        for (var address = 1; address <= 4; address++)
            for (var attempt = 1; attempt <= 2; attempt++)
                Assert.Equal(HttpStatusCode.Unauthorized, await LoginAsync(client, user.Email, "wrong-password-x", peer: $"192.0.2.{address}"));

        // The account's global window is full: a new address gets one slowed attempt a window, no more.
        var started = Stopwatch.GetTimestamp();
        Assert.Equal(HttpStatusCode.Unauthorized, await LoginAsync(client, user.Email, "wrong-password-x", peer: "192.0.2.98"));
        Assert.True(Stopwatch.GetElapsedTime(started) >= TimeSpan.FromMilliseconds(690), "a failure under attack is answered slowly");
        Assert.Equal(HttpStatusCode.TooManyRequests, await LoginAsync(client, user.Email, "wrong-password-x", peer: "192.0.2.98"));
        // The owner, with the right password, gets in at once.
        Assert.Equal(HttpStatusCode.OK, await LoginAsync(client, user.Email, user.Password, peer: "192.0.2.99"));
    }

    [Fact]
    public async Task Ipv6_clients_are_counted_by_their_64_prefix()
    {
        var user = await api.CreateUserAsync(UserRole.Driver);
        using var client = api.CreateClient();
        for (var host = 1; host <= 5; host++)
            Assert.Equal(HttpStatusCode.Unauthorized, await LoginAsync(client, user.Email, "wrong-password-v6", peer: $"2001:db8:0:7::{host:x}"));

        Assert.Equal(HttpStatusCode.TooManyRequests, await LoginAsync(client, user.Email, user.Password, peer: "2001:db8:0:7:ffff::99"));
        Assert.Equal(HttpStatusCode.OK, await LoginAsync(client, user.Email, user.Password, peer: "2001:db8:0:8::1"));
    }

    [Fact]
    public async Task Parallel_wrong_passwords_cannot_exceed_the_limit()
    {
        var user = await api.CreateUserAsync(UserRole.Driver);
        using var client = api.CreateClient();

        var statuses = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => LoginAsync(client, user.Email, $"parallel-{i}-wrong", peer: "198.51.100.50")));

        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.Unauthorized));
        Assert.Equal(11, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task Forwarded_for_is_honoured_from_the_configured_proxy_only()
    {
        var user = await api.CreateUserAsync(UserRole.Driver);
        using var client = api.CreateClient();
        for (var attempt = 1; attempt <= 5; attempt++)
            await LoginAsync(client, user.Email, "wrong-password-y", peer: ApiFactory.TrustedProxy, forwardedFor: "198.51.100.80");

        // Through the proxy, the guessing client is blocked and another client is not.
        Assert.Equal(HttpStatusCode.TooManyRequests, await LoginAsync(client, user.Email, user.Password, peer: ApiFactory.TrustedProxy, forwardedFor: "198.51.100.80"));
        Assert.Equal(HttpStatusCode.OK, await LoginAsync(client, user.Email, user.Password, peer: ApiFactory.TrustedProxy, forwardedFor: "198.51.100.81"));
        // A client that is no proxy cannot borrow another address (nor escape its own block) by sending the header.
        for (var attempt = 1; attempt <= 5; attempt++)
            await LoginAsync(client, user.Email, "wrong-password-z", peer: "198.51.100.90", forwardedFor: $"203.0.113.{attempt}");
        Assert.Equal(HttpStatusCode.TooManyRequests, await LoginAsync(client, user.Email, user.Password, peer: "198.51.100.90", forwardedFor: "203.0.113.200"));
    }

    [Fact]
    public async Task An_empty_password_hash_never_verifies()
    {
        var user = await api.CreateUserAsync(UserRole.Admin);
        await api.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.PasswordHash, ""), Ct));
        using var client = api.CreateClient();

        foreach (var guess in new[] { "not-a-password", "", " ", user.Password })
            Assert.NotEqual(HttpStatusCode.OK, await LoginAsync(client, user.Email, guess, peer: $"192.0.2.{guess.Length + 100}"));
        Assert.Equal(PasswordVerificationResult.Failed, Passwords.Verify(new User { Email = "x", DisplayName = "x" }, "not-a-password"));
    }

    [Fact]
    public async Task A_hash_with_fewer_pbkdf2_iterations_is_upgraded_at_the_next_login()
    {
        var user = await api.CreateUserAsync(UserRole.Viewer);
        var legacy = new PasswordHasher<User>().HashPassword(new User { Email = user.Email, DisplayName = "" }, user.Password);
        await api.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.PasswordHash, legacy), Ct));
        Assert.Equal(100_000, Iterations(legacy));

        using var client = api.CreateClient();
        Assert.Equal(HttpStatusCode.OK, await LoginAsync(client, user.Email, user.Password, peer: "192.0.2.150"));

        var stored = await api.WithDbAsync(db => db.Users.AsNoTracking().Where(u => u.Id == user.Id).Select(u => u.PasswordHash).SingleAsync(Ct));
        Assert.Equal(Passwords.Pbkdf2Iterations, Iterations(stored));
        Assert.True(Passwords.Pbkdf2Iterations >= 210_000, "OWASP: PBKDF2-HMAC-SHA512 needs at least 210,000 iterations");
        Assert.Equal(HttpStatusCode.OK, await LoginAsync(client, user.Email, user.Password, peer: "192.0.2.150"));
    }

    /// <summary>Identity v3 format: 0x01, PRF (4 bytes), iteration count (4 bytes, big-endian), salt length, salt, subkey.</summary>
    private static int Iterations(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        Assert.Equal(0x01, bytes[0]);
        return (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5, 4));
    }

    private static async Task<HttpStatusCode> LoginAsync(HttpClient client, string email, string password, string peer, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new { email, password }) };
        request.Headers.Add(ApiFactory.PeerHeader, peer);
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request, Ct);
        return response.StatusCode;
    }

    private static Task<HttpResponseMessage> RefreshAsync(HttpClient client, JsonObject tokens) =>
        client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens["refreshToken"]!.GetValue<string>() }, Ct);
}
