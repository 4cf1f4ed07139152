using Microsoft.Extensions.Options;

namespace Customer360.Gateway.Hosting;

/// <summary>Refuses the gateway's start on bad <c>Management</c> settings, naming the setting and the bad value.</summary>
public sealed class ManagementListenerOptionsValidation : IValidateOptions<ManagementListenerOptions>
{
    public ValidateOptionsResult Validate(string? name, ManagementListenerOptions options) =>
        options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
