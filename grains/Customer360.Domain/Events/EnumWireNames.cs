using System.Collections.Frozen;
using System.Text.Json;

namespace Customer360.Domain.Events;

/// <summary>
/// The wire names of an enum's members: kebab-case lower (<c>PhoneManager</c> is <c>phone-manager</c>), the same
/// policy <see cref="DomainJson"/> writes, so an accepted event journals and replays under the names it came with.
/// </summary>
internal static class EnumWireNames<T> where T : struct, Enum
{
    private static readonly FrozenDictionary<string, T> ByName = Enum.GetValues<T>()
        .ToFrozenDictionary(v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()), StringComparer.OrdinalIgnoreCase);

    /// <summary>Every wire name in declaration order, for error messages.</summary>
    public static readonly string List =
        string.Join(", ", Enum.GetValues<T>().Select(v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString())));

    public static bool TryParse(string name, out T value) => ByName.TryGetValue(name, out value);
}
