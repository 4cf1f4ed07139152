using Customer360.Domain.Derived;
using Customer360.Domain.Profile;
using static Customer360.Domain.Rules.RuleFacts;

namespace Customer360.Domain.Rules;

/// <summary>
/// Lifecycle stage: churned (final) on closure; declining while any decline signal holds and until
/// <see cref="RuleSettings.RecoveryQuietDays"/> pass with none; else exploring, forming or stable by tenure.
/// </summary>
/// <remarks>
/// <see cref="StageStatus.LastDeclineSignalAt"/> is when signals were last known to hold. While they hold it is
/// the latest known end of a time-bounded one (a window ageing out), so it does not move on every derivation;
/// a signal only an event can end is taken to end when the first derivation finds it gone (the grain derives
/// right after every event). The declining reason lists the signals in its "signals" argument for that.
/// </remarks>
internal static class StageRules
{
    private const string SignalsArg = "signals";

    public static bool Apply(CustomerProfile p, RuleSettings rules, DateTimeOffset now, IReadOnlyList<DeclineSignal> signals)
    {
        var previous = p.Derived.Stage;
        var next = Evaluate(p, rules, now, signals, previous);
        if (previous is not null && previous.Stage == next.Stage) next = next with { Since = previous.Since };
        if (previous is not null && previous.Stage == next.Stage && previous.Reason == next.Reason
            && previous.LastDeclineSignalAt == next.LastDeclineSignalAt)
            return false;
        p.Derived.Stage = next;
        return true;
    }

    private static StageStatus Evaluate(CustomerProfile p, RuleSettings rules, DateTimeOffset now, IReadOnlyList<DeclineSignal> signals, StageStatus? previous)
    {
        var lastSignal = previous?.LastDeclineSignalAt;
        if (p.Closure is { } closure)
            return new(LifecycleStage.Churned, Reason(closure.PortedOut ? ReasonCodes.StagePortedOut : ReasonCodes.StageChurned,
                ("on", Date(closure.At))), now, lastSignal);

        if (signals.Count > 0)
        {
            foreach (var end in signals.Select(s => s.HoldsUntil).OfType<DateTimeOffset>())
                if (lastSignal is not { } known || end > known) lastSignal = end;
            var reason = With(signals[0].Reason, SignalsArg, string.Join(',', signals.Select(s => s.Code)));
            return new(LifecycleStage.Declining, reason, now, lastSignal);
        }

        if (previous is { Stage: LifecycleStage.Declining })
        {
            var endedByEvent = Arg(previous.Reason, SignalsArg)?.Split(',').Any(DeclineSignals.EndsOnlyByEvent) ?? false;
            var quietSince = endedByEvent || lastSignal is null ? Later(lastSignal, now) : lastSignal.Value;
            var recovered = quietSince + TimeSpan.FromDays(rules.RecoveryQuietDays);
            if (now < recovered)
                return new(LifecycleStage.Declining, Reason(ReasonCodes.StageRecovering, ("until", Date(recovered))), now, quietSince);
            lastSignal = quietSince;
        }
        return Tenure(p, rules, now, lastSignal);
    }

    private static StageStatus Tenure(CustomerProfile p, RuleSettings rules, DateTimeOffset now, DateTimeOffset? lastSignal)
    {
        var joined = p.Identity!.JoinedOn;
        var today = Today(now);
        if (today < joined.AddDays(rules.ExploringDays))
            return new(LifecycleStage.Exploring, Reason(ReasonCodes.StageExploring, ("joinedOn", Date(joined)), ("days", Number(rules.ExploringDays))), now, lastSignal);
        if (today < joined.AddMonths(rules.StableMonths))
            return new(LifecycleStage.Forming, Reason(ReasonCodes.StageForming, ("joinedOn", Date(joined)), ("months", Number(rules.StableMonths))), now, lastSignal);
        return new(LifecycleStage.Stable, Reason(ReasonCodes.StageStable, ("joinedOn", Date(joined)), ("months", Number(rules.StableMonths))), now, lastSignal);
    }

    /// <summary>Tenure milestones and the end of a recovery.</summary>
    public static IEnumerable<DateTimeOffset> Moments(CustomerProfile p, RuleSettings rules)
    {
        var joined = p.Identity!.JoinedOn;
        yield return OperatorDays.StartOf(joined.AddDays(rules.ExploringDays));
        yield return OperatorDays.StartOf(joined.AddMonths(rules.StableMonths));
        if (p.Derived.Stage is { Stage: LifecycleStage.Declining, LastDeclineSignalAt: { } last })
            yield return last + TimeSpan.FromDays(rules.RecoveryQuietDays);
    }

    private static DateTimeOffset Later(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x > b ? x : b;
}
