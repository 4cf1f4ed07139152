using System.Diagnostics;
using System.Reflection;
using Customer360.Testing;

namespace Customer360.EndToEnd.Tests;

/// <summary>
/// <c>dotnet Customer360.Gateway.dll create-admin --user NAME</c>, the built gateway run as an operator runs it,
/// password on standard input: the first administrator of an install, with weak passwords and repeats refused.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class CreateAdminCommandTests(SystemFixture system)
{
    private async Task<(int Code, string Out, string Error)> RunAsync(string stdin, params string[] args)
    {
        var gateway = GatewayAssembly();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(gateway)!,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(gateway);
        start.ArgumentList.Add("create-admin");
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ConnectionStrings__Customer360"] = system.Db.ConnectionString;
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteLineAsync(stdin);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task create_admin_makes_an_administrator_who_signs_in_and_refuses_weak_passwords_and_repeats()
    {
        var name = UserAdmin.NewName("first-admin");
        var weak = await RunAsync("demo123", "--user", name);
        Assert.Equal(1, weak.Code);
        Assert.Contains("password must be 12 to 256 characters", weak.Error);
        Assert.Equal(0, await system.Db.ScalarAsync<long>($"select count(*) from c360_users where name_key = '{name}'"));

        var made = await RunAsync(UserAdmin.Password, "--user", name, "--password-stdin");
        Assert.True(made.Code == 0, made.Error);
        Assert.Contains($"administrator '{name}' created", made.Out);
        var token = await UserAdmin.TokenAsync(system.Gateway, name);
        Assert.Equal("admin", UserAdmin.Payload(token).GetProperty(System.Security.Claims.ClaimTypes.Role).GetString());
        Assert.Equal(1, await system.Db.ScalarAsync<long>(
            $"select count(*) from c360_audit where through = 'user created' and detail = 'user {name}: role=admin' and user_name = 'create-admin (command)'"));

        var again = await RunAsync(UserAdmin.Password, "--user", name.ToUpperInvariant());
        Assert.Equal(1, again.Code);
        Assert.Contains("exists already", again.Error);

        var usage = await RunAsync(UserAdmin.Password);
        Assert.Equal(2, usage.Code);
        Assert.Contains("--user NAME is required", usage.Error);
    }

    [Fact]
    public async Task create_admin_without_a_reachable_database_fails_with_a_clear_message()
    {
        var result = await RunAsync(UserAdmin.Password, "--user", "lonely-admin",
            $"--ConnectionStrings:Customer360=Host=127.0.0.1;Port={FreePort.Next()};Username=nobody;Database=none;Timeout=3");
        Assert.Equal(1, result.Code);
        Assert.Contains("cannot reach the database", result.Error);
    }

    /// <summary>The gateway as built in its own folder (gateway/bin/&lt;configuration&gt;/net*/), with its runtime config.</summary>
    private static string GatewayAssembly()
    {
        var configuration = typeof(CreateAdminCommandTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var bin = new DirectoryInfo(Path.Combine(RepoRoot.Path, "gateway", "bin", configuration));
        return (bin.Exists ? bin.GetFiles("Customer360.Gateway.dll", SearchOption.AllDirectories).OrderByDescending(f => f.LastWriteTimeUtc).FirstOrDefault() : null)
            ?.FullName ?? throw new FileNotFoundException($"Customer360.Gateway.dll not found under {bin.FullName}; build the solution with -c {configuration}");
    }
}
