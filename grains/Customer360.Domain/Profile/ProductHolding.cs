namespace Customer360.Domain.Profile;

/// <summary>The products section: plan (套餐) and its allowances, bundles, contract and payment.</summary>
public sealed record ProductHolding(
    [property: Shared] string PlanName,
    decimal MonthlyFee,
    decimal VoiceMinutes,
    decimal DataMb,
    int Sms,
    bool Broadband,
    bool VirtualNetwork,
    [property: Shared] IReadOnlyList<string> ValueAddedServices,
    DateOnly? ContractEnd,
    PaymentMode PaymentMode,
    bool AutoPay);
