using Customer360.Contracts;

namespace Customer360.Gateway.Ingestion;

/// <summary>
/// What became of the events of one request so far. The body reader (refusals) and the chunk being ingested
/// (outcomes) add to it at the same time, hence the lock.
/// </summary>
public sealed class IngestTally
{
    private readonly Lock _lock = new();
    private readonly List<RejectedEvent> _rejected = [];
    // Rejections by RejectReasons code, for the metrics; a request meets one or two reasons at most.
    private readonly Dictionary<string, int> _reasons = new(StringComparer.Ordinal);

    public int Accepted { get; private set; }

    public int Duplicates { get; private set; }

    public int Held { get; private set; }

    /// <summary>Rejects an event; <paramref name="reason"/> is one of <see cref="RejectReasons"/>.</summary>
    public void Reject(RejectedEvent rejection, string reason)
    {
        lock (_lock)
        {
            _rejected.Add(rejection);
            _reasons[reason] = _reasons.GetValueOrDefault(reason) + 1;
        }
    }

    /// <summary>How many events were rejected, by <see cref="RejectReasons"/> code.</summary>
    public KeyValuePair<string, int>[] RejectedByReason()
    {
        lock (_lock) return [.. _reasons];
    }

    public void Count(BodyItem item, EventOutcome outcome)
    {
        lock (_lock) CountLocked(item, outcome);
    }

    private void CountLocked(BodyItem item, EventOutcome outcome)
    {
        switch (outcome.Kind)
        {
            case EventOutcomeKind.Accepted: Accepted++; break;
            case EventOutcomeKind.Duplicate: Duplicates++; break;
            case EventOutcomeKind.Held: Held++; break;
            default:
                _rejected.Add(new RejectedEvent(item.Index, item.Event?.EventId, outcome.Error ?? "rejected"));
                _reasons[RejectReasons.Profile] = _reasons.GetValueOrDefault(RejectReasons.Profile) + 1;
                break;
        }
    }

    public IngestResponse ToResponse()
    {
        lock (_lock) return Snapshot();
    }

    private IngestResponse Snapshot()
    {
        _rejected.Sort((a, b) => a.Index.CompareTo(b.Index));
        return new IngestResponse(Accepted, Duplicates, Held, _rejected);
    }
}
