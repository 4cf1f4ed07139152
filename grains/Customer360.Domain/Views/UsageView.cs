namespace Customer360.Domain.Views;

/// <summary>
/// This month's usage against the plan's allowance (saturation, 饱和度, in percent; null without a plan), and
/// the trailing months.
/// </summary>
public sealed record UsageView(
    string Month, decimal DataMb, decimal VoiceMinutes, int Sms, decimal RoamingDataMb, int CompetitorServiceCalls,
    decimal? DataSaturationPercent, decimal? VoiceSaturationPercent, IReadOnlyList<MonthUsageView> History);
