namespace Customer360.Domain.Rules;

/// <summary>Codes of recommended actions (差异化服务), kebab-case as they travel to consoles.</summary>
public static class ActionCodes
{
    public const string ArrearsReminder = "arrears-reminder";
    public const string BillPaymentHelp = "bill-payment-help";
    public const string ComplaintHandling = "complaint-handling";
    public const string RetentionOffer = "retention-offer";
    public const string ContractRenewal = "contract-renewal";
    public const string PlanFit = "plan-fit";
    public const string AddOnPack = "add-on-pack";
    public const string NewDevice = "new-device";
    public const string SmartHomeTrial = "smart-home-trial";
    public const string BroadbandBundle = "broadband-bundle";
    public const string BirthdayCare = "birthday-care";
    public const string HolidayCare = "holiday-care";
    public const string TrialOffer = "trial-offer";
    public const string UpgradeGiftPack = "upgrade-gift-pack";
    public const string ReferralReward = "referral-reward";
}
