namespace Customer360.Domain.Derived;

/// <summary>The alert catalogue of DOMAIN.md. Wire names are kebab-case.</summary>
public enum AlertKind
{
    ChurnRisk, SpendSpike, SpendDrop, PlanSaturation, PlanUnderUse, ContractExpiring, Arrears, LowBalance,
    DeviceAging, Complaint, Birthday, Anniversary, Holiday, WalkIn,
}
