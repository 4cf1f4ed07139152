namespace Customer360.Domain.Profile;

/// <summary>This month's usage in <see cref="ProfileView"/>.</summary>
public sealed record UsageView(string Month, decimal DataMb, decimal VoiceMinutes, int Sms);
