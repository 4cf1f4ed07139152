using Customer360.Domain.Derived;

namespace Customer360.Domain.Views;

/// <summary>
/// What a customer grain remembers of the line it last gave its lists, in a few bytes rather than the line
/// itself (a million profiles share one silo): who lists it, what the tier board counts, and a hash of
/// everything a list shows, to tell whether a new line differs. A hash collision would skip one list update,
/// which the customer's next change makes good.
/// </summary>
public readonly record struct ListFacts(
    string Region, string? AccountManagerId, string? PhoneManagerId, bool HasAlerts, TierBoardFacts Board, int Hash)
{
    public static ListFacts Of(CustomerSummary s) =>
        new(s.Region, s.AccountManagerId, s.PhoneManagerId, s.OpenAlerts.Count > 0, TierBoardFacts.Of(s), HashOf(s));

    /// <summary>A hash of what lists show of the line: all of it but its version and time.</summary>
    private static int HashOf(CustomerSummary s)
    {
        var h = new HashCode();
        h.Add(s.Name);
        h.Add(s.Msisdn);
        h.Add(s.Region);
        h.Add(s.HomeStoreId);
        h.Add(s.AccountManagerId);
        h.Add(s.PhoneManagerId);
        h.Add(s.Tier);
        h.Add(s.Stars);
        h.Add(s.Stage);
        h.Add(s.Attention);
        h.Add(s.InMidHighBase);
        h.Add(s.Retained);
        foreach (var tag in s.Tags) h.Add(tag);
        foreach (var a in s.OpenAlerts) h.Add(a);
        return h.ToHashCode();
    }
}
