namespace Customer360.Domain.Profile;

/// <summary>Masking of personal data for screens, messages and logs (GB/T 35273 display de-identification).</summary>
public static class Masking
{
    /// <summary>First three and last four digits: 13812341234 → 138****1234. Short numbers keep only the last two.</summary>
    public static string Msisdn(string msisdn) => msisdn.Length >= 11
        ? $"{msisdn[..3]}{new string('*', msisdn.Length - 7)}{msisdn[^4..]}"
        : $"{new string('*', Math.Max(0, msisdn.Length - 2))}{msisdn[Math.Max(0, msisdn.Length - 2)..]}";
}
