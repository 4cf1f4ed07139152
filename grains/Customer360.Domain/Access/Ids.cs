namespace Customer360.Domain.Access;

/// <summary>
/// The shape of the ids people type or send (customer, store, manager, work order): checked before anything is
/// looked up, so no grain is ever called with text that could not be an id.
/// </summary>
public static class Ids
{
    /// <summary>Ids are at most this long, as the event feed allows them.</summary>
    public const int MaxLength = 64;

    /// <summary>What a bad id is told, naming the field.</summary>
    public static string Rule(string field) => $"{field} must be 1 to {MaxLength} letters, digits, '-', '_' or '.'";

    /// <summary>1 to 64 ASCII letters, digits, '-', '_' or '.', as the feed's <c>customerId</c>.</summary>
    public static bool IsId(string? id) =>
        id is { Length: > 0 and <= MaxLength } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
