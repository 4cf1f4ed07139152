using System.Text.Json.Serialization;

namespace Customer360.Domain.Events;

/// <summary>A person acknowledged, snoozed (until a time) or resolved (with an outcome) an alert. (<c>staff.alert-action</c>)</summary>
public sealed record AlertActionTaken(string AlertId, AlertActionKind Action, string By, DateTimeOffset? Until = null, string? Outcome = null) : EventPayload
{
    [JsonIgnore]
    public override string Type => StaffEventTypes.AlertAction;
}
