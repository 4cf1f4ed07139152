using Customer360.Domain.Derived;
using Customer360.Domain.Profile;
using static Customer360.Domain.Rules.RuleFacts;

namespace Customer360.Domain.Rules;

/// <summary>
/// Automatic tags, each with its reason, in catalogue order, followed by the manual tags untouched. A tag that
/// stays keeps the time it was first given. Frozen once the customer has churned.
/// </summary>
internal static class TagRules
{
    public static bool Apply(CustomerProfile p, RuleSettings rules, DateTimeOffset now)
    {
        // A churned customer's tags stay as they were when they left: what they were is what win-back needs,
        // and a closed account needs no monthly re-evaluation.
        if (p.Closure is not null && p.Derived.EvaluatedAt is not null) return false;
        var tags = p.Derived.Tags;
        var next = Automatic(p, rules, now)
            .Select(t => tags.FirstOrDefault(x => x.Source == TagSource.Automatic && x.Code == t.Code) is { } kept
                ? t with { At = kept.At } : t)
            .Concat(tags.Where(t => t.Source == TagSource.Manual))
            .ToList();
        var same = next.Count == tags.Count && next.Zip(tags).All(x =>
            x.First.Code == x.Second.Code && x.First.Source == x.Second.Source && x.First.At == x.Second.At
            && x.First.Author == x.Second.Author && Same(x.First.Reason, x.Second.Reason));
        if (same) return false;
        tags.Clear();
        tags.AddRange(next);
        return true;
    }

    private static IEnumerable<Tag> Automatic(CustomerProfile p, RuleSettings rules, DateTimeOffset now)
    {
        var id = p.Identity!;
        Tag Tag(string code, Reason reason) => new(code, TagSource.Automatic, reason, null, now);

        var full = CompleteMonths(p, now, 3);
        if (full.Count > 0)
        {
            var data = full.Average(m => p.UsageIn(m).DataMb);
            if (data >= rules.DataHeavyMbPerMonth)
                yield return Tag(TagCodes.DataHeavy, Reason(ReasonCodes.TagDataHeavy,
                    ("average", Whole(data)), ("line", Whole(rules.DataHeavyMbPerMonth)), ("months", Number(full.Count))));
            var voice = full.Average(m => p.UsageIn(m).VoiceMinutes);
            if (voice >= rules.VoiceHeavyMinutesPerMonth)
                yield return Tag(TagCodes.VoiceHeavy, Reason(ReasonCodes.TagVoiceHeavy,
                    ("average", Whole(voice)), ("line", Whole(rules.VoiceHeavyMinutesPerMonth)), ("months", Number(full.Count))));
        }
        // Roaming this month or in the two before it.
        var roamed = Enumerable.Range(0, 3).Select(i => OperatorDays.AddMonths(ThisMonth(now), -i))
            .FirstOrDefault(m => p.UsageIn(m) is { } u && (u.RoamingDataMb > 0 || u.RoamingVoiceMinutes > 0));
        if (roamed is not null) yield return Tag(TagCodes.Roamer, Reason(ReasonCodes.TagRoamer, ("month", roamed)));
        if (p.Device is { DualSim: true } device)
            yield return Tag(TagCodes.DualSim, Reason(ReasonCodes.TagDualSim, ("model", $"{device.Brand} {device.Model}")));
        if (AlertRules.DeviceAging(p, rules, now) is { } aging)
            yield return Tag(TagCodes.DeviceUpgradeCandidate, Reason(ReasonCodes.TagDeviceUpgrade,
                ("model", $"{aging.Brand} {aging.Model}"), ("since", Date(aging.InUseSince)), ("months", Number(rules.DeviceAgingMonths))));
        if (p.Products is { Broadband: false } plan)
            yield return Tag(TagCodes.NoBroadband, Reason(ReasonCodes.TagNoBroadband, ("plan", plan.PlanName)));
        if (p.DiscountCampaignsAccepted >= rules.PriceSensitiveCampaigns)
            yield return Tag(TagCodes.PriceSensitive, Reason(ReasonCodes.TagPriceSensitive, ("count", Number(p.DiscountCampaignsAccepted))));
        if (id.KeyPerson)
            yield return Tag(TagCodes.KeyPerson, Reason(ReasonCodes.TagKeyPerson, ("group", id.GroupId ?? ""), ("class", id.GroupClass?.ToString() ?? "")));
        if (id.FamilyDecisionMaker)
            yield return Tag(TagCodes.FamilyDecisionMaker, Reason(ReasonCodes.TagFamilyDecisionMaker));
        if (OperatorDays.DaysBetween(id.JoinedOn, Today(now)) < rules.NewCustomerDays)
            yield return Tag(TagCodes.NewCustomer, Reason(ReasonCodes.TagNewCustomer, ("joinedOn", Date(id.JoinedOn)), ("days", Number(rules.NewCustomerDays))));
        if (p.Derived.Stage is { Stage: LifecycleStage.Declining } stage)
            yield return Tag(TagCodes.HighChurnRisk, stage.Reason);
    }

    /// <summary>The day a customer stops being new.</summary>
    public static IEnumerable<DateTimeOffset> Moments(CustomerProfile p, RuleSettings rules)
    {
        yield return OperatorDays.StartOf(p.Identity!.JoinedOn.AddDays(rules.NewCustomerDays));
    }
}
