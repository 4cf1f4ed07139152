namespace Customer360.Domain.Views;

/// <summary>A list of customers as a console follows it (a portfolio, an alert queue), with the list's version.</summary>
public sealed record CustomerListView(string Topic, long Version, IReadOnlyList<CustomerSummary> Customers);
