namespace Customer360.Domain.Derived;

/// <summary>
/// A label on the customer. Automatic tags carry their rule's reason; manual ones their author. Codes of
/// automatic tags are kebab-case (<c>data-heavy</c>); a manual tag's code is its text.
/// </summary>
public sealed record Tag(string Code, TagSource Source, Reason? Reason, string? Author, DateTimeOffset At);
