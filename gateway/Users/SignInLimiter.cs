using System.Globalization;
using System.Threading.RateLimiting;
using Customer360.Gateway.Auth;
using Microsoft.Extensions.Options;

namespace Customer360.Gateway.Users;

/// <summary>
/// Rate limits of sign-in, with the rate limiter ASP.NET Core's middleware uses (System.Threading.RateLimiting),
/// in fixed windows: one partition per client address, and one per user name (lower-cased) from any address,
/// so a slow spray over many addresses still meets the per-name limit. Applied inside the endpoint rather than
/// by the middleware, because the user name is in the body.
/// </summary>
public sealed class SignInLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perAddress;
    private readonly PartitionedRateLimiter<string> _perUser;

    public SignInLimiter(IOptions<SignInOptions> options)
    {
        var o = options.Value;
        _perAddress = Fixed(o.PerAddressPermits, o.Window);
        _perUser = Fixed(o.PerUserPermits, o.Window);
    }

    /// <summary>Null when the address may try now, else how many seconds until it may.</summary>
    public int? AddressRetryAfter(string address) => Acquire(_perAddress, address);

    /// <summary>Null when the user name may be tried now, else how many seconds until it may.</summary>
    public int? UserRetryAfter(string userName) => Acquire(_perUser, UserStore.Key(userName));

    private static int? Acquire(PartitionedRateLimiter<string> limiter, string key)
    {
        using var lease = limiter.AttemptAcquire(key);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 1;
    }

    private static PartitionedRateLimiter<string> Fixed(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    public static string RetryAfterHeader(int seconds) => seconds.ToString(CultureInfo.InvariantCulture);

    public void Dispose()
    {
        _perAddress.Dispose();
        _perUser.Dispose();
    }
}
