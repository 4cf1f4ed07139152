using Customer360.Contracts.Hosting;
using Customer360.Gateway.Audit;
using Customer360.Gateway.Auth;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Customer360.Gateway.Users;

/// <summary>
/// <c>Customer360.Gateway create-admin --user NAME [--password-stdin]</c>: makes an administrator, the first one
/// of a production install. The password is read from standard input (one line; typed without echo at a
/// terminal), never from the command line, where other users of the machine could see it. Uses the gateway's
/// configuration (appsettings.json, appsettings.{Environment}.json, environment, further <c>--Key=value</c>
/// arguments) for the connection string. Exit codes: 0 made, 1 refused or failed, 2 bad usage.
/// </summary>
public static class CreateAdminCommand
{
    public const string Name = "create-admin";
    public const string CreatedBy = "create-admin (command)";
    private const string Usage = "usage: Customer360.Gateway create-admin --user NAME [--password-stdin] [--ConnectionStrings:Customer360=...]";

    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        string? user = null;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--user" or "-u" && i + 1 < args.Length) user = args[++i];
            else if (args[i].StartsWith("--user=", StringComparison.Ordinal)) user = args[i]["--user=".Length..];
            else if (args[i] != "--password-stdin") rest.Add(args[i]);
        }
        if (user is null)
        {
            await stderr.WriteLineAsync($"create-admin: --user NAME is required\n{Usage}");
            return 2;
        }
        var problems = new Dictionary<string, string[]>();
        UserRules.CheckName(user, problems);
        if (problems.Count > 0)
        {
            await stderr.WriteLineAsync($"create-admin: {problems["userName"][0].Replace("userName", "--user", StringComparison.Ordinal)}");
            return 1;
        }

        var password = ReadPassword(stdin, stdout);
        UserRules.CheckPassword(password, problems);
        if (problems.Count > 0)
        {
            await stderr.WriteLineAsync($"create-admin: refused: {problems["password"][0]} (read from standard input)");
            return 1;
        }

        var config = Configuration(rest.ToArray());
        var auth = config.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        if (auth.PasswordHashIterations < AuthOptions.MinPasswordHashIterations)
        {
            await stderr.WriteLineAsync($"create-admin: Auth:PasswordHashIterations must be at least {AuthOptions.MinPasswordHashIterations:N0}");
            return 1;
        }
        string connectionString;
        try
        {
            connectionString = ConnectionStrings.Customer360(config);
        }
        catch (InvalidOperationException ex)
        {
            await stderr.WriteLineAsync($"create-admin: {ex.Message}");
            return 1;
        }

        try
        {
            await using var db = NpgsqlDataSource.Create(connectionString);
            var store = new UserStore(db);
            var scope = new UserScope(Roles.Admin, null, null, null, [], []);
            var hash = new UserPasswords(Options.Create(auth)).Hash(password!);
            if (!await store.InsertAsync(user, hash, scope, demo: false, CreatedBy, CancellationToken.None))
            {
                await stderr.WriteLineAsync($"create-admin: a user named '{user}' exists already (names ignore case); nothing changed");
                return 1;
            }
            await new AuditStore(db).InsertAsync(
                [new AuditEntry(DateTimeOffset.UtcNow, CreatedBy, Roles.Admin, "", "user created", $"user {user}: role=admin", AuditKinds.User)], CancellationToken.None);
            await stdout.WriteLineAsync($"create-admin: administrator '{user}' created");
            return 0;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            await stderr.WriteLineAsync("create-admin: the table c360_users does not exist; apply the schema first (Customer360.Silo migrate)");
            return 1;
        }
        catch (Exception ex) when (ex is NpgsqlException or ArgumentException)
        {
            await stderr.WriteLineAsync($"create-admin: cannot reach the database: {ex.Message}");
            return 1;
        }
    }

    private static IConfiguration Configuration(string[] args)
    {
        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Production";
        return new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();
    }

    // One line from standard input. At a terminal, prompted and read without echo.
    private static string? ReadPassword(TextReader stdin, TextWriter stdout)
    {
        if (!ReferenceEquals(stdin, Console.In) || Console.IsInputRedirected) return stdin.ReadLine();
        stdout.Write("Password for the new administrator: ");
        var typed = new System.Text.StringBuilder();
        while (Console.ReadKey(intercept: true) is var key && key.Key != ConsoleKey.Enter)
        {
            if (key.Key == ConsoleKey.Backspace) { if (typed.Length > 0) typed.Length--; }
            else if (!char.IsControl(key.KeyChar)) typed.Append(key.KeyChar);
        }
        stdout.WriteLine();
        return typed.ToString();
    }
}
