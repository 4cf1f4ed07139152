using System.Globalization;

namespace Customer360.EndToEnd.Tests;

/// <summary>Reads values out of a Prometheus text exposition (the answer of a <c>/metrics</c> scrape).</summary>
internal static class PrometheusText
{
    /// <summary>
    /// The sum of the samples of <paramref name="metric"/> whose labels include every pair of <paramref name="labels"/>
    /// (other labels, such as the exporter's <c>otel_scope_name</c>, may be there too); 0 when there is none.
    /// </summary>
    public static double Sum(string text, string metric, params (string Name, string Value)[] labels)
    {
        var sum = 0.0;
        foreach (var line in text.Split('\n'))
        {
            if (!line.StartsWith(metric, StringComparison.Ordinal) || line.Length == metric.Length) continue;
            var rest = line[metric.Length..];
            string labelText;
            if (rest[0] == '{')
            {
                var close = rest.IndexOf('}', StringComparison.Ordinal);
                labelText = rest[1..close];
                rest = rest[(close + 1)..];
            }
            else if (rest[0] == ' ') labelText = "";
            else continue; // another metric whose name starts with this one's
            if (!labels.All(l => labelText.Contains($"{l.Name}=\"{l.Value}\"", StringComparison.Ordinal))) continue;
            sum += double.Parse(rest.Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        return sum;
    }

    /// <summary>True when the text has a sample (or the TYPE line) of a metric named <paramref name="metric"/>.</summary>
    public static bool Has(string text, string metric) =>
        text.Split('\n').Any(l => l.StartsWith(metric + "{", StringComparison.Ordinal) || l.StartsWith(metric + " ", StringComparison.Ordinal)
            || l.StartsWith($"# TYPE {metric} ", StringComparison.Ordinal));

    /// <summary>True when some metric's name starts with <paramref name="prefix"/>.</summary>
    public static bool HasPrefix(string text, string prefix) =>
        text.Split('\n').Any(l => l.StartsWith(prefix, StringComparison.Ordinal));
}
