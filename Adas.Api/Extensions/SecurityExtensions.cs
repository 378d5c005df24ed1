using System.Globalization;
using System.Threading.RateLimiting;
using Adas.Api.Security;
using Adas.ServiceDefaults;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Scalar.AspNetCore;

namespace Adas.Api.Extensions;

public static class SecurityExtensions
{
    /// <summary>JWT bearer authentication, authorization, login rate limiting, token issuing and the OpenAPI scheme.</summary>
    public static void AddApiSecurity(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var jwt = builder.AddStartupOptions<JwtOptions>(JwtOptions.Section);
        var signingKey = new SigningKey(SigningKeyResolver.Resolve(builder.Configuration, builder.Environment));
        var loginLimits = builder.AddStartupOptions<LoginRateLimitOptions>(LoginRateLimitOptions.Section);
        builder.AddValidatedOptions<ApiDocsOptions>(ApiDocsOptions.Section);

        services.AddSingleton(signingKey);
        services.AddSingleton(loginLimits);
        services.AddSingleton<LoginThrottle>();
        services.AddMemoryCache();
        services.AddSingleton<AccountStatus>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<TokenService>();
        services.AddScoped<Adas.Api.Features.Auth.SessionIssuer>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            options.Events = BearerProblemEvents.Create();
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = jwt.Issuer,
                ValidAudience = jwt.Audience,
                IssuerSigningKey = signingKey.Key,
                ValidAlgorithms = [SigningKey.Algorithm],
                ValidateIssuer = true,
                ValidateAudience = true,
                ValidateLifetime = true,
                ValidateIssuerSigningKey = true,
                RequireSignedTokens = true,
                RequireExpirationTime = true,
                ValidTypes = ["JWT"],
                ClockSkew = TimeSpan.FromSeconds(jwt.ClockSkewSeconds),
                NameClaimType = AppClaims.Subject,
                RoleClaimType = AppClaims.Role,
            };
        });
        services.AddAuthorization();

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(LoginRateLimitOptions.PolicyName, context => PerAddress(context, loginLimits.AttemptsPerIp, loginLimits.WindowSeconds));
            options.AddPolicy(LoginRateLimitOptions.RefreshPolicyName, context => PerAddress(context, loginLimits.RefreshesPerIp, loginLimits.WindowSeconds));
            options.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                    ? wait : TimeSpan.FromSeconds(loginLimits.WindowSeconds);
                await WriteTooManyRequestsAsync(context.HttpContext, retryAfter, "Too many requests from this address.", ct);
            };
        });

        services.Configure<OpenApiOptions>("v1", options =>
        {
            options.AddDocumentTransformer<BearerSecuritySchemeTransformer>();
            options.AddOperationTransformer<AnonymousOperationTransformer>();
        });
    }

    private static RateLimitPartition<string> PerAddress(HttpContext context, int permits, int windowSeconds) =>
        RateLimitPartition.GetFixedWindowLimiter(ClientKey.Text(context.Connection.RemoteIpAddress),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromSeconds(windowSeconds), QueueLimit = 0 });

    /// <summary>Forwarded headers from configured proxies only, then the security headers; goes first in the pipeline.</summary>
    public static void UseApiEdge(this WebApplication app)
    {
        app.UseConfiguredForwardedHeaders(app.Configuration);
        app.UseSecurityHeaders();
    }

    /// <summary>The OpenAPI document and the docs page, anonymous, admin-only or absent (<see cref="ApiDocsOptions"/>).</summary>
    public static void MapApiDocs(this WebApplication app)
    {
        var access = app.Services.GetRequiredService<IOptions<ApiDocsOptions>>().Value.AccessIn(app.Environment);
        if (access == ApiDocsAccess.Off) return;
        var document = app.MapOpenApi();
        var page = app.MapScalarApiReference("/docs", options => options.WithTitle("ADAS fleet video analysis API"));
        if (access != ApiDocsAccess.Admin) return;
        document.RequireAuthorization(policy => policy.RequireRole(AppRoles.Admin));
        page.RequireAuthorization(policy => policy.RequireRole(AppRoles.Admin));
    }

    public static void UseApiSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
    }

    /// <summary>A 429 problem detail with Retry-After in whole seconds.</summary>
    public static async Task WriteTooManyRequestsAsync(HttpContext http, TimeSpan retryAfter, string detail, CancellationToken ct)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"{detail} Retry after {seconds} s.",
            },
        });
        _ = ct;
    }
}
