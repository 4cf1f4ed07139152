using System.Diagnostics.Metrics;
using Customer360.Contracts.Hosting.Telemetry;
using Customer360.Grains.Rules;

namespace Customer360.Grains.Hosting.Telemetry;

/// <summary>
/// The profiles' instruments (meter <c>Customer360.Profiles</c>): <c>c360.profiles.active</c>, customer grains
/// active on this silo, and <c>c360.rules.reevaluations</c>, derivations of a profile's tier, stage, tags, alerts and
/// actions by <c>trigger</c>: <c>event</c> (a batch changed it), <c>activation</c>, <c>settings</c> (a rules change)
/// or <c>reminder</c> (a time-driven rule fell due).
/// </summary>
public sealed class ProfileMetrics
{
    public static readonly KeyValuePair<string, object?>[] ByEvent = [new("trigger", "event")];
    public static readonly KeyValuePair<string, object?>[] ByActivation = [new("trigger", "activation")];
    public static readonly KeyValuePair<string, object?>[] BySettings = [new("trigger", "settings")];
    public static readonly KeyValuePair<string, object?>[] ByReminder = [new("trigger", "reminder")];

    private readonly Counter<long> _reevaluations;

    public ProfileMetrics(IMeterFactory meters, ActiveCustomers active)
    {
        var meter = meters.Create($"{TelemetryNames.Prefix}.Profiles");
        meter.CreateObservableGauge("c360.profiles.active", () => active.Count, "{profile}", "Customer profiles active (in memory) on this silo");
        _reevaluations = meter.CreateCounter<long>("c360.rules.reevaluations", "{derivation}", "Derivations of profiles by the rules, by trigger");
    }

    /// <summary>One derivation, with one of the trigger tags above.</summary>
    public void Reevaluated(KeyValuePair<string, object?>[] trigger) => _reevaluations.Add(1, trigger);
}
