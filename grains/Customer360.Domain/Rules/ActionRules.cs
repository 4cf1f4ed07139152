using Customer360.Domain.Derived;
using Customer360.Domain.Profile;
using static Customer360.Domain.Rules.RuleFacts;

namespace Customer360.Domain.Rules;

/// <summary>
/// Recommended actions from alerts still to be worked, tags and stage, most urgent first: money and
/// complaints, then keeping a customer who is leaving, then selling, then care, then the stage's strategy
/// (trial offers while exploring or forming, raising value when stable). Each carries the reason that
/// prompted it, so the clerk sees why. An alert someone resolved no longer prompts its action.
/// </summary>
internal static class ActionRules
{
    public static bool Apply(CustomerProfile p)
    {
        // The first action of each code, in order of urgency.
        var next = new List<RecommendedAction>();
        foreach (var action in Actions(p))
            if (!HasCode(next, action.Code)) next.Add(action);
        var current = p.Derived.Actions;
        // Actions and their reasons are records: equal when every field, argument values included, is.
        if (next.SequenceEqual(current)) return false;
        current.Clear();
        current.AddRange(next);
        return true;
    }

    private static bool HasCode(List<RecommendedAction> actions, string code)
    {
        foreach (var a in actions)
            if (a.Code == code) return true;
        return false;
    }

    private static IEnumerable<RecommendedAction> Actions(CustomerProfile p)
    {
        var d = p.Derived;
        Alert? Alert(AlertKind kind)
        {
            foreach (var a in d.Alerts)
                if (a.State != AlertState.Resolved && a.Kind == kind) return a;
            return null;
        }
        Tag? Tagged(string code)
        {
            foreach (var t in d.Tags)
                if (t.Source == TagSource.Automatic && t.Code == code) return t;
            return null;
        }
        RecommendedAction Act(string code, ActionFamily family, Reason reason) => new(code, family, reason);
        var stage = d.Stage?.Stage;

        if (Alert(AlertKind.Arrears) is { } arrears) yield return Act(ActionCodes.ArrearsReminder, ActionFamily.Business, arrears.Reason);
        if (Alert(AlertKind.Complaint) is { } complaint) yield return Act(ActionCodes.ComplaintHandling, ActionFamily.Service, complaint.Reason);
        if (stage == LifecycleStage.Churned) yield break;

        if (Alert(AlertKind.LowBalance) is { } low) yield return Act(ActionCodes.BillPaymentHelp, ActionFamily.Service, low.Reason);
        if (stage == LifecycleStage.Declining) yield return Act(ActionCodes.RetentionOffer, ActionFamily.Business, d.Stage!.Reason);
        if (Alert(AlertKind.ContractExpiring) is { } contract) yield return Act(ActionCodes.ContractRenewal, ActionFamily.Business, contract.Reason);
        if (Alert(AlertKind.PlanSaturation) is { } saturated)
        {
            yield return Act(ActionCodes.PlanFit, ActionFamily.Business, saturated.Reason);
            yield return Act(ActionCodes.AddOnPack, ActionFamily.Business, saturated.Reason);
        }
        if (Alert(AlertKind.PlanUnderUse) is { } underUsed) yield return Act(ActionCodes.PlanFit, ActionFamily.Business, underUsed.Reason);
        if (Tagged(TagCodes.DeviceUpgradeCandidate) is { } aging) yield return Act(ActionCodes.NewDevice, ActionFamily.Device, aging.Reason!);
        if (Tagged(TagCodes.NoBroadband) is { } noBroadband)
        {
            yield return Act(ActionCodes.SmartHomeTrial, ActionFamily.Service, noBroadband.Reason!);
            yield return Act(ActionCodes.BroadbandBundle, ActionFamily.Business, noBroadband.Reason!);
        }
        if ((Alert(AlertKind.Birthday) ?? Alert(AlertKind.Anniversary)) is { } personal)
            yield return Act(ActionCodes.BirthdayCare, ActionFamily.Service, personal.Reason);
        if (Alert(AlertKind.Holiday) is { } holiday) yield return Act(ActionCodes.HolidayCare, ActionFamily.Service, holiday.Reason);

        if (stage is LifecycleStage.Exploring or LifecycleStage.Forming)
            yield return Act(ActionCodes.TrialOffer, ActionFamily.Business, d.Stage!.Reason);
        if (stage == LifecycleStage.Stable)
        {
            yield return Act(ActionCodes.UpgradeGiftPack, ActionFamily.Business, d.Stage!.Reason);
            if (d.Tier is { Tier: >= Tier.MidHigh } tier) yield return Act(ActionCodes.ReferralReward, ActionFamily.Business, tier.Reason);
        }
    }
}
