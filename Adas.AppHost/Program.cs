using Adas.AppHost;
using Adas.AppHost.Database;
using Adas.AppHost.Redis;
using Adas.AppHost.Services;
using Adas.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection;

var builder = DistributedApplication.CreateBuilder(args);
AdasSettings settings;
try
{
    AdasSettings.RequireProductionSecrets(builder.Configuration, builder.Environment.EnvironmentName);
    settings = AdasSettings.From(builder.Configuration, builder.AppHostDirectory);
}
catch (InvalidOperationException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 1;
}
DataFolder.EnsureOwnerOnly(settings.DataDirectory);

var redis = builder.AddAdasRedis(settings);
var database = builder.AddAdasDatabase(settings);

var migrations = builder.AddProject<Projects.Adas_MigrationService>(ResourceNames.Migrations)
    .WithAdasEnvironment(settings, database);

var api = builder.AddProject<Projects.Adas_Api>(ResourceNames.Api, launchProfileName: null)
    .WithHttpEndpoint(port: settings.ApiPort, isProxied: false)
    .WithAdasEnvironment(settings, database)
    .AfterMigrations(migrations, redis);

builder.AddProject<Projects.Adas_Worker>(ResourceNames.Worker, launchProfileName: null)
    .WithHttpEndpoint()
    .WithReplicas(settings.WorkerReplicas)
    .WithAdasEnvironment(settings, database)
    .AfterMigrations(migrations, redis);

if (settings.WebEnabled)
{
    api.TrustingWebHostAsProxy();
    builder.AddProject<Projects.Adas_Web>(ResourceNames.Web, launchProfileName: null)
        .WithHttpEndpoint(port: settings.WebPort, isProxied: false)
        .WithWebEnvironment(settings)
        .WithReference(api)
        .WaitFor(api)
        .WithHttpHealthCheck("/health");
}

builder.Services.AddHostedService<ResourceStateReporter>();
builder.AddGracefulStop();

return await builder.Build().RunUntilStoppedAsync();
