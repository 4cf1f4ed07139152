namespace Customer360.Domain.Views;

/// <summary>A reason as a console shows it: its code (stable, for filters and tests) and its words.</summary>
public sealed record ReasonView(string Code, string Text);
