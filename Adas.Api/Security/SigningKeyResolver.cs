using System.Security.Cryptography;
using System.Text;
using Adas.Data;
using Microsoft.IdentityModel.Tokens;

namespace Adas.Api.Security;

/// <summary>
/// The HS256 key: "Jwt:SigningKey" from configuration (at least 32 bytes); in Development, when absent, a random key
/// generated once and kept owner-only in the data folder; elsewhere a missing key stops the start-up.
/// </summary>
public static class SigningKeyResolver
{
    public const string KeyFileName = "jwt-signing-key.txt";
    private const int MinimumKeyBytes = 32;

    public static SymmetricSecurityKey Resolve(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[JwtOptions.SigningKeyKey];
        if (string.IsNullOrWhiteSpace(configured))
        {
            if (!environment.IsDevelopment())
                throw new InvalidOperationException(
                    $"{JwtOptions.SigningKeyKey} is not set. Set Jwt__SigningKey (a random secret of at least {MinimumKeyBytes} bytes) to start the API outside Development.");
            configured = ReadOrCreateDevelopmentKey(DataPaths.From(configuration));
        }

        var bytes = Encoding.UTF8.GetBytes(configured.Trim());
        if (bytes.Length < MinimumKeyBytes)
            throw new InvalidOperationException($"{JwtOptions.SigningKeyKey} must be at least {MinimumKeyBytes} bytes long.");
        return new SymmetricSecurityKey(bytes) { KeyId = Convert.ToHexString(SHA256.HashData(bytes))[..16] };
    }

    private static string ReadOrCreateDevelopmentKey(DataPaths paths)
    {
        var file = Path.Combine(paths.Root, KeyFileName);
        if (File.Exists(file)) return File.ReadAllText(file).Trim();

        Directory.CreateDirectory(paths.Root);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using var writer = new StreamWriter(file, Encoding.UTF8, options);
            writer.Write(key);
        }
        catch (IOException) when (File.Exists(file))
        {
            return File.ReadAllText(file).Trim(); // another process created it first
        }
        return key;
    }
}
