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
        var next = new List<Tag>(tags.Count + 1);
        foreach (var t in Automatic(p, rules, now))
            next.Add(Kept(tags, t.Code) is { } kept ? t with { At = kept.At } : t);
        foreach (var t in tags)
            if (t.Source == TagSource.Manual) next.Add(t);
        // Tags and their reasons are records: equal when every field, argument values included, is.
        if (next.SequenceEqual(tags)) return false;
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
            decimal data = 0, voice = 0;
            foreach (var m in full)
            {
                var usage = p.UsageIn(m);
                data += usage.DataMb;
                voice += usage.VoiceMinutes;
            }
            data /= full.Count;
            voice /= full.Count;
            if (data >= rules.DataHeavyMbPerMonth)
                yield return Tag(TagCodes.DataHeavy, Reason(ReasonCodes.TagDataHeavy,
                    ("average", Whole(data)), ("line", Whole(rules.DataHeavyMbPerMonth)), ("months", Number(full.Count))));
            if (voice >= rules.VoiceHeavyMinutesPerMonth)
                yield return Tag(TagCodes.VoiceHeavy, Reason(ReasonCodes.TagVoiceHeavy,
                    ("average", Whole(voice)), ("line", Whole(rules.VoiceHeavyMinutesPerMonth)), ("months", Number(full.Count))));
        }
        // Roaming this month or in the two before it.
        string? roamed = null;
        var thisMonth = ThisMonth(now);
        for (var i = 0; i < 3 && roamed is null; i++)
        {
            var month = OperatorDays.AddMonths(thisMonth, -i);
            if (p.Usage.TryGetValue(month, out var u) && (u.RoamingDataMb > 0 || u.RoamingVoiceMinutes > 0)) roamed = month;
        }
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

    /// <summary>The automatic tag of that code the customer already has, whose time is kept.</summary>
    private static Tag? Kept(List<Tag> tags, string code)
    {
        foreach (var t in tags)
            if (t.Source == TagSource.Automatic && t.Code == code) return t;
        return null;
    }

    /// <summary>The day a customer stops being new.</summary>
    public static IEnumerable<DateTimeOffset> Moments(CustomerProfile p, RuleSettings rules)
    {
        yield return OperatorDays.StartOf(p.Identity!.JoinedOn.AddDays(rules.NewCustomerDays));
    }
}
