namespace Customer360.Domain.Profile;

/// <summary>Masking of personal data for screens, messages and logs (GB/T 35273 display de-identification).</summary>
public static class Masking
{
    /// <summary>First three and last four digits: 13812341234 → 138****1234. Short numbers keep only the last two.</summary>
    public static string Msisdn(string msisdn) => msisdn.Length >= 11
        ? $"{msisdn[..3]}{new string('*', msisdn.Length - 7)}{msisdn[^4..]}"
        : $"{new string('*', Math.Max(0, msisdn.Length - 2))}{msisdn[Math.Max(0, msisdn.Length - 2)..]}";

    /// <summary>The first character and a star for each other one: 张伟明 → 张**, Zhou Min → Z*******.</summary>
    public static string Name(string name)
    {
        var text = name.Trim();
        if (text.Length == 0) return text;
        var first = char.IsSurrogate(text[0]) && text.Length > 1 ? text[..2] : text[..1];
        return first + new string('*', Math.Max(1, new System.Globalization.StringInfo(text).LengthInTextElements - 1));
    }
}
