namespace Customer360.Gateway.Erasure;

/// <summary>The body of <c>POST /api/v1/customers/{id}/erase</c>.</summary>
/// <param name="Reason">
/// Why the person is erased (e.g. "PIPL deletion request 2026-118", "closed account past the legal period"):
/// required, at most <see cref="MaxReasonLength"/> characters, kept in the audit log. It must not hold the person's
/// data itself: quote a case number, not a name.
/// </param>
public sealed record EraseRequest(string? Reason)
{
    public const int MaxReasonLength = 500;
}
