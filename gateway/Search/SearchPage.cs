using Customer360.Domain.Views;

namespace Customer360.Gateway.Search;

/// <summary>One page of a search: the lines, most in need of attention first, and how many match in all.</summary>
public sealed record SearchPage(int Page, int PageSize, long Total, IReadOnlyList<CustomerSummary> Customers);
