using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Customer360.Gateway.Access;

/// <summary>The access wiring: <see cref="AccessOptions"/> validated at start, the walk-in rate limit, audited policy refusals.</summary>
public static class AccessHostingExtensions
{
    /// <summary>
    /// Reads section <c>Access</c> (walk-in scope and rate), registers the walk-in rate limit policy and the audit of
    /// the refusals authorization policies make.
    /// </summary>
    public static WebApplicationBuilder AddCustomer360Access(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AccessOptions>().BindConfiguration(AccessOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AccessOptions>, AccessOptionsValidation>();
        builder.Services.AddRateLimiter(o => o.AddPolicy<string, WalkInRateLimit>(WalkInRateLimit.Policy));
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuditedAuthorizationResults>();
        return builder;
    }

    private sealed class AccessOptionsValidation : IValidateOptions<AccessOptions>
    {
        public ValidateOptionsResult Validate(string? name, AccessOptions options) =>
            options.Validate().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
