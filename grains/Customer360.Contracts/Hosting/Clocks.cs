namespace Customer360.Contracts.Hosting;

/// <summary>
/// The business clock — "now" for the rules (tenure, windows, due dates) and for event validation — is a keyed
/// <see cref="TimeProvider"/>, apart from the one Orleans and ASP.NET run on, so that a test can move a
/// customer through a year without moving the runtime's own timers.
/// </summary>
public static class Clocks
{
    public const string Business = "business";
}
