using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Adas.ServiceDefaults;

/// <summary>
/// The one way settings are bound: a configuration section into <c>IOptions&lt;T&gt;</c>, its data annotations checked
/// when the host starts (a bad value stops the service at start-up, not at the first request that reads it).
/// </summary>
public static class OptionsRegistration
{
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IHostApplicationBuilder builder, string section) where T : class =>
        builder.Services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();

    /// <summary>
    /// The same registration, and the values bound now for wiring that needs them before the container exists
    /// (authentication, HTTP clients); they are validated with the rest at start.
    /// </summary>
    public static T AddStartupOptions<T>(this IHostApplicationBuilder builder, string section) where T : class, new()
    {
        builder.AddValidatedOptions<T>(section);
        return builder.Configuration.GetSection(section).Get<T>() ?? new T();
    }
}
