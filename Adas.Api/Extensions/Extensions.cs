using System.Text.Json;
using Adas.Api.Features.Drivers.Score;
using Adas.Api.Features.Jobs;
using Adas.Api.Features.Jobs.Create;
using Adas.Api.Features.Jobs.Live;
using Adas.Api.Queue;
using Adas.Data;
using Adas.Data.Queue;
using Adas.ServiceDefaults;
using FastEndpoints;

namespace Adas.Api.Extensions;

public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<QueueUnavailableExceptionHandler>();
        builder.Services.AddAdasData(builder.Configuration);
        builder.AddAdasRedis();
        builder.AddValidatedOptions<UploadOptions>(UploadOptions.Section);
        builder.Services.AddScoped<VideoStore>();
        builder.Services.AddScoped<UploadQuota>();
        builder.Services.AddScoped<JobVisibility>();
        builder.Services.AddScoped<LiveAlertMessages>();
        builder.Services.AddScoped<LiveReviewMessages>();
        builder.Services.AddScoped<Features.Events.EventReviewer>();
        builder.Services.AddScoped<Features.Quality.QualityReport>();
        builder.Services.AddSingleton<FinishedJobCache>();
        builder.AddValidatedOptions<LiveOptions>(LiveOptions.Section);
        builder.AddValidatedOptions<ScoringOptions>(ScoringOptions.Section);
        builder.Services.AddSingleton<LiveSessionGuard>();
        builder.Services.AddFastEndpoints();
        builder.Services.AddOpenApi();
        builder.AddApiConventions();
        builder.AddApiSecurity();
    }

    public static void UseApplicationPipeline(this WebApplication app)
    {
        app.UseApiEdge();
        app.UseExceptionHandler();
        app.UseApiSecurity();
        app.UseStatusCodePages();
        app.UseWebSockets();
        app.MapJobLiveUpdates();
        app.UseFastEndpoints(config =>
        {
            config.ApplyApiConventions();
            config.Endpoints.RoutePrefix = "api";
            config.Errors.UseProblemDetails();
            config.Serializer.Options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        });
        app.MapApiDocs();
    }
}
