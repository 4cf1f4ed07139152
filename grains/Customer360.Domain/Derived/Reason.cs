namespace Customer360.Domain.Derived;

/// <summary>
/// Why a derived value is what it is: a message code and its arguments, rendered per language by
/// <c>ReasonText</c> in words a store clerk understands. Stored as code and arguments, never as text, so the
/// same reason reads in English and Chinese. Two reasons are equal when code and arguments are.
/// </summary>
public sealed record Reason(string Code, ReasonArgs? Args = null);
