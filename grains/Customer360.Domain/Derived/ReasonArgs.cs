using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Customer360.Domain.Derived;

/// <summary>
/// The arguments of a <see cref="Reason"/>: a few named values. Every profile keeps a handful of reasons for as
/// long as it is active, so they are held as one array of key/value pairs rather than a hash table (a fifth of
/// the memory), and looked up by scanning it: there are rarely more than three. Equal when they hold the same
/// pairs in any order; in JSON, an object of strings.
/// </summary>
[JsonConverter(typeof(ReasonArgsJsonConverter))]
public sealed class ReasonArgs : IReadOnlyDictionary<string, string>, IEquatable<ReasonArgs>
{
    // key0, value0, key1, value1…; keys are distinct.
    private readonly string[] _pairs;

    private ReasonArgs(string[] pairs) => _pairs = pairs;

    /// <summary>The arguments, or null when there are none; a later repeat of a key wins.</summary>
    public static ReasonArgs? Of(IEnumerable<KeyValuePair<string, string>> args) =>
        Of(args.Select(a => (a.Key, a.Value)).ToArray());

    /// <inheritdoc cref="Of(IEnumerable{KeyValuePair{string, string}})"/>
    public static ReasonArgs? Of(params (string Key, string Value)[] args)
    {
        if (args.Length == 0) return null;
        var pairs = new string[args.Length * 2];
        var length = 0;
        foreach (var (key, value) in args)
        {
            ArgumentNullException.ThrowIfNull(key);
            ArgumentNullException.ThrowIfNull(value);
            var at = IndexOf(pairs.AsSpan(0, length), key);
            if (at < 0)
            {
                at = length;
                length += 2;
                pairs[at] = key;
            }
            pairs[at + 1] = value;
        }
        return new ReasonArgs(length == pairs.Length ? pairs : pairs[..length]);
    }

    /// <summary>These arguments with <paramref name="key"/> set to <paramref name="value"/>.</summary>
    public ReasonArgs With(string key, string value) => Of([.. this.Select(a => (a.Key, a.Value)), (key, value)])!;

    public int Count => _pairs.Length / 2;

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"no reason argument '{key}'");

    public IEnumerable<string> Keys => Enumerable.Range(0, Count).Select(i => _pairs[2 * i]);

    public IEnumerable<string> Values => Enumerable.Range(0, Count).Select(i => _pairs[2 * i + 1]);

    public bool ContainsKey(string key) => IndexOf(_pairs, key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        var at = IndexOf(_pairs, key);
        value = at >= 0 ? _pairs[at + 1] : null;
        return at >= 0;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (var i = 0; i < _pairs.Length; i += 2) yield return KeyValuePair.Create(_pairs[i], _pairs[i + 1]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(ReasonArgs? other)
    {
        if (other is null || other.Count != Count) return false;
        for (var i = 0; i < _pairs.Length; i += 2)
            if (!other.TryGetValue(_pairs[i], out var value) || !string.Equals(value, _pairs[i + 1], StringComparison.Ordinal)) return false;
        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as ReasonArgs);

    // Order-independent, like equality.
    public override int GetHashCode()
    {
        var hash = 0;
        for (var i = 0; i < _pairs.Length; i += 2) hash ^= HashCode.Combine(_pairs[i], _pairs[i + 1]);
        return hash;
    }

    private static int IndexOf(ReadOnlySpan<string> pairs, string key)
    {
        for (var i = 0; i < pairs.Length; i += 2)
            if (string.Equals(pairs[i], key, StringComparison.Ordinal)) return i;
        return -1;
    }

    private sealed class ReasonArgsJsonConverter : JsonConverter<ReasonArgs>
    {
        public override ReasonArgs? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            JsonSerializer.Deserialize<Dictionary<string, string>>(ref reader, options) is { } args ? Of(args) : null;

        public override void Write(Utf8JsonWriter writer, ReasonArgs value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            foreach (var (key, item) in value) writer.WriteString(key, item);
            writer.WriteEndObject();
        }
    }
}
