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

    /// <summary>Every operation of the API, with the resource group it must be filed under in /docs.</summary>
    private static readonly Dictionary<string, string> ExpectedTags = new()
    {
        ["GET /api/alerts"] = "Alerts",
        ["GET /api/alerts/{id}"] = "Alerts",
        ["GET /api/alerts/{id}/history"] = "Alerts",
        ["POST /api/alerts/{id}/acknowledge"] = "Alerts",
        ["POST /api/alerts/{id}/resolve"] = "Alerts",
        ["GET /api/auth/me"] = "Auth",
        ["POST /api/auth/login"] = "Auth",
        ["POST /api/auth/logout"] = "Auth",
        ["POST /api/auth/refresh"] = "Auth",
        ["GET /api/drivers/{id}/score"] = "Drivers",
        ["GET /api/events"] = "Events",
        ["GET /api/events/export"] = "Events",
        ["GET /api/events/stats"] = "Events",
        ["GET /api/events/{id}"] = "Events",
        ["GET /api/events/{id}/clip"] = "Events",
        ["GET /api/events/{id}/snapshot"] = "Events",
        ["PUT /api/events/{id}/review"] = "Events",
        ["PUT /api/events/review"] = "Events",
        ["POST /api/events/{id}/dispute"] = "Events",
        ["GET /api/events/{id}/review-history"] = "Events",
        ["GET /api/quality"] = "Quality",
        ["GET /api/quality/export"] = "Quality",
        ["GET /api/fleets"] = "Fleets",
        ["POST /api/fleets"] = "Fleets",
        ["GET /api/fleets/{id}/rules"] = "Fleets",
        ["PUT /api/fleets/{id}/rules"] = "Fleets",
        ["GET /api/fleets/{id}/rules/versions"] = "Fleets",
        ["DELETE /api/jobs/{id}"] = "Jobs",
        ["GET /api/jobs"] = "Jobs",
        ["GET /api/jobs/deletions"] = "Jobs",
        ["GET /api/jobs/live"] = "Jobs",
        ["GET /api/jobs/{id}"] = "Jobs",
        ["GET /api/jobs/{id}/driver-states"] = "Jobs",
        ["GET /api/jobs/{id}/signals"] = "Jobs",
        ["GET /api/jobs/{id}/events"] = "Jobs",
        ["GET /api/jobs/{id}/traffic-signs"] = "Jobs",
        ["GET /api/jobs/{id}/video"] = "Jobs",
        ["GET /api/jobs/{id}/signals"] = "Jobs",
        ["POST /api/jobs"] = "Jobs",
        ["GET /api/models"] = "Models",
        ["GET /api/models/{id}"] = "Models",
        ["POST /api/models"] = "Models",
        ["POST /api/models/{id}/activate"] = "Models",
        ["GET /api/system/info"] = "System",
        ["DELETE /api/trips/{id}"] = "Trips",
        ["GET /api/trips"] = "Trips",
        ["GET /api/trips/{id}"] = "Trips",
        ["GET /api/trips/{id}/stats"] = "Trips",
        ["POST /api/trips"] = "Trips",
        ["PUT /api/trips/{id}"] = "Trips",
        ["DELETE /api/users/{id}"] = "Users",
        ["GET /api/users"] = "Users",
        ["GET /api/users/{id}"] = "Users",
        ["POST /api/users"] = "Users",
        ["PUT /api/users/me"] = "Users",
        ["PUT /api/users/{id}"] = "Users",
        ["DELETE /api/vehicles/{id}"] = "Vehicles",
        ["GET /api/vehicles"] = "Vehicles",
        ["GET /api/vehicles/{id}"] = "Vehicles",
        ["POST /api/vehicles"] = "Vehicles",
        ["PUT /api/vehicles/{id}"] = "Vehicles",
    };

    [Fact]
    public async Task Every_operation_is_filed_under_its_resource_with_a_summary_and_its_error_responses_as_problem_details()
    {
        using var client = api.CreateClient();
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken))!;
        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => (Key: $"{op.Key.ToUpperInvariant()} {path.Key}", Operation: op.Value!)))
            .ToDictionary(o => o.Key, o => o.Operation);

        Assert.Equal(ExpectedTags.Keys.Order(), operations.Keys.Order());
        foreach (var (key, operation) in operations)
        {
            Assert.Equal([ExpectedTags[key]], operation["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
            Assert.False(string.IsNullOrWhiteSpace(operation["summary"]?.GetValue<string>()), $"{key} has no summary");
            var responses = operation["responses"]!.AsObject();
            var errors = responses.Where(r => int.Parse(r.Key) >= 400).ToList();
            Assert.All(errors, r => Assert.Equal("#/components/schemas/ProblemDetails",
                r.Value!["content"]?["application/problem+json"]?["schema"]?["$ref"]?.GetValue<string>()));
            var anonymous = operation["security"] is JsonArray { Count: 0 };
            if (!anonymous) Assert.True(responses.ContainsKey("401"), $"{key} does not document 401");
            if (key.Contains("{id}", StringComparison.Ordinal)) Assert.True(responses.ContainsKey("404"), $"{key} does not document 404");
            if (operation["parameters"]?.AsArray().Any(p => p!["in"]!.GetValue<string>() == "query") == true || operation["requestBody"] is not null)
                Assert.True(responses.ContainsKey("400"), $"{key} takes input but does not document 400");
        }
        Assert.Equal(ExpectedTags.Values.Distinct().Order(), document["tags"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()).Order());
        Assert.NotNull(document["components"]!["schemas"]!["ProblemDetails"]!["properties"]!["detail"]);

        string[] StatusesOf(string key) => [.. operations[key]["responses"]!.AsObject().Select(r => r.Key)];
        Assert.Superset(new HashSet<string> { "202", "400", "401", "403", "413", "415", "429" }, StatusesOf("POST /api/jobs").ToHashSet());
        Assert.Contains("multipart/form-data", operations["POST /api/jobs"]["requestBody"]!["content"]!.AsObject().Select(c => c.Key));
        Assert.Superset(new HashSet<string> { "200", "206", "404", "409" }, StatusesOf("GET /api/jobs/{id}/video").ToHashSet());
        Assert.Superset(new HashSet<string> { "200", "206", "404" }, StatusesOf("GET /api/events/{id}/clip").ToHashSet());
        Assert.NotNull(operations["GET /api/events/{id}/clip"]["responses"]!["206"]!["content"]!["video/mp4"]);
        Assert.NotNull(operations["GET /api/events/export"]["responses"]!["200"]!["content"]!["text/csv"]);
        Assert.Superset(new HashSet<string> { "401", "429" }, StatusesOf("POST /api/auth/login").ToHashSet());
        Assert.Contains("409", StatusesOf("POST /api/alerts/{id}/acknowledge"));
        Assert.Contains("403", StatusesOf("DELETE /api/users/{id}"));
    }
}
