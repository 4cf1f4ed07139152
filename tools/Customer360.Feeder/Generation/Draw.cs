namespace Customer360.Feeder.Generation;

/// <summary>
/// Deterministic draws for customer n: the same customer gets the same plan, handset and bills on every run and
/// in every process, so a second <c>populate</c> re-registers nobody (it comes back as duplicates).
/// </summary>
public static class Draw
{
    /// <summary>A number in [0, 1) fixed by (n, salt) — SplitMix64 of the pair.</summary>
    public static double Unit(long n, int salt)
    {
        var z = unchecked((ulong)n * 0x9E3779B97F4A7C15UL + (ulong)salt * 0xBF58476D1CE4E5B9UL + 0x94D049BB133111EBUL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>An index into <paramref name="weights"/>, each index as likely as its weight.</summary>
    public static int Weighted(double unit, ReadOnlySpan<double> weights)
    {
        double total = 0;
        foreach (var w in weights) total += w;
        var at = unit * total;
        for (var i = 0; i < weights.Length; i++)
        {
            if (at < weights[i]) return i;
            at -= weights[i];
        }
        return weights.Length - 1;
    }

    public static int Below(long n, int salt, int count) => (int)(Unit(n, salt) * count);
}
