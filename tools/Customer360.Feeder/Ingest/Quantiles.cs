namespace Customer360.Feeder.Ingest;

/// <summary>Nearest-rank quantiles: the smallest sample with at least a fraction q of the samples at or below it.</summary>
public static class Quantiles
{
    /// <summary>Quantile <paramref name="q"/> of <paramref name="sorted"/> (ascending); 0 when there are no samples.</summary>
    public static double At(double[] sorted, double q) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
}
