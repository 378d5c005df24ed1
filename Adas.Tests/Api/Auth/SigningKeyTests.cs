using Adas.Api.Security;
using Adas.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace Adas.Tests.Api.Auth;

public sealed class SigningKeyTests
{
    [Fact]
    public void In_development_a_missing_key_is_generated_once_and_kept_owner_only_in_the_data_folder()
    {
        var dataDir = TestPaths.NewTempDirectory("jwt-key");
        var configuration = Configuration(("ADAS_DATA_DIR", dataDir));

        var first = SigningKeyResolver.Resolve(configuration, Environment(Environments.Development));
        var second = SigningKeyResolver.Resolve(configuration, Environment(Environments.Development));

        Assert.Equal(first.Key, second.Key);
        Assert.True(first.Key.Length >= 32);
        var file = Path.Combine(dataDir, SigningKeyResolver.KeyFileName);
        Assert.True(File.Exists(file));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Directory.Delete(dataDir, recursive: true);
    }

    [Fact]
    public void Outside_development_a_missing_key_stops_the_start_up_with_a_clear_message()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            SigningKeyResolver.Resolve(Configuration(), Environment(Environments.Production)));
        Assert.Contains("Jwt:SigningKey", error.Message);
    }

    [Fact]
    public void A_short_configured_key_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            SigningKeyResolver.Resolve(Configuration(("Jwt:SigningKey", "too-short")), Environment(Environments.Production)));
        Assert.Contains("32 bytes", error.Message);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    private static HostingEnvironment Environment(string name) => new() { EnvironmentName = name };
}
