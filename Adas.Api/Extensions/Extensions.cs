using Adas.Data;
using FastEndpoints;
using Scalar.AspNetCore;

namespace Adas.Api.Extensions;

public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddAdasData(builder.Configuration);
        builder.Services.AddFastEndpoints();
        builder.Services.AddOpenApi();
        builder.AddApiConventions();
        builder.AddApiSecurity();
    }

    public static void UseApplicationPipeline(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseApiSecurity();
        app.UseStatusCodePages();
        app.UseFastEndpoints(config =>
        {
            config.ApplyApiConventions();
            config.Endpoints.RoutePrefix = "api";
            config.Errors.UseProblemDetails();
            config.Serializer.Options.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase;
        });
        app.MapOpenApi();
        app.MapScalarApiReference("/docs", options => options.WithTitle("ADAS fleet video analysis API"));
    }
}
