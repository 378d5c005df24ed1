using System.Security.Cryptography;
using Adas.Data.Entities;
using Adas.Data.Security;
using Adas.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Adas.Data.Seeding;

/// <summary>Creates the first admin account when none exists.</summary>
public sealed class AdminSeeder(AdasDbContext db, IConfiguration configuration, IHostEnvironment environment,
    DataPaths paths, ILogger<AdminSeeder> logger)
{
    public const string DefaultEmail = "admin@adas.local";
    public const string PasswordFileName = "admin-password.txt";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Users.AnyAsync(u => u.Role == UserRole.Admin, cancellationToken))
        {
            logger.LogInformation("An admin account exists; nothing to seed");
            return;
        }

        var email = configuration[EnvironmentVariables.AdminEmail] is { Length: > 0 } configured ? configured.Trim().ToLowerInvariant() : DefaultEmail;
        var password = configuration[EnvironmentVariables.AdminPassword] is { Length: > 0 } given ? given : ReadOrCreateDevelopmentPassword();
        var admin = new User { Email = email, DisplayName = "Administrator", Role = UserRole.Admin };
        admin.PasswordHash = Passwords.Hash(admin, password);
        db.Users.Add(admin);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Seeded admin account {Email}", email);
    }

    private string ReadOrCreateDevelopmentPassword()
    {
        if (!environment.IsDevelopment())
            throw new InvalidOperationException(
                $"No admin account exists and {EnvironmentVariables.AdminPassword} is not set; set {EnvironmentVariables.AdminEmail} and {EnvironmentVariables.AdminPassword} to create the first admin.");

        var file = Path.Combine(paths.Root, PasswordFileName);
        if (File.Exists(file)) return File.ReadAllText(file).Trim();

        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('/', '_').Replace('+', '-');
        Directory.CreateDirectory(paths.Root);
        WriteOwnerOnly(file, password);
        Console.WriteLine($"Generated the first admin password (kept in {file}): {password}");
        return password;
    }

    /// <summary>Creates the file readable by its owner only from the first byte (no moment with the umask's permissions).</summary>
    public static void WriteOwnerOnly(string file, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var writer = new StreamWriter(new FileStream(file, options));
        writer.Write(text);
    }
}
