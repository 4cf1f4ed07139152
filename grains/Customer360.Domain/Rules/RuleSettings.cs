namespace Customer360.Domain.Rules;

/// <summary>
/// Every threshold the rules use, with the defaults of DOMAIN.md. An administrator changes them at run time
/// (<c>PUT /api/v1/rules</c>); each accepted change gets the next <see cref="Version"/>, and every derived value
/// records the version it was computed with. Amounts are in yuan, data in MB.
/// </summary>
public sealed record RuleSettings
{
    public long Version { get; init; } = 1;

    // Tiers (分层分级), on A3 = billed revenue of the last three closed months.
    public decimal MidHighA3 { get; init; } = 360;
    public decimal SilverA3 { get; init; } = 900;
    public decimal GoldA3 { get; init; } = 1500;
    public decimal DiamondA3 { get; init; } = 3000;
    public int VipMinTenureMonths { get; init; } = 12;
    /// <summary>Mass star lines: A3 below the first is ★, below the second ★★, below the third ★★★, else ★★★★.</summary>
    public IReadOnlyList<decimal> StarLines { get; init; } = [90, 180, 270];

    // Lifecycle stages.
    public int ExploringDays { get; init; } = 90;
    public int StableMonths { get; init; } = 12;
    public int CompetitorCallsForDecline { get; init; } = 3;
    public int CompetitorCallWindowDays { get; init; } = 30;
    /// <summary>A closed month's bill, or a month's data use, this many percent below the trailing 3-month average is a decline signal.</summary>
    public decimal DeclineDropPercent { get; init; } = 40;
    public int ArrearsDeclineDays { get; init; } = 30;
    public int ComplaintOpenDeclineDays { get; init; } = 7;
    public int RecoveryQuietDays { get; init; } = 60;

    // Alerts (预警).
    public decimal SpendSpikePercent { get; init; } = 50;
    public decimal SpendDropPercent { get; init; } = 40;
    public decimal SaturationPercent { get; init; } = 100;
    public decimal UnderUsePercent { get; init; } = 30;
    public int UnderUseMonths { get; init; } = 2;
    public int ContractExpiringDays { get; init; } = 30;
    public decimal LowBalance { get; init; } = 10;
    public int DeviceAgingMonths { get; init; } = 24;
    public int BirthdayWithinDays { get; init; } = 7;
    public int HolidayWithinDays { get; init; } = 3;
    public IReadOnlyList<Holiday> Holidays { get; init; } =
    [
        new("New Year", new DateOnly(2027, 1, 1)),
        new("Spring Festival", new DateOnly(2027, 2, 6)),
        new("Labour Day", new DateOnly(2027, 5, 1)),
        new("Mid-Autumn Festival", new DateOnly(2026, 9, 25)),
        new("National Day", new DateOnly(2026, 10, 1)),
    ];

    // Tags (标签).
    public decimal DataHeavyMbPerMonth { get; init; } = 20 * 1024;
    public decimal VoiceHeavyMinutesPerMonth { get; init; } = 1000;
    public int PriceSensitiveCampaigns { get; init; } = 2;
    public int NewCustomerDays { get; init; } = 90;

    // Satisfaction.
    public int NegativeScoreAtMost { get; init; } = 2;
    public int SatisfactionWindowDays { get; init; } = 90;

    public static RuleSettings Defaults { get; } = new();

    /// <summary>Every problem, each naming the setting; empty when the settings can be used.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        void Positive(decimal value, string name) { if (value <= 0) errors.Add($"{name} must be above 0"); }
        void Percent(decimal value, string name) { if (value is <= 0 or > 1000) errors.Add($"{name} must be a percentage above 0"); }

        Positive(MidHighA3, nameof(MidHighA3));
        if (!(MidHighA3 <= SilverA3 && SilverA3 <= GoldA3 && GoldA3 <= DiamondA3))
            errors.Add("tier lines must rise: MidHighA3 ≤ SilverA3 ≤ GoldA3 ≤ DiamondA3");
        if (StarLines.Count != 3 || StarLines[0] <= 0 || StarLines[0] >= StarLines[1] || StarLines[1] >= StarLines[2] || StarLines[2] > MidHighA3)
            errors.Add("StarLines must be three rising amounts above 0 and not above MidHighA3");
        foreach (var (value, name) in new (decimal, string)[]
        {
            (VipMinTenureMonths, nameof(VipMinTenureMonths)), (ExploringDays, nameof(ExploringDays)), (StableMonths, nameof(StableMonths)),
            (CompetitorCallsForDecline, nameof(CompetitorCallsForDecline)), (CompetitorCallWindowDays, nameof(CompetitorCallWindowDays)),
            (ArrearsDeclineDays, nameof(ArrearsDeclineDays)), (ComplaintOpenDeclineDays, nameof(ComplaintOpenDeclineDays)),
            (RecoveryQuietDays, nameof(RecoveryQuietDays)), (UnderUseMonths, nameof(UnderUseMonths)), (ContractExpiringDays, nameof(ContractExpiringDays)),
            (DeviceAgingMonths, nameof(DeviceAgingMonths)), (BirthdayWithinDays, nameof(BirthdayWithinDays)), (HolidayWithinDays, nameof(HolidayWithinDays)),
            (DataHeavyMbPerMonth, nameof(DataHeavyMbPerMonth)), (VoiceHeavyMinutesPerMonth, nameof(VoiceHeavyMinutesPerMonth)),
            (PriceSensitiveCampaigns, nameof(PriceSensitiveCampaigns)), (NewCustomerDays, nameof(NewCustomerDays)),
            (SatisfactionWindowDays, nameof(SatisfactionWindowDays)),
        }) Positive(value, name);
        if (ExploringDays >= StableMonths * 30) errors.Add("ExploringDays must be shorter than StableMonths");
        Percent(DeclineDropPercent, nameof(DeclineDropPercent));
        Percent(SpendSpikePercent, nameof(SpendSpikePercent));
        Percent(SpendDropPercent, nameof(SpendDropPercent));
        Percent(SaturationPercent, nameof(SaturationPercent));
        Percent(UnderUsePercent, nameof(UnderUsePercent));
        if (DeclineDropPercent >= 100 || SpendDropPercent >= 100) errors.Add("DeclineDropPercent and SpendDropPercent must be below 100");
        if (UnderUsePercent >= SaturationPercent) errors.Add("UnderUsePercent must be below SaturationPercent");
        if (LowBalance < 0) errors.Add("LowBalance must not be negative");
        if (NegativeScoreAtMost is < 1 or > 4) errors.Add("NegativeScoreAtMost must be between 1 and 4");
        if (Holidays.Any(h => string.IsNullOrWhiteSpace(h.Name))) errors.Add("every holiday needs a name");
        return errors;
    }
}
