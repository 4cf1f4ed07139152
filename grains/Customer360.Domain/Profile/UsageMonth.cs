namespace Customer360.Domain.Profile;

/// <summary>One calendar month of usage totals. Mutable: it is summed into event by event.</summary>
public sealed class UsageMonth
{
    public decimal DataMb { get; set; }
    public decimal RoamingDataMb { get; set; }
    public decimal VoiceMinutes { get; set; }
    public decimal OffNetVoiceMinutes { get; set; }
    public decimal RoamingVoiceMinutes { get; set; }
    public int Sms { get; set; }

    /// <summary>Calls to competitors' service numbers (异网咨询) this month.</summary>
    public int CompetitorServiceCalls { get; set; }
}
