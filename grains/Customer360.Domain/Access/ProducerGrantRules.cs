using Customer360.Domain.Events;
using Customer360.Domain.Profile;

namespace Customer360.Domain.Access;

/// <summary>
/// Decides whether a producer may send an event. The check runs on every parsed event before it reaches the
/// cluster: without it any producer credential could set a customer's managers and region, or record a walk-in,
/// and so make any profile readable to any account.
/// </summary>
public static class ProducerGrantRules
{
    /// <summary>
    /// The grant an event needs: by its type, except that a walk-in touchpoint needs
    /// <see cref="ProducerGrants.StoreSystems"/>. Null for what only staff record (alert actions, manual tags,
    /// work orders), which no producer may send whatever it holds.
    /// </summary>
    public static string? RequiredGrant(EventPayload payload) => payload switch
    {
        CustomerRegistered or CustomerUpdated or AccountClosed => ProducerGrants.MasterData,
        TouchpointRecorded { Kind: TouchpointKind.WalkIn } => ProducerGrants.StoreSystems,
        VoiceUsed or DataUsed or SmsUsed or BillClosed or PaymentMade or BalanceReported or ProductChanged or DeviceChanged
            or TouchpointRecorded => ProducerGrants.Usage,
        // Named one by one above so that a new event type is refused until someone decides its grant.
        _ => null,
    };

    /// <summary>Null when <paramref name="producer"/> may send the event; otherwise why not, in words for the producer.</summary>
    public static string? Refusal(Producer producer, EventPayload payload)
    {
        var needed = RequiredGrant(payload);
        if (needed is null)
            return $"event type {payload.Type} is recorded by staff only; no producer may send it";
        if (!producer.Grants.Contains(needed))
            return payload is TouchpointRecorded { Kind: TouchpointKind.WalkIn }
                ? $"a walk-in touchpoint is outside this producer's grants ({Held(producer)}); it needs {needed}"
                : $"event type {payload.Type} is outside this producer's grants ({Held(producer)}); it needs {needed}";
        if (payload is TouchpointRecorded { Kind: TouchpointKind.WalkIn } walkIn)
        {
            if (walkIn.StoreId is not { } store)
                return "a walk-in touchpoint must name the storeId of one of this producer's stores";
            if (!producer.Stores.Contains(store))
                return $"walk-in at store {store} is not one of this producer's stores";
        }
        return null;
    }

    private static string Held(Producer producer) =>
        producer.Grants.Count == 0 ? "none" : string.Join(", ", producer.Grants.Order(StringComparer.Ordinal));
}
