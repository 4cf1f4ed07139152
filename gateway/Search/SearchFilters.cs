using System.Text.Json;
using Customer360.Domain.Derived;

namespace Customer360.Gateway.Search;

/// <summary>The filters of <c>GET /api/v1/customers</c>, validated: tier and stage by their wire names.</summary>
public sealed record SearchFilters(string? Tier, string? Stage, string? Tag, string? Region, string? Query, int Page)
{
    /// <summary>
    /// The last page that may be asked for (10,000 lines): a page is read by skipping the ones before it, so a
    /// deep page costs what all the pages before it cost. Past that, a narrower search is the way on.
    /// </summary>
    public const int MaxPage = 200;

    /// <summary>The filters, or the reason the query is bad, naming the parameter.</summary>
    public static (SearchFilters? Filters, string? Error) Parse(string? tier, string? stage, string? tag, string? region, string? q, string? page)
    {
        if (tier is not null && !WireNames<Tier>().Contains(tier)) return (null, $"tier must be one of {string.Join(", ", WireNames<Tier>())}");
        if (stage is not null && !WireNames<LifecycleStage>().Contains(stage)) return (null, $"stage must be one of {string.Join(", ", WireNames<LifecycleStage>())}");
        if (tag is { Length: > 64 }) return (null, "tag must be at most 64 characters");
        if (region is { Length: > 64 }) return (null, "region must be at most 64 characters");
        if (q is { Length: > 64 }) return (null, "q must be at most 64 characters");
        var number = 1;
        if (page is not null && (!int.TryParse(page, out number) || number is < 1 or > MaxPage)) return (null, $"page must be a whole number from 1 to {MaxPage}; narrow the search to see further");
        static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        return (new SearchFilters(tier, stage, Blank(tag), Blank(region), Blank(q), number), null);
    }

    private static IReadOnlyList<string> WireNames<T>() where T : struct, Enum =>
        [.. Enum.GetValues<T>().Select(v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()))];
}
