using Customer360.Domain.Derived;
using Customer360.Domain.Profile;

namespace Customer360.Domain.Rules;

/// <summary>
/// Tags staff add and remove by hand, with author and time. Each returns why it was refused, or null when
/// done. Automatic tags belong to the rules: they can be neither added nor removed here.
/// </summary>
public static class ManualTags
{
    public const int MaxLength = 32;

    public static string? Add(CustomerProfile profile, string code, string author, DateTimeOffset now)
    {
        code = code?.Trim() ?? "";
        if (code.Length is 0 or > MaxLength) return $"a tag must be 1 to {MaxLength} characters";
        if (code.Any(char.IsControl)) return "a tag must not contain control characters";
        if (string.IsNullOrWhiteSpace(author)) return "a manual tag needs its author";
        if (TagCodes.IsAutomatic(code)) return $"'{code}' is an automatic tag and is set by the rules";
        if (profile.Derived.Tags.Any(t => string.Equals(t.Code, code, StringComparison.OrdinalIgnoreCase)))
            return $"the customer already has the tag '{code}'";
        profile.Derived.Tags.Add(new Tag(code, TagSource.Manual, null, author, now));
        return null;
    }

    public static string? Remove(CustomerProfile profile, string code)
    {
        code = code?.Trim() ?? "";
        var tag = profile.Derived.Tags.FirstOrDefault(t => string.Equals(t.Code, code, StringComparison.OrdinalIgnoreCase));
        if (tag is null) return $"the customer has no tag '{code}'";
        if (tag.Source == TagSource.Automatic) return $"'{code}' is an automatic tag and cannot be removed";
        profile.Derived.Tags.Remove(tag);
        return null;
    }
}
