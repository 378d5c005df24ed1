using System.Net;
using System.Security.Cryptography;
using Adas.AppHost;
using Adas.Tests.Infrastructure;
using Adas.Tests.Jobs;
using Microsoft.Extensions.Configuration;

namespace Adas.Tests.Graph;

/// <summary>Production is explicit: the graph runs with the secrets it is given, no anonymous docs, nothing generated or printed.</summary>
[Collection(GraphCollection.Name)]
public sealed class ProductionGraphTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_graph_in_production_serves_no_docs_and_prints_no_password()
    {
        var options = GraphLauncher.DefaultOptions()
            .With("ServiceConfiguration:Jwt:SigningKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(48))) with { EnvironmentName = "Production" };
        var ct = TestContext.Current.CancellationToken;
        var graph = await GraphLauncher.StartAsync(options, ct);
        try
        {
            await graph.WaitUntilReadyAsync(ct);
            using var anonymous = graph.CreateApiClient();
            foreach (var path in (string[])["/docs", "/openapi/v1.json"])
            {
                using var response = await anonymous.GetAsync(path, ct);
                Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Unauthorized, $"{path} answered {(int)response.StatusCode}");
            }
            using var admin = await graph.LoginAsync(GraphLauncher.AdminEmail, GraphLauncher.AdminPassword);
            using var bad = await admin.GetAsync("/api/jobs/not-a-guid", ct);
            Assert.DoesNotContain("   at ", await bad.Content.ReadAsStringAsync(ct));

            Assert.DoesNotContain(graph.Logs.Lines, line => line.Contains(GraphLauncher.AdminPassword) || line.Contains("Generated the first admin password"));
            Assert.False(File.Exists(Path.Combine(graph.DataDirectory, "admin-password.txt")));
            Assert.False(File.Exists(Path.Combine(graph.DataDirectory, "jwt-signing-key.txt")));
            Assert.Contains(graph.Logs.Lines, line => line.Contains("Hosting environment: Production"));
        }
        catch
        {
            output.WriteLine(graph.Logs.Tail(120));
            throw;
        }
        finally
        {
            await graph.DisposeAsync();
            Directory.Delete(options.DataDirectory, recursive: true);
        }
    }

    [Theory]
    [InlineData(null, "x", "ADAS_ADMIN_PASSWORD")]
    [InlineData("Admin-Passw0rd-1", null, "Jwt__SigningKey")]
    [InlineData("Admin-Passw0rd-1", "too-short", "Jwt__SigningKey")]
    public void Outside_development_the_apphost_names_the_missing_secret(string? password, string? signingKey, string named)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ADAS_ADMIN_PASSWORD"] = password,
            ["Jwt:SigningKey"] = signingKey == "x" ? new string('k', 48) : signingKey,
        }).Build();
        var error = Assert.Throws<InvalidOperationException>(() => AdasSettings.RequireProductionSecrets(configuration, "Production"));
        Assert.Contains(named, error.Message);
        AdasSettings.RequireProductionSecrets(configuration, "Development");
    }
}
