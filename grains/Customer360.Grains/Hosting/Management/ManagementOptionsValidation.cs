using Microsoft.Extensions.Options;

namespace Customer360.Grains.Hosting.Management;

/// <summary>Refuses the silo's start on bad <c>Management</c> settings, naming the setting and the bad value.</summary>
public sealed class ManagementOptionsValidation : IValidateOptions<ManagementOptions>
{
    public ValidateOptionsResult Validate(string? name, ManagementOptions options) =>
        options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
