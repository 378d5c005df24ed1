using Adas.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Adas.Data.Security;

/// <summary>
/// The one password hasher: ASP.NET Core Identity's v3 format (PBKDF2-HMAC-SHA512, 128-bit salt) at the iteration
/// count OWASP's Password Storage Cheat Sheet recommends for PBKDF2-HMAC-SHA512. Hashes made with fewer iterations
/// still verify and report <see cref="PasswordVerificationResult.SuccessRehashNeeded"/>, so they are upgraded at the next login.
/// </summary>
public static class Passwords
{
    public const int Pbkdf2Iterations = 210_000;

    private static readonly PasswordHasher<User> Hasher = new(Options.Create(new PasswordHasherOptions
    {
        CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
        IterationCount = Pbkdf2Iterations,
    }));

    private static readonly User Nobody = new() { Email = "", DisplayName = "" };
    private static readonly string DummyHash = Hasher.HashPassword(Nobody, "not-a-password");

    public static string Hash(User user, string password) => Hasher.HashPassword(user, password);

    /// <summary>
    /// Verifies the password; an unknown user or an empty stored hash never verifies, but costs the same time as a
    /// real check so response times do not tell which accounts exist.
    /// </summary>
    public static PasswordVerificationResult Verify(User? user, string password)
    {
        if (user is null || string.IsNullOrEmpty(user.PasswordHash))
        {
            Hasher.VerifyHashedPassword(Nobody, DummyHash, password);
            return PasswordVerificationResult.Failed;
        }
        return Hasher.VerifyHashedPassword(user, user.PasswordHash, password);
    }
}
