using Adas.Perception.Driver;
using Adas.Perception.Road;
using Adas.ServiceDefaults;
using Adas.Worker.Analysis;
using Adas.Worker.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Adas.Tests.Worker;

/// <summary>The worker's settings as a deployment sets them: bound from configuration, refused at start when invalid.</summary>
public sealed class WorkerSettingsTests
{
    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddPerception();
        builder.AddValidatedOptions<JobOptions>(JobOptions.Section);
        return builder.Build();
    }

    [Fact]
    public void The_perception_pipelines_settings_are_read_from_configuration()
    {
        using var host = Build(new()
        {
            [$"{PerceptionSetup.RoadSection}:DetectionsPerSecond"] = "10",
            [$"{PerceptionSetup.RoadSection}:Camera:HorizontalFovDegrees"] = "90",
            [$"{PerceptionSetup.DriverSection}:LandmarkRunsPerSecond"] = "6",
            [$"{PerceptionSetup.DriverSection}:EyeRegionModels"] = "false",
        });

        var road = host.Services.GetRequiredService<IOptions<RoadOptions>>().Value;
        var driver = host.Services.GetRequiredService<IOptions<DriverOptions>>().Value;
        Assert.Equal(10, road.DetectionsPerSecond);
        Assert.Equal(90, road.Camera.HorizontalFovDegrees);
        Assert.Equal(new RoadOptions().Camera.MountingHeightMeters, road.Camera.MountingHeightMeters);
        Assert.Equal(6, driver.LandmarkRunsPerSecond);
        Assert.False(driver.EyeRegionModels);
        Assert.NotNull(host.Services.GetRequiredService<AnalyzerFactory>());
    }

    [Fact]
    public async Task An_impossible_job_setting_stops_the_worker_at_start()
    {
        using var host = Build(new() { [$"{JobOptions.Section}:MaxAttempts"] = "0" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));
        Assert.Contains("MaxAttempts", error.Message);
    }
}
