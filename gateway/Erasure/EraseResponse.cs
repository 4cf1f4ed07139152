namespace Customer360.Gateway.Erasure;

/// <summary>The answer of <c>POST /api/v1/customers/{id}/erase</c>.</summary>
/// <param name="CustomerId">The id, which is kept (with event ids, times and amounts); nothing else of the person is.</param>
/// <param name="AlreadyErased">True when an earlier call had erased the person (this one only finished what was left).</param>
public sealed record EraseResponse(string CustomerId, bool AlreadyErased);
