using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Customer360.Domain;

/// <summary>
/// One shared copy of the short words many profiles hold — regions, stores, managers, plans, brands, models,
/// interests — instead of one per profile: a silo keeps a million profiles in memory, and these words come in a
/// few thousand values. Bounded, since the feed is untrusted: past <see cref="MaxEntries"/> words, or for a word
/// longer than <see cref="MaxLength"/>, a string is simply not shared. Words are never removed; the pool is small.
/// </summary>
public static class SharedStrings
{
    public const int MaxEntries = 100_000;
    public const int MaxLength = 64;

    private static readonly ConcurrentDictionary<string, string> Pool = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> BySpan =
        Pool.GetAlternateLookup<ReadOnlySpan<char>>();
    private static int _count;

    /// <summary>The shared copy of <paramref name="value"/>, or <paramref name="value"/> itself when it is not shared.</summary>
    public static string Of(string value)
    {
        if (value.Length > MaxLength) return value;
        return Pool.TryGetValue(value, out var shared) ? shared : Add(value);
    }

    /// <summary>The shared copy of the characters, made only when they are not in the pool yet.</summary>
    public static string Of(ReadOnlySpan<char> value)
    {
        if (value.Length > MaxLength) return value.ToString();
        return BySpan.TryGetValue(value, out var shared) ? shared : Add(value.ToString());
    }

    private static string Add(string value)
    {
        if (Volatile.Read(ref _count) >= MaxEntries) return value;
        if (Pool.TryAdd(value, value))
        {
            Interlocked.Increment(ref _count);
            return value;
        }
        return Pool.TryGetValue(value, out var shared) ? shared : value;
    }

    /// <summary>Reads a JSON string into its shared copy; for properties whose values repeat across customers.</summary>
    public sealed class Converter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? null : ReadShared(ref reader);

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value);
    }

    /// <summary>Reads a JSON array of strings into a list of shared copies.</summary>
    public sealed class ListConverter : JsonConverter<IReadOnlyList<string>>
    {
        public override IReadOnlyList<string>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null) return null;
            if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("expected an array of strings");
            var items = new List<string>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                items.Add(ReadShared(ref reader));
            return items.Count == 0 ? [] : items.ToArray();
        }

        public override void Write(Utf8JsonWriter writer, IReadOnlyList<string> value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            foreach (var item in value) writer.WriteStringValue(item);
            writer.WriteEndArray();
        }
    }

    private static string ReadShared(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String) throw new JsonException("expected a string");
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        // Unescaped, a string has at most as many characters as its JSON has bytes.
        if (length > MaxLength * 6) return reader.GetString()!;
        Span<char> chars = stackalloc char[MaxLength * 6];
        var written = reader.CopyString(chars);
        return Of(chars[..written]);
    }
}

/// <summary>
/// Marks a string (or list of strings) property whose values repeat across customers: read from JSON into
/// <see cref="SharedStrings"/>' shared copies.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SharedAttribute : JsonConverterAttribute
{
    public override JsonConverter CreateConverter(Type typeToConvert) =>
        typeToConvert == typeof(string) ? new SharedStrings.Converter()
        : typeToConvert == typeof(IReadOnlyList<string>) ? new SharedStrings.ListConverter()
        : throw new InvalidOperationException($"[Shared] applies to string and IReadOnlyList<string> properties, not {typeToConvert}");
}
