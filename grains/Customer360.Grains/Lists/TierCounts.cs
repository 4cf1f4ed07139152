using System.Text.Json;
using Customer360.Domain.Derived;
using Customer360.Domain.Views;

namespace Customer360.Grains.Lists;

/// <summary>The counts of a tier board. Not thread-safe: held by one grain.</summary>
public sealed class TierCounts
{
    private Dictionary<Tier, long> _tiers = [];
    private Dictionary<LifecycleStage, long> _stages = [];
    private long _base;
    private long _retained;
    private long _churnRisk;

    public void Add(TierBoardFacts facts, long sign)
    {
        if (facts.Tier is { } tier) _tiers[tier] = _tiers.GetValueOrDefault(tier) + sign;
        if (facts.Stage is { } stage) _stages[stage] = _stages.GetValueOrDefault(stage) + sign;
        if (facts.InMidHighBase) _base += sign;
        if (facts.Retained) _retained += sign;
        if (facts.ChurnRisk) _churnRisk += sign;
    }

    /// <summary>Replaces the counts with a recount from the read model; true when anything differed.</summary>
    public bool Replace(IEnumerable<(string? Tier, string? Stage, bool InBase, bool Retained, bool ChurnRisk, long Count)> rows)
    {
        var fresh = new TierCounts();
        foreach (var r in rows)
        {
            var facts = new TierBoardFacts("", Parse<Tier>(r.Tier), Parse<LifecycleStage>(r.Stage), r.InBase, r.Retained, r.ChurnRisk);
            fresh.Add(facts, r.Count);
        }
        var same = Same(_tiers, fresh._tiers) && Same(_stages, fresh._stages)
            && (_base, _retained, _churnRisk) == (fresh._base, fresh._retained, fresh._churnRisk);
        (_tiers, _stages, _base, _retained, _churnRisk) = (fresh._tiers, fresh._stages, fresh._base, fresh._retained, fresh._churnRisk);
        return !same;
    }

    public TierBoardView View(string region, long version, IReadOnlyList<TierChangeNotice> changes) => new(
        region, version,
        Enum.GetValues<Tier>().ToDictionary(t => t, t => _tiers.GetValueOrDefault(t)),
        Enum.GetValues<LifecycleStage>().ToDictionary(s => s, s => _stages.GetValueOrDefault(s)),
        _base, _retained, _base > 0 ? Math.Round(_retained * 100m / _base, 1) : null, _churnRisk, changes);

    private static bool Same<TKey>(Dictionary<TKey, long> a, Dictionary<TKey, long> b) where TKey : notnull =>
        a.Where(kv => kv.Value != 0).OrderBy(kv => kv.Key).SequenceEqual(b.Where(kv => kv.Value != 0).OrderBy(kv => kv.Key));

    private static T? Parse<T>(string? wireName) where T : struct, Enum =>
        wireName is null ? null : Enum.GetValues<T>().First(v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()) == wireName);
}
