using System.Globalization;
using System.Text.Json;

namespace Customer360.Domain.Events;

/// <summary>
/// Reads typed fields from a JSON object and throws <see cref="InvalidEventException"/> with a message that
/// names the field (with its path, e.g. <c>payload.mb</c>) and what is wrong with it.
/// </summary>
internal readonly struct FieldReader(JsonElement obj, string path)
{
    private string Name(string field) => path.Length == 0 ? field : $"{path}.{field}";

    private bool TryGet(string field, out JsonElement value) =>
        obj.TryGetProperty(field, out value) && value.ValueKind != JsonValueKind.Null;

    public string RequiredString(string field, int maxLength = 200) =>
        OptionalString(field, maxLength) ?? throw new InvalidEventException($"{Name(field)} is required");

    public string? OptionalString(string field, int maxLength = 200)
    {
        if (!TryGet(field, out var v)) return null;
        if (v.ValueKind != JsonValueKind.String) throw new InvalidEventException($"{Name(field)} must be a string");
        var s = v.GetString()!.Trim();
        if (s.Length == 0) throw new InvalidEventException($"{Name(field)} must not be empty");
        if (s.Length > maxLength) throw new InvalidEventException($"{Name(field)} is longer than {maxLength} characters");
        return s;
    }

    public string? OptionalId(string field)
    {
        var s = OptionalString(field, 64);
        if (s is not null && !s.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            throw new InvalidEventException($"{Name(field)} may hold only letters, digits, '-', '_' and '.'");
        return s;
    }

    public string? OptionalMsisdn(string field)
    {
        var s = OptionalString(field, 15);
        if (s is not null && (s.Length < 5 || !s.All(char.IsAsciiDigit)))
            throw new InvalidEventException($"{Name(field)} must be 5 to 15 digits");
        return s;
    }

    public DateOnly RequiredDate(string field) =>
        OptionalDate(field) ?? throw new InvalidEventException($"{Name(field)} is required");

    public DateOnly? OptionalDate(string field)
    {
        var s = OptionalString(field, 10);
        if (s is null) return null;
        return DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new InvalidEventException($"{Name(field)} must be a date like 2024-03-01");
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

    public decimal RequiredNonNegative(string field, decimal max)
    {
        if (!TryGet(field, out var v)) throw new InvalidEventException($"{Name(field)} is required");
        if (v.ValueKind != JsonValueKind.Number || !v.TryGetDecimal(out var d))
            throw new InvalidEventException($"{Name(field)} must be a number");
        if (d < 0) throw new InvalidEventException($"{Name(field)} must not be negative");
        if (d > max) throw new InvalidEventException($"{Name(field)} must not exceed {max.ToString(CultureInfo.InvariantCulture)}");
        return d;
    }

    public bool OptionalBool(string field)
    {
        if (!TryGet(field, out var v)) return false;
        return v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new InvalidEventException($"{Name(field)} must be true or false"),
        };
    }

    public FieldReader RequiredObject(string field)
    {
        if (!TryGet(field, out var v)) throw new InvalidEventException($"{Name(field)} is required");
        if (v.ValueKind != JsonValueKind.Object) throw new InvalidEventException($"{Name(field)} must be an object");
        return new FieldReader(v, Name(field));
    }
}
