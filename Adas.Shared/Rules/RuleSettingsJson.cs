using System.Text.Json;

namespace Adas.Shared.Rules;

/// <summary>How a version of the settings is stored (camelCase JSON); a property missing in an older row reads as its default.</summary>
public static class RuleSettingsJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Serialize(RuleSettings settings) => JsonSerializer.Serialize(settings, Options);

    public static RuleSettings Deserialize(string json) => JsonSerializer.Deserialize<RuleSettings>(json, Options) ?? RuleSettings.Defaults;
}
