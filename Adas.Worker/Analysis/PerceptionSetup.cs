using Adas.Perception;

namespace Adas.Worker.Analysis;

public static class PerceptionSetup
{
    public const string AssetsDirKey = "ADAS_ASSETS_DIR";

    /// <summary>The models folder: ADAS_ASSETS_DIR/models, else the repository's fetched .assets/models.</summary>
    public static string ModelsDirectory(IConfiguration? configuration = null)
    {
        var assets = configuration?[AssetsDirKey] ?? Environment.GetEnvironmentVariable(AssetsDirKey);
        if (assets is { Length: > 0 }) return Path.Combine(assets, "models");
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ".assets", "models");
            if (Directory.Exists(candidate)) return candidate;
        }
        return Path.Combine(Directory.GetCurrentDirectory(), ".assets", "models");
    }

    public static PerceptionModels DefaultModels(IConfiguration? configuration = null) =>
        PerceptionModels.FromDirectory(ModelsDirectory(configuration));
}
