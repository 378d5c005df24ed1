using System.Text.Json.Nodes;
using Adas.Tests.Api.Infrastructure;

namespace Adas.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class OpenApiTests(ApiFactory api)
{
    [Fact]
    public async Task The_document_declares_the_bearer_scheme_and_describes_the_fleet_endpoints_with_snake_case_enums()
    {
        using var client = api.CreateClient();
        var json = await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        var document = JsonNode.Parse(json)!;

        var scheme = document["components"]!["securitySchemes"]!["Bearer"]!;
        Assert.Equal("http", scheme["type"]!.GetValue<string>());
        Assert.Equal("bearer", scheme["scheme"]!.GetValue<string>());
        var required = Assert.Single(document["security"]!.AsArray())!.AsObject();
        Assert.Equal(["Bearer"], required.Select(r => r.Key));
        Assert.Empty(required["Bearer"]!.AsArray());
        var paths = document["paths"]!.AsObject();
        foreach (var path in new[] { "/api/auth/login", "/api/users", "/api/vehicles", "/api/trips/{id}/stats", "/api/events/stats",
                     "/api/alerts/{id}/acknowledge", "/api/models/{id}/activate", "/api/drivers/{id}/score" })
            Assert.True(paths.ContainsKey(path), $"{path} is missing from the OpenAPI document");
        Assert.Contains("object_detection", json);
        Assert.Contains("sign_classification", json, StringComparison.Ordinal);
        var listTrips = paths["/api/trips"]!["get"]!;
        Assert.Null(listTrips["requestBody"]);
        Assert.Contains(listTrips["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "status" && p["in"]!.GetValue<string>() == "query");
        Assert.Contains(paths["/api/trips/{id}"]!["get"]!["parameters"]!.AsArray(), p => p!["in"]!.GetValue<string>() == "path");
        foreach (var anonymous in new[] { "/api/auth/login", "/api/auth/refresh" })
            Assert.Empty(paths[anonymous]!["post"]!["security"]!.AsArray());
        Assert.Null(paths["/api/users"]!["get"]!["security"]);
    }
}
