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
        if (AddRefusal(profile, code, author) is { } refusal) return refusal;
        profile.Derived.Tags.Add(new Tag(code.Trim(), TagSource.Manual, null, author, now));
        return null;
    }

    /// <summary>Why the tag cannot be added, or null.</summary>
    public static string? AddRefusal(CustomerProfile profile, string? code, string? author)
    {
        code = code?.Trim() ?? "";
        if (code.Length is 0 or > MaxLength) return $"a tag must be 1 to {MaxLength} characters";
        if (code.Any(char.IsControl)) return "a tag must not contain control characters";
        if (string.IsNullOrWhiteSpace(author)) return "a manual tag needs its author";
        if (TagCodes.IsAutomatic(code)) return $"'{code}' is an automatic tag and is set by the rules";
        return Find(profile, code) is null ? null : $"the customer already has the tag '{code}'";
    }

    public static string? Remove(CustomerProfile profile, string code)
    {
        if (RemoveRefusal(profile, code) is { } refusal) return refusal;
        profile.Derived.Tags.Remove(Find(profile, code.Trim())!);
        return null;
    }

    /// <summary>Why the tag cannot be removed, or null.</summary>
    public static string? RemoveRefusal(CustomerProfile profile, string? code)
    {
        code = code?.Trim() ?? "";
        var tag = Find(profile, code);
        if (tag is null) return $"the customer has no tag '{code}'";
        return tag.Source == TagSource.Automatic ? $"'{code}' is an automatic tag and cannot be removed" : null;
    }

    private static Tag? Find(CustomerProfile profile, string code) =>
        profile.Derived.Tags.FirstOrDefault(t => string.Equals(t.Code, code, StringComparison.OrdinalIgnoreCase));
}
