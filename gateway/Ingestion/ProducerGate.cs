using System.Security.Claims;
using Customer360.Domain.Access;
using Customer360.Gateway.Audit;
using Customer360.Gateway.Auth;

namespace Customer360.Gateway.Ingestion;

/// <summary>
/// Holds back, before they reach the cluster, the events of one request that the caller's grants do not cover
/// (<see cref="ProducerGrantRules"/>): each is rejected alone, with its reason, like any other bad event. The
/// grants come from the caller's claims, so an API key and a token of role ingest are held to the same rules.
/// Used by one request at a time (the body is read in order), so it needs no lock.
/// </summary>
public sealed class ProducerGate(Producer producer)
{
    private readonly SortedDictionary<string, int> _refusedByType = new(StringComparer.Ordinal);

    public Producer Producer => producer;

    /// <summary>How many events were held back so far.</summary>
    public int Refused { get; private set; }

    public static ProducerGate For(ClaimsPrincipal caller) => new(Producer.Of(
        caller.FindFirstValue(ClaimTypes.Name) ?? "unknown",
        caller.FindAll(ScopeClaims.Grant).Select(c => c.Value),
        caller.FindAll(ScopeClaims.ProducerStore).Select(c => c.Value)));

    /// <summary>True when the event may go on; otherwise it is rejected in <paramref name="tally"/> with the reason.</summary>
    public bool Admits(BodyItem item, IngestTally tally)
    {
        var e = item.Event!;
        if (ProducerGrantRules.Refusal(producer, e.Payload) is not { } reason) return true;
        tally.Reject(new RejectedEvent(item.Index, e.EventId, reason), RejectReasons.OutsideGrants);
        Refused++;
        _refusedByType[e.Type] = _refusedByType.GetValueOrDefault(e.Type) + 1;
        return false;
    }

    /// <summary>
    /// The denial for the audit log: who tried to send what outside its grants, counted by event type (no
    /// customer, no payload). Null when nothing was refused.
    /// </summary>
    public AuditEntry? Denial(DateTimeOffset at) => Refused == 0
        ? null
        : new AuditEntry(at, producer.Name, Roles.Ingest, "", "events outside grants",
            $"{Refused} refused ({string.Join(", ", _refusedByType.Select(t => $"{t.Key} x{t.Value}"))}); grants held: " +
            (producer.Grants.Count == 0 ? "none" : string.Join(", ", producer.Grants.Order(StringComparer.Ordinal))), AuditKinds.Denied);
}
