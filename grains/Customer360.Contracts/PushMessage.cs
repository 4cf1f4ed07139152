using System.Collections.Immutable;

namespace Customer360.Contracts;

/// <summary>
/// A small, versioned notice that something on a topic changed. Consoles drop any notice whose version is not
/// above the one they show, and fetch what changed.
/// </summary>
/// <param name="Topic">e.g. <c>customer:C000001</c>.</param>
/// <param name="Kind">The console message name, one of <see cref="PushKinds"/>.</param>
/// <param name="CustomerId">The customer concerned.</param>
/// <param name="Version">The topic's version after the change.</param>
/// <param name="Changed">The sections that changed, e.g. <c>usage</c>.</param>
/// <param name="Summary">For list topics (portfolio, alert queue, store): the customer's line as it is now.</param>
/// <param name="TierChange">For <c>tiers:</c> topics: the change.</param>
/// <param name="WalkIn">For walk-ins: who was identified where.</param>
/// <param name="ArrivedAt">
/// When the oldest event behind this notice arrived at a gateway (<see cref="EventArrival"/>), for the push lag
/// metric; null for a change no posted event caused (time passing, a rules change, a list's own bookkeeping).
/// </param>
[GenerateSerializer, Immutable, Alias("c360.push-message")]
public sealed record PushMessage(
    [property: Id(0)] string Topic,
    [property: Id(1)] string Kind,
    [property: Id(2)] string CustomerId,
    [property: Id(3)] long Version,
    [property: Id(4)] ImmutableArray<string> Changed,
    [property: Id(5)] Customer360.Domain.Views.CustomerSummary? Summary = null,
    [property: Id(6)] Customer360.Domain.Views.TierChangeNotice? TierChange = null,
    [property: Id(7)] Customer360.Domain.Views.WalkInView? WalkIn = null,
    [property: Id(8)] DateTimeOffset? ArrivedAt = null)
{
    /// <summary>The earlier of two arrivals, either of which may be unknown: a coalesced notice covers both.</summary>
    public static DateTimeOffset? Oldest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is { } x && b is { } y ? (x <= y ? x : y) : a ?? b;
}
