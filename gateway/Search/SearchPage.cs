using Customer360.Domain.Views;

namespace Customer360.Gateway.Search;

/// <summary>One page of a search: the lines, most in need of attention first, and how many match in all.</summary>
/// <param name="Page">The page number asked for, from 1.</param>
/// <param name="PageSize">Lines on a full page (50).</param>
/// <param name="Total">
/// How many customers in the caller's scope match: exact when <paramref name="TotalAtLeast"/> is false; otherwise
/// a lower bound, because counting stopped there (at 1,000 matches, or just past the page asked for).
/// </param>
/// <param name="TotalAtLeast">
/// True when at least <paramref name="Total"/> customers match and more may: show it as "1,000+", not as an
/// exact count. Counting every match of a broad search over millions of rows would cost more than the page.
/// </param>
/// <param name="Customers">The page's lines, most in need of attention first, then by name and customer id.</param>
public sealed record SearchPage(int Page, int PageSize, long Total, bool TotalAtLeast, IReadOnlyList<CustomerSummary> Customers);
