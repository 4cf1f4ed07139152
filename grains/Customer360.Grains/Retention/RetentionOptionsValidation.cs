using Microsoft.Extensions.Options;

namespace Customer360.Grains.Retention;

/// <summary>Refuses retention settings that make no sense, naming the setting.</summary>
public sealed class RetentionOptionsValidation : IValidateOptions<RetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, RetentionOptions o)
    {
        var failures = new List<string>();
        if (o.Interval < TimeSpan.FromMinutes(1) || o.Interval > TimeSpan.FromDays(49))
            failures.Add("Retention:Interval must be from 00:01:00 to 49.00:00:00 (Orleans' reminder periods)");
        if (o.FirstRunDelay < TimeSpan.FromSeconds(1) || o.FirstRunDelay > TimeSpan.FromDays(1))
            failures.Add("Retention:FirstRunDelay must be from 00:00:01 to 1.00:00:00");
        if (o.JournalMonths is < 1 or > 1200) failures.Add("Retention:JournalMonths must be from 1 to 1200 months");
        if (o.PartitionsAhead is < 1 or > 12) failures.Add("Retention:PartitionsAhead must be from 1 to 12 months");
        if (o.SnapshotsPerRun is < 0 or > 1_000_000) failures.Add("Retention:SnapshotsPerRun must be from 0 to 1000000");
        if (o.TierChangesDays is < 30 or > 36_500) failures.Add("Retention:TierChangesDays must be from 30 to 36500 days");
        if (o.ClosedAccountRowsDays is < 30 or > 36_500) failures.Add("Retention:ClosedAccountRowsDays must be from 30 to 36500 days");
        if (o.ErasureAfterClosureDays is < 30 or > 36_500) failures.Add("Retention:ErasureAfterClosureDays must be from 30 to 36500 days");
        if (o.BatchSize is < 1 or > 100_000) failures.Add("Retention:BatchSize must be from 1 to 100000");
        if (o.AuditRetentionDays is < 30 or > 36_500) failures.Add("Audit:RetentionDays must be from 30 to 36500 days");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
