namespace Customer360.Gateway.Search;

/// <summary>What the <c>q</c> of a search is: a key to look up exactly, or the start of a name.</summary>
public static class SearchTerm
{
    /// <summary>
    /// A single word with a digit in it (a customer id such as <c>C00000123</c>, a phone number) is looked up
    /// exactly by customer id or msisdn; anything else is a case-insensitive name prefix. Names carry no digits,
    /// and an exact lookup is two index probes where a prefix over ids and numbers would be a range scan of each.
    /// </summary>
    public static bool IsExactKey(string q) => q.Any(char.IsAsciiDigit) && !q.Any(char.IsWhiteSpace);

    /// <summary>The LIKE pattern matching names that start with <paramref name="q"/> (its wildcards taken literally).</summary>
    public static string PrefixPattern(string q) => q.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
}
