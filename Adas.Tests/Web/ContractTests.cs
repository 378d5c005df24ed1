extern alias web;

using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Adas.Tests.Api.Infrastructure;
using web::Adas.Web.Api;

namespace Adas.Tests.Web;

/// <summary>
/// The dashboard's hand-written response types (<c>Adas.Web/Api/Contracts.cs</c>) checked against the API's own OpenAPI
/// document: every property the dashboard reads must exist in the response the API describes, with a JSON type it can
/// hold (a nullable one where the API may send null). A renamed, removed or retyped API field fails here, not in a browser.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ContractTests(ApiFactory api)
{
    /// <summary>Every API response the dashboard reads, with the type it reads it into.</summary>
    public static readonly TheoryData<string, Type> Responses = new()
    {
        { "POST /api/auth/login", typeof(TokenResponse) },
        { "GET /api/jobs", typeof(Paged<JobDto>) },
        { "POST /api/jobs", typeof(JobDto) },
        { "GET /api/jobs/{id}", typeof(JobDto) },
        { "GET /api/jobs/{id}/events", typeof(Paged<EventDto>) },
        { "GET /api/jobs/{id}/traffic-signs", typeof(Paged<TrafficSignDto>) },
        { "GET /api/jobs/{id}/driver-states", typeof(Paged<DriverStateDto>) },
        { "GET /api/events", typeof(Paged<EventDto>) },
        { "GET /api/events/{id}", typeof(EventDto) },
        { "GET /api/alerts", typeof(Paged<AlertDto>) },
        { "GET /api/alerts/{id}/history", typeof(List<AlertHistoryEntry>) },
        { "GET /api/users", typeof(Paged<UserDto>) },
        { "POST /api/users", typeof(UserDto) },
        { "GET /api/vehicles", typeof(Paged<VehicleDto>) },
        { "POST /api/vehicles", typeof(VehicleDto) },
        { "GET /api/trips", typeof(Paged<TripDto>) },
        { "POST /api/trips", typeof(TripDto) },
        { "GET /api/trips/{id}/stats", typeof(TripStats) },
        { "GET /api/drivers/{id}/score", typeof(DriverScore) },
        { "GET /api/models", typeof(Paged<ModelDto>) },
        { "PUT /api/events/{id}/review", typeof(EventDto) },
        { "PUT /api/events/review", typeof(ReviewResult) },
        { "GET /api/events/{id}/review-history", typeof(List<ReviewHistoryEntry>) },
        { "GET /api/quality", typeof(QualityReport) },
    };

    private static JsonObject? _document;

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task The_dashboard_reads_only_fields_the_API_describes_with_types_that_hold_them(string operation, Type webType)
    {
        var document = await DocumentAsync();
        var (method, path) = (operation.Split(' ')[0].ToLowerInvariant(), operation.Split(' ')[1]);
        var responses = document["paths"]![path]![method]!["responses"]!.AsObject();
        var success = responses.First(r => r.Key.StartsWith('2') && r.Value!["content"]?["application/json"] is not null);
        var problems = new List<string>();

        new SchemaCheck(document, problems).Check(webType, success.Value!["content"]!["application/json"]!["schema"]!, webType.Name, nullable: false);

        Assert.True(problems.Count == 0, $"{operation} drifted from {webType.Name}:\n" + string.Join("\n", problems));
    }

    [Fact]
    public async Task A_field_the_API_does_not_send_is_caught()
    {
        var problems = new List<string>();
        var document = await DocumentAsync();
        var events = document["paths"]!["/api/events/{id}"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!;

        new SchemaCheck(document, problems).Check(typeof(Drifted), events, nameof(Drifted), nullable: false);

        Assert.Equal(["Drifted.severityLevel: the API does not send it", "Drifted.startSeconds: the API sends number, read as integer",
            "Drifted.peakValue: the API may send null, read as a non-nullable Double"], problems);
    }

    private sealed record Drifted(Guid Id, string SeverityLevel, int StartSeconds, double PeakValue);

    private async Task<JsonObject> DocumentAsync()
    {
        if (_document is not null) return _document;
        using var client = api.CreateClient();
        return _document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken))!.AsObject();
    }

    private sealed class SchemaCheck(JsonObject document, List<string> problems)
    {
        private readonly NullabilityInfoContext _nullability = new();

        public void Check(Type type, JsonNode schema, string at, bool nullable)
        {
            var (resolved, apiNullable) = Resolve(schema);
            if (apiNullable && !nullable) problems.Add($"{at}: the API may send null, read as a non-nullable {type.Name}");
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (type == typeof(JsonElement)) return;
            var kinds = Kinds(resolved);
            var expected = KindOf(type);
            var fits = kinds.Count == 0 || kinds.Contains(expected) || (expected == "number" && kinds.Contains("integer"));
            if (!fits)
            {
                problems.Add($"{at}: the API sends {string.Join("|", kinds.Where(k => k != "null"))}, read as {expected}");
                return;
            }
            if (expected == "array") Check(ElementOf(type), resolved["items"]!, at + "[]", nullable: false);
            else if (DictionaryValueOf(type) is { } value)
            {
                if (resolved["additionalProperties"] is JsonObject values) Check(value, values, at + "{}", nullable: false);
                else problems.Add($"{at}: the API does not describe a map");
            }
            else if (expected == "object") CheckProperties(type, resolved, at);
        }

        private void CheckProperties(Type type, JsonNode schema, string at)
        {
            var properties = schema["properties"]?.AsObject() ?? [];
            var constructor = type.GetConstructors().MaxBy(c => c.GetParameters().Length)!;
            foreach (var parameter in constructor.GetParameters())
            {
                var name = JsonNamingPolicy.CamelCase.ConvertName(parameter.Name!);
                if (properties[name] is not { } property)
                {
                    problems.Add($"{at}.{name}: the API does not send it");
                    continue;
                }
                var nullable = !parameter.ParameterType.IsValueType
                    ? _nullability.Create(parameter).ReadState != NullabilityState.NotNull
                    : Nullable.GetUnderlyingType(parameter.ParameterType) is not null;
                Check(parameter.ParameterType, property, $"{at}.{name}", nullable);
            }
        }

        private (JsonNode Schema, bool Nullable) Resolve(JsonNode schema)
        {
            var nullable = Kinds(schema).Contains("null");
            foreach (var combinator in new[] { "oneOf", "anyOf" })
                if (schema[combinator] is JsonArray branches)
                {
                    nullable |= branches.Any(b => Kinds(b!).Contains("null"));
                    schema = branches.First(b => !(Kinds(b!) is [ "null" ]))!;
                }
            if (schema["$ref"]?.GetValue<string>() is { } reference)
            {
                var (inner, innerNullable) = Resolve(document["components"]!["schemas"]![reference.Split('/')[^1]]!);
                return (inner, nullable || innerNullable);
            }
            return (schema, nullable);
        }

        private static List<string> Kinds(JsonNode schema)
        {
            List<string> kinds = schema["type"] switch
            {
                JsonArray many => [.. many.Select(k => k!.GetValue<string>())],
                JsonValue one => [one.GetValue<string>()],
                _ => [],
            };
            // Numbers are described as number|string because the API also reads them from strings; it writes numbers.
            if (kinds.Contains("number") || kinds.Contains("integer")) kinds.Remove("string");
            return kinds;
        }

        private static string KindOf(Type type) => type switch
        {
            _ when type == typeof(string) || type == typeof(Guid) || type == typeof(DateTime) || type == typeof(DateTimeOffset)
                || type == typeof(DateOnly) => "string",
            _ when type == typeof(int) || type == typeof(long) => "integer",
            _ when type == typeof(double) || type == typeof(float) || type == typeof(decimal) => "number",
            _ when type == typeof(bool) => "boolean",
            _ when DictionaryValueOf(type) is not null => "object",
            _ when type != typeof(string) && type.IsAssignableTo(typeof(System.Collections.IEnumerable)) => "array",
            _ => "object",
        };

        private static Type? DictionaryValueOf(Type type) =>
            type.IsGenericType && type.GetGenericTypeDefinition() is var generic
            && (generic == typeof(IReadOnlyDictionary<,>) || generic == typeof(Dictionary<,>) || generic == typeof(IDictionary<,>))
                ? type.GetGenericArguments()[1] : null;

        private static Type ElementOf(Type type) => type.IsArray ? type.GetElementType()! : type.GetGenericArguments()[0];
    }
}
