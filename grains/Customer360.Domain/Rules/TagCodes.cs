namespace Customer360.Domain.Rules;

/// <summary>Codes of the automatic tags (DOMAIN.md "Tags"). A manual tag may not take one of these codes.</summary>
public static class TagCodes
{
    public const string DataHeavy = "data-heavy";
    public const string VoiceHeavy = "voice-heavy";
    public const string Roamer = "roamer";
    public const string DualSim = "dual-sim";
    public const string DeviceUpgradeCandidate = "device-upgrade-candidate";
    public const string NoBroadband = "no-broadband";
    public const string PriceSensitive = "price-sensitive";
    public const string KeyPerson = "key-person";
    public const string FamilyDecisionMaker = "family-decision-maker";
    public const string NewCustomer = "new-customer";
    public const string HighChurnRisk = "high-churn-risk";

    public static readonly IReadOnlyList<string> Automatic =
    [
        DataHeavy, VoiceHeavy, Roamer, DualSim, DeviceUpgradeCandidate, NoBroadband, PriceSensitive, KeyPerson,
        FamilyDecisionMaker, NewCustomer, HighChurnRisk,
    ];

    public static bool IsAutomatic(string code) => Automatic.Contains(code, StringComparer.OrdinalIgnoreCase);
}
