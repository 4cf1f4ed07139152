using System.Text;
using System.Text.RegularExpressions;
using Customer360.Domain.Profile;

namespace Customer360.Domain.Access;

/// <summary>
/// Text that people or systems wrote in their own words (notes, outcomes, references, manual tags): it may hold
/// anything, so before it reaches a masked viewer its numbers are masked. What counts as a number: a mainland
/// mobile number, also written 138 1234 5678 or 138-1234-5678; an 18-character ID number (17 digits and a digit
/// or X); and any other run of 7 or more digits (15-digit ID numbers, bank cards, landlines, +86 numbers).
/// Unicode digits count too, so full-width digits typed with a Chinese keyboard are caught.
/// </summary>
public static partial class FreeText
{
    /// <summary>
    /// <paramref name="text"/> with every number masked: 11 digits or more keep their first three and last four
    /// (13812345678 → 138****5678, as <see cref="Masking.Msisdn"/>), shorter runs only their last two; separators
    /// inside a mobile number are dropped. Null stays null.
    /// </summary>
    public static string? MaskNumbers(string? text) =>
        string.IsNullOrEmpty(text) ? text : Numbers().Replace(text, m => MaskRun(m.Value));

    private static string MaskRun(string number)
    {
        var digits = new StringBuilder(number.Length);
        foreach (var c in number)
            if (c is not (' ' or '-')) digits.Append(c);
        var run = digits.ToString();
        return run.Length >= 11
            ? string.Concat(run.AsSpan(0, 3), new string('*', run.Length - 7), run.AsSpan(run.Length - 4))
            : string.Concat(new string('*', run.Length - 2), run.AsSpan(run.Length - 2));
    }

    // Not preceded or followed by another digit, so a run is taken whole: an 18-digit run is one number, not a
    // mobile number and a rest.
    [GeneratedRegex(@"(?<!\d)(?:1[3-9]\d[ \-]\d{4}[ \-]\d{4}|\d{17}[Xx]|\d{7,})(?!\d)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Numbers();
}
