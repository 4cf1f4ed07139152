namespace Customer360.Domain.Derived;

/// <summary>
/// Every reason code the rules give, with the arguments each carries. <see cref="ReasonText"/> words each of
/// them in every console language; a test holds the two lists together.
/// </summary>
public static class ReasonCodes
{
    // Tiers. Every tier reason carries "month", the latest closed month it was computed on: a downgrade waits
    // for a later one (no flapping within a month).
    public const string TierNoBill = "tier.noBill";                 // (month)
    public const string TierMass = "tier.mass";                     // a3, stars, month
    public const string TierMidHigh = "tier.midHigh";               // a3, line, month
    public const string TierGroupMidHigh = "tier.groupMidHigh";     // a3, line, group, month
    public const string TierVip = "tier.vip";                       // card, a3, line, month
    public const string TierKeyPerson = "tier.keyPerson";           // group, class, month

    // Lifecycle stages.
    public const string StageExploring = "stage.exploring";         // joinedOn, days
    public const string StageForming = "stage.forming";             // joinedOn, months
    public const string StageStable = "stage.stable";               // joinedOn, months
    public const string StageChurned = "stage.churned";             // on
    public const string StagePortedOut = "stage.portedOut";         // on
    public const string StageRecovering = "stage.recovering";       // until

    // Decline signals: the reason of a declining stage (plus "signals"), of the churn-risk alert and tag.
    public const string DeclineCompetitorCalls = "decline.competitorCalls"; // count, days
    public const string DeclinePortOutInquiry = "decline.portOutInquiry";   // on, days
    public const string DeclineBillDrop = "decline.billDrop";               // month, amount, average, percent
    public const string DeclineDataDrop = "decline.dataDrop";               // month, mb, average, percent
    public const string DeclineArrears = "decline.arrears";                 // since, days
    public const string DeclineComplaintOpen = "decline.complaintOpen";     // reference, openedOn, days

    // Alerts.
    public const string AlertSpendSpike = "alert.spendSpike";               // month, amount, average, percent
    public const string AlertSpendDrop = "alert.spendDrop";                 // month, amount, average, percent
    public const string AlertSaturationData = "alert.planSaturation.data";  // allowance, line
    public const string AlertSaturationVoice = "alert.planSaturation.voice"; // allowance, line
    public const string AlertUnderUse = "alert.planUnderUse";               // months, line
    public const string AlertContractExpiring = "alert.contractExpiring";   // end, days
    public const string AlertArrears = "alert.arrears";                     // since, balance, outstanding
    public const string AlertLowBalance = "alert.lowBalance";               // balance, line
    public const string AlertDeviceAging = "alert.deviceAging";             // model, since, months
    public const string AlertComplaint = "alert.complaint";                 // reference, openedOn
    public const string AlertComplaintOverdue = "alert.complaintOverdue";   // reference, openedOn, days
    public const string AlertBirthday = "alert.birthday";                   // date
    public const string AlertAnniversary = "alert.anniversary";             // years, date
    public const string AlertHoliday = "alert.holiday";                     // name, date
    public const string AlertWalkIn = "alert.walkIn";                       // store (raised by the grain)
    public const string AlertAutoResolved = "alert.autoResolved";           // kind
    public const string AlertResolvedByStaff = "alert.resolvedByStaff";     // outcome, by (conditionClearedOn)

    // Automatic tags (high-churn-risk carries the stage's reason).
    public const string TagDataHeavy = "tag.dataHeavy";                     // average, line, months
    public const string TagVoiceHeavy = "tag.voiceHeavy";                   // average, line, months
    public const string TagRoamer = "tag.roamer";                           // month
    public const string TagDualSim = "tag.dualSim";                         // model
    public const string TagDeviceUpgrade = "tag.deviceUpgradeCandidate";    // model, since, months
    public const string TagNoBroadband = "tag.noBroadband";                 // plan
    public const string TagPriceSensitive = "tag.priceSensitive";           // count
    public const string TagKeyPerson = "tag.keyPerson";                     // group, class
    public const string TagFamilyDecisionMaker = "tag.familyDecisionMaker";
    public const string TagNewCustomer = "tag.newCustomer";                 // joinedOn, days
}
