using Adas.Perception;
using Adas.Perception.Driver;
using Adas.Perception.Road;
using Adas.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace Adas.Worker.Analysis;

public static class PerceptionSetup
{
    public const string RoadSection = "Perception:Road";
    public const string DriverSection = "Perception:Driver";

    /// <summary>The pipelines' settings from configuration (every default usable as is) and the factory that uses them.</summary>
    public static void AddPerception(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<RoadOptions>(RoadSection);
        builder.AddValidatedOptions<DriverOptions>(DriverSection);
        var models = DefaultModels(builder.Configuration);
        builder.Services.AddSingleton(services => new AnalyzerFactory(models,
            services.GetRequiredService<IOptions<RoadOptions>>().Value, services.GetRequiredService<IOptions<DriverOptions>>().Value));
    }

    /// <summary>The models folder: <see cref="EnvironmentVariables.AssetsDir"/>/models, else the repository's fetched .assets/models.</summary>
    public static string ModelsDirectory(IConfiguration? configuration = null)
    {
        var assets = configuration?[EnvironmentVariables.AssetsDir] ?? Environment.GetEnvironmentVariable(EnvironmentVariables.AssetsDir);
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
