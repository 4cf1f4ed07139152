namespace Customer360.Domain.Events;

/// <summary>
/// Wire names of what staff do to a profile (alert actions, manual tags). The gateway makes these events from
/// signed-in users' requests; they are journaled and replayed like the feed's, but producers cannot send them
/// (<see cref="EventParser"/> knows only <see cref="EventTypes"/>).
/// </summary>
public static class StaffEventTypes
{
    public const string AlertAction = "staff.alert-action";
    public const string ManualTag = "staff.manual-tag";
}
