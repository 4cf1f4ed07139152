using Customer360.Domain.Derived;

namespace Customer360.Domain.Views;

public sealed record TagView(string Code, TagSource Source, ReasonView? Reason, string? Author, DateTimeOffset At);
