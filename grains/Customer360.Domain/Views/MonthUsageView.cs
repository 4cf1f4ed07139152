namespace Customer360.Domain.Views;

/// <summary>One month's usage totals.</summary>
public sealed record MonthUsageView(string Month, decimal DataMb, decimal VoiceMinutes, int Sms);
