using System.Diagnostics;
using System.Text.RegularExpressions;
using Adas.Data;
using Adas.Data.Seeding;
using Adas.ServiceDefaults;
using Adas.Tests.Infrastructure;

namespace Adas.Tests.Api.Auth;

/// <summary>
/// The migration service generates the first admin's password into the data folder (Development, no password given).
/// The file must be owner-only from the moment it exists: created with mode 0600, never created wider and chmod'ed
/// after. The real service runs under strace, which records the mode the file was opened with.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed partial class AdminPasswordFileTests : IDisposable
{
    private readonly string _dir = TestPaths.NewTempDirectory("adas-adminpw");

    [Fact]
    public async Task The_generated_admin_password_file_is_created_owner_only()
    {
        var file = Path.Combine(_dir, AdminSeeder.PasswordFileName);
        var trace = Path.Combine(_dir, "strace.txt");
        var service = Path.Combine(TestPaths.RepositoryRoot, "Adas.MigrationService", "bin", TestPaths.BuildConfiguration, "net10.0",
            "Adas.MigrationService.dll");
        var start = new ProcessStartInfo("strace")
        {
            ArgumentList = { "-ff", "--seccomp-bpf", "-e", "trace=open,openat,creat,chmod,fchmod,fchmodat,close", "-o", trace, "dotnet", service },
            WorkingDirectory = _dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment[EnvironmentVariables.DataDir] = _dir;
        start.Environment[EnvironmentVariables.DbProvider] = "Sqlite";
        start.Environment["ConnectionStrings__adasdb"] = $"Data Source={Path.Combine(_dir, "adas.db")}";
        start.Environment.Remove(EnvironmentVariables.AdminPassword);
        start.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");

        using var process = Process.Start(start) ?? throw new InvalidOperationException("strace could not be started (apt-get install strace).");
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"migration service exit {process.ExitCode}: {await output} {await errors}");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        // -ff: one trace per thread, so no call is split by another thread's.
        var threads = Directory.GetFiles(_dir, "strace.txt.*").Select(File.ReadAllLines).ToList();
        Assert.DoesNotContain(threads.SelectMany(t => t), line => line.Contains("chmod") && line.Contains(file));
        var (calls, at) = Assert.Single(threads.SelectMany(t => t.Select((line, i) => (t, i))),
            c => OpenCall().Match(c.t[c.i]) is { Success: true } m && m.Groups["path"].Value == file);
        var opened = OpenCall().Match(calls[at]);
        Assert.Contains("O_CREAT", opened.Groups["flags"].Value);
        Assert.Contains("O_EXCL", opened.Groups["flags"].Value);
        Assert.Equal("0600", opened.Groups["mode"].Value);
        var fd = opened.Groups["fd"].Value;
        var whileOpen = calls.Skip(at + 1).TakeWhile(line => !line.StartsWith($"close({fd})", StringComparison.Ordinal));
        Assert.DoesNotContain(whileOpen, line => line.StartsWith($"fchmod({fd},", StringComparison.Ordinal));
    }

    [GeneratedRegex("""open(at)?\((AT_FDCWD, )?"(?<path>[^"]+)", (?<flags>[A-Z_|]+), (?<mode>0[0-7]+)\) = (?<fd>\d+)""")]
    private static partial Regex OpenCall();

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
