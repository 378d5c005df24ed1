using System.Net;
using System.Net.Http.Json;
using Adas.Data.Entities;
using Adas.Tests.Api.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Adas.Tests.Api.Auth;

[Collection(ApiCollection.Name)]
public sealed class IpRateLimitTests(ApiFactory api)
{
    [Fact]
    public async Task Logins_from_one_address_beyond_the_limit_get_429_with_retry_after_whatever_the_account()
    {
        await using var limited = api.WithWebHostBuilder(b => b.UseSetting("Auth:LoginRateLimit:AttemptsPerIp", "3"));
        using var client = limited.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        var users = new List<TestUser>();
        for (var i = 0; i < 4; i++) users.Add(await api.CreateUserAsync(UserRole.Viewer));

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        foreach (var user in users)
        {
            last = await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password }, ct);
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(last!.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
    }
}
