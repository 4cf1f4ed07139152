using System.Text.Json.Serialization;
using Customer360.Domain.Profile;

namespace Customer360.Domain.Events;

/// <summary>A voice call record from mediation. (<c>usage.voice</c>)</summary>
public sealed record VoiceUsed(int Seconds, bool OffNet, bool CompetitorServiceNumber, bool Roaming) : EventPayload
{
    [JsonIgnore]
    public override string Type => EventTypes.UsageVoice;
}
