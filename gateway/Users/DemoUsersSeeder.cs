using Customer360.Gateway.Auth;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Customer360.Gateway.Users;

/// <summary>
/// At start, in demo mode only: creates the demo users of <c>Auth:DemoUsers</c> that do not exist yet (hashed,
/// marked demo) and warns that users with known passwords can sign in. Outside demo mode it creates nothing and
/// warns when demo users are configured anyway. An existing user is left as an administrator may have changed it.
/// </summary>
public sealed partial class DemoUsersSeeder(UserStore store, UserPasswords passwords, IOptions<AuthOptions> options,
    ILogger<DemoUsersSeeder> logger) : IHostedService
{
    public const string CreatedBy = "demo-mode";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var demo = options.Value.DemoUsers;
        if (!options.Value.DemoMode)
        {
            if (demo.Count > 0) LogIgnored(logger, demo.Count);
            return;
        }
        var delay = TimeSpan.FromMilliseconds(500);
        while (true)
        {
            try
            {
                await SeedAsync(demo, cancellationToken);
                break;
            }
            catch (NpgsqlException ex) when (!cancellationToken.IsCancellationRequested)
            {
                // PostgreSQL may still be starting beside the gateway (./run.sh); the demo needs these users.
                LogRetry(logger, delay, ex);
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
        }
        LogDemoMode(logger, demo.Count, string.Join(", ", demo.Select(u => u.Name)));
    }

    private async Task SeedAsync(IReadOnlyList<DemoUser> demo, CancellationToken ct)
    {
        var existing = await store.ExistingAsync(demo.Select(u => u.Name), ct);
        foreach (var user in demo.Where(u => !existing.Contains(UserStore.Key(u.Name))))
        {
            var scope = UserRules.Normalize(user.Role, user.StoreId, user.ManagerId, user.Region, user.Grants, user.Stores);
            await store.InsertAsync(user.Name, passwords.Hash(user.Password), scope, demo: true, CreatedBy, ct);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "DEMO MODE (Auth:DemoMode): {Count} demo users with known passwords can sign in: {Names}. Never run a production install like this.")]
    private static partial void LogDemoMode(ILogger logger, int count, string names);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Auth:DemoUsers lists {Count} users but Auth:DemoMode is off: they are ignored, not created, and cannot sign in")]
    private static partial void LogIgnored(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not create the demo users yet; retrying in {Delay}")]
    private static partial void LogRetry(ILogger logger, TimeSpan delay, Exception ex);
}
