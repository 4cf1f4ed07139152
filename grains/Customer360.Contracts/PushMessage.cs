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
[GenerateSerializer, Immutable, Alias("c360.push-message")]
public sealed record PushMessage(
    [property: Id(0)] string Topic,
    [property: Id(1)] string Kind,
    [property: Id(2)] string CustomerId,
    [property: Id(3)] long Version,
    [property: Id(4)] ImmutableArray<string> Changed,
    [property: Id(5)] Customer360.Domain.Views.CustomerSummary? Summary = null,
    [property: Id(6)] Customer360.Domain.Views.TierChangeNotice? TierChange = null,
    [property: Id(7)] Customer360.Domain.Views.WalkInView? WalkIn = null);
