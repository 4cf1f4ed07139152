using System.Globalization;
using System.Text.Json;

namespace Customer360.Domain.Events;

/// <summary>
/// Reads typed fields from a JSON object and throws <see cref="InvalidEventException"/> with a message that
/// names the field (with its path, e.g. <c>payload.mb</c>) and what is wrong with it. An absent field and an
/// explicit <c>null</c> read alike; fields the reader is not asked for are ignored.
/// </summary>
internal readonly struct FieldReader(JsonElement obj, string path)
{
    private string Name(string field) => path.Length == 0 ? field : $"{path}.{field}";

    private bool TryGet(string field, out JsonElement value) =>
        obj.TryGetProperty(field, out value) && value.ValueKind != JsonValueKind.Null;

    private InvalidEventException Missing(string field) => new($"{Name(field)} is required");

    public string RequiredString(string field, int maxLength = 200) =>
        OptionalString(field, maxLength) ?? throw Missing(field);

    public string? OptionalString(string field, int maxLength = 200) =>
        TryGet(field, out var v) ? Text(v, Name(field), maxLength) : null;

    public IReadOnlyList<string>? OptionalStringList(string field, int maxItems, int maxLength)
    {
        if (!TryGet(field, out var v)) return null;
        var name = Name(field);
        if (v.ValueKind != JsonValueKind.Array) throw new InvalidEventException($"{name} must be an array of strings");
        if (v.GetArrayLength() > maxItems) throw new InvalidEventException($"{name} must not hold more than {maxItems} items");
        return v.EnumerateArray().Select((item, i) => Text(item, $"{name}[{i}]", maxLength)).ToArray();
    }

    public string? OptionalId(string field)
    {
        var s = OptionalString(field, 64);
        if (s is not null && !s.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            throw new InvalidEventException($"{Name(field)} may hold only letters, digits, '-', '_' and '.'");
        return s;
    }

    public string RequiredMsisdn(string field) => OptionalMsisdn(field) ?? throw Missing(field);

    public string? OptionalMsisdn(string field)
    {
        var s = OptionalString(field, 15);
        if (s is not null && (s.Length < 5 || !s.All(char.IsAsciiDigit)))
            throw new InvalidEventException($"{Name(field)} must be 5 to 15 digits");
        return s;
    }

    /// <summary>An enum member by its kebab-case wire name (<c>walk-in</c>), compared ignoring case.</summary>
    public T RequiredEnum<T>(string field) where T : struct, Enum => OptionalEnum<T>(field) ?? throw Missing(field);

    public T? OptionalEnum<T>(string field) where T : struct, Enum
    {
        var s = OptionalString(field, 64);
        if (s is null) return null;
        return EnumWireNames<T>.TryParse(s, out var value)
            ? value
            : throw new InvalidEventException($"{Name(field)} must be one of {EnumWireNames<T>.List}");
    }

    public DateOnly RequiredDate(string field) => OptionalDate(field) ?? throw Missing(field);

    public DateOnly? OptionalDate(string field)
    {
        var s = OptionalString(field, 10);
        if (s is null) return null;
        return DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new InvalidEventException($"{Name(field)} must be a date like 2024-03-01");
    }

    /// <summary>A billing month, <c>yyyy-MM</c>, no later than <paramref name="notAfter"/> (a month key too).</summary>
    public string RequiredMonth(string field, string notAfter)
    {
        var s = RequiredString(field, 32);
        if (s.Length != 7 || !DateOnly.TryParseExact(s, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            throw new InvalidEventException($"{Name(field)} must be a month like 2026-10");
        // Both are canonical yyyy-MM, so ordinal order is calendar order.
        if (string.CompareOrdinal(s, notAfter) > 0)
            throw new InvalidEventException($"{Name(field)} must not be after {notAfter}, the month of occurredAt");
        return s;
    }

    public DateTimeOffset RequiredTimestamp(string field)
    {
        var s = RequiredString(field, 40);
        // An offset is required: a bare local time would be read differently by every silo.
        if (!DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            || !(s.EndsWith('Z') || s.EndsWith('z') || s.LastIndexOfAny(['+', '-']) > 10))
            throw new InvalidEventException($"{Name(field)} must be an ISO 8601 time with an offset, like 2026-11-23T08:00:00Z");
        return t;
    }

    public decimal RequiredDecimal(string field, decimal min, decimal max) =>
        OptionalDecimal(field, min, max) ?? throw Missing(field);

    public decimal? OptionalDecimal(string field, decimal min, decimal max) =>
        TryGet(field, out var v) ? InRange(field, Number(field, v), min, max) : null;

    /// <summary>A number above zero (a payment of nothing is not a payment).</summary>
    public decimal RequiredPositive(string field, decimal max)
    {
        var d = RequiredDecimal(field, 0, max);
        return d > 0 ? d : throw new InvalidEventException($"{Name(field)} must be greater than 0");
    }

    public int RequiredInt(string field, int min, int max) => OptionalInt(field, min, max) ?? throw Missing(field);

    /// <summary>A whole number; JSON has no integer type, so <c>3.0</c> passes and <c>1.5</c> does not.</summary>
    public int? OptionalInt(string field, int min, int max)
    {
        if (!TryGet(field, out var v)) return null;
        var d = Number(field, v);
        if (d != decimal.Truncate(d)) throw new InvalidEventException($"{Name(field)} must be a whole number");
        return (int)InRange(field, d, min, max);
    }

    public bool? OptionalBool(string field)
    {
        if (!TryGet(field, out var v)) return null;
        return v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new InvalidEventException($"{Name(field)} must be true or false"),
        };
    }

    public FieldReader RequiredObject(string field)
    {
        if (!TryGet(field, out var v)) throw Missing(field);
        if (v.ValueKind != JsonValueKind.Object) throw new InvalidEventException($"{Name(field)} must be an object");
        return new FieldReader(v, Name(field));
    }

    private static string Text(JsonElement v, string name, int maxLength)
    {
        if (v.ValueKind != JsonValueKind.String) throw new InvalidEventException($"{name} must be a string");
        var s = v.GetString()!.Trim();
        if (s.Length == 0) throw new InvalidEventException($"{name} must not be empty");
        if (s.Length > maxLength) throw new InvalidEventException($"{name} is longer than {maxLength} characters");
        return s;
    }

    private decimal Number(string field, JsonElement v) =>
        v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d)
            ? d
            : throw new InvalidEventException($"{Name(field)} must be a number");

    private decimal InRange(string field, decimal d, decimal min, decimal max)
    {
        if (d < min)
            throw new InvalidEventException(min == 0 ? $"{Name(field)} must not be negative" : $"{Name(field)} must be at least {Invariant(min)}");
        if (d > max) throw new InvalidEventException($"{Name(field)} must not exceed {Invariant(max)}");
        return d;
    }

    private static string Invariant(decimal d) => d.ToString(CultureInfo.InvariantCulture);
}
