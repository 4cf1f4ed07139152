using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace Customer360.Domain.Derived;

/// <summary>
/// One shared copy of each reason the rules give alike to many customers — the same plan's allowance, the same
/// month, the same joining date or birthday — instead of one per profile: a silo keeps a million profiles in
/// memory, each holding five or so reasons (a record, its arguments and their array, about 110 bytes each).
/// Reasons and their arguments are immutable, so sharing is safe. Bounded, like <see cref="SharedStrings"/>: past
/// <see cref="MaxEntries"/> reasons a new one is simply not shared; reasons are never removed. Reasons that quote
/// what a person wrote or a case reference (<see cref="Personal"/>) are never pooled, so an erased customer's
/// words do not outlive their profile.
/// </summary>
public static class SharedReasons
{
    public const int MaxEntries = 200_000;

    /// <summary>Codes whose arguments quote free text or case references: kept per profile, never pooled.</summary>
    public static readonly FrozenSet<string> Personal = FrozenSet.Create(StringComparer.Ordinal,
        ReasonCodes.AlertResolvedByStaff, ReasonCodes.AlertComplaint, ReasonCodes.AlertComplaintOverdue, ReasonCodes.DeclineComplaintOpen);

    private static readonly ConcurrentDictionary<Reason, Reason> Pool = new();
    private static int _count;

    /// <summary>The shared copy of <paramref name="reason"/>, or <paramref name="reason"/> itself when it is not shared.</summary>
    public static Reason Of(Reason reason)
    {
        if (Personal.Contains(reason.Code)) return reason;
        if (Pool.TryGetValue(reason, out var shared)) return shared;
        if (Volatile.Read(ref _count) >= MaxEntries) return reason;
        if (Pool.TryAdd(reason, reason))
        {
            Interlocked.Increment(ref _count);
            return reason;
        }
        return Pool.TryGetValue(reason, out shared) ? shared : reason;
    }

    /// <summary>
    /// Puts the shared copies in place of the reasons of a profile read from its snapshot (JSON makes one copy of
    /// each); the rules only replace a reason when it changes, so without this a reloaded profile would keep its own.
    /// </summary>
    public static void ShareIn(DerivedProfile derived)
    {
        if (derived.Tier is { } tier && Of(tier.Reason) is var tierReason && !ReferenceEquals(tierReason, tier.Reason))
            derived.Tier = tier with { Reason = tierReason };
        if (derived.Stage is { } stage && Of(stage.Reason) is var stageReason && !ReferenceEquals(stageReason, stage.Reason))
            derived.Stage = stage with { Reason = stageReason };
        var history = derived.TierHistory;
        for (var i = 0; i < history.Count; i++)
            if (Of(history[i].Reason) is var r && !ReferenceEquals(r, history[i].Reason)) history[i] = history[i] with { Reason = r };
        var tags = derived.Tags;
        for (var i = 0; i < tags.Count; i++)
            if (tags[i].Reason is { } reason && Of(reason) is var r && !ReferenceEquals(r, reason)) tags[i] = tags[i] with { Reason = r };
        var actions = derived.Actions;
        for (var i = 0; i < actions.Count; i++)
            if (Of(actions[i].Reason) is var r && !ReferenceEquals(r, actions[i].Reason)) actions[i] = actions[i] with { Reason = r };
        foreach (var alert in derived.Alerts)
        {
            alert.Reason = Of(alert.Reason);
            if (alert.Resolution is { } resolution) alert.Resolution = Of(resolution);
        }
    }
}
