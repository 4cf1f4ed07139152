namespace Customer360.Feeder.Generation;

/// <summary>
/// Usage records as mediation emits them, for customers <c>first .. first + customers - 1</c> of the synthetic
/// population: data sessions (55%), calls (30%), SMS (13%), and a trickle of balance reports and contacts (2%).
/// Event ids are <c>{run}-{seq}</c>, unique per run; one instance per thread (it holds a <see cref="Random"/>).
/// </summary>
public sealed class UsageFeed(string runId, long first, long customers, int seed)
{
    private static readonly string[] Kinds = ["visit", "call", "campaign-offered", "campaign-accepted", "complaint", "survey"];
    private readonly Random _random = new(seed);

    /// <summary>Appends one event with sequence number <paramref name="seq"/> to the builder and says what it was.</summary>
    public UsageRecord Write(NdjsonBuilder b, long seq, DateTimeOffset now)
    {
        var n = first + _random.NextInt64(customers);
        var id = SyntheticPopulation.CustomerId(n);
        var eventId = $"{runId}-{seq}";
        // Records reach mediation a little after the fact.
        var at = now.AddMilliseconds(-_random.Next(0, 300_000));
        var roll = _random.NextDouble();
        var type = roll < 0.55 ? "usage.data" : roll < 0.85 ? "usage.voice" : roll < 0.98 ? "usage.sms" : roll < 0.99 ? "balance" : "touchpoint";
        var w = b.Begin(eventId, id, type, at);
        if (roll < 0.55)
        {
            // Heavy-tailed session sizes: mostly small, a few hundreds of MB.
            w.WriteNumber("mb", Math.Round(Math.Exp(_random.NextDouble() * 6.5) / 4, 2));
            w.WriteBoolean("roaming", _random.NextDouble() < 0.03);
        }
        else if (roll < 0.85)
        {
            w.WriteNumber("seconds", (int)Math.Min(7200, 10 + Math.Exp(_random.NextDouble() * 7)));
            w.WriteBoolean("offNet", _random.NextDouble() < 0.3);
            w.WriteBoolean("competitorServiceNumber", _random.NextDouble() < 0.005);
            w.WriteBoolean("roaming", _random.NextDouble() < 0.03);
        }
        else if (roll < 0.98)
        {
            w.WriteNumber("count", 1);
        }
        else if (roll < 0.99)
        {
            w.WriteNumber("balance", Math.Round((decimal)(_random.NextDouble() * 200 - 5), 2));
        }
        else
        {
            w.WriteString("channel", _random.NextDouble() < 0.5 ? "store" : "phone-manager");
            w.WriteString("kind", Kinds[_random.Next(Kinds.Length)]);
            w.WriteNumber("score", _random.Next(1, 6));
            w.WriteString("stage", "satisfaction");
        }
        b.End();
        return new UsageRecord(id, eventId, type, at);
    }

    /// <summary>The parts of a usage record the naive baseline adds to a customer's counters.</summary>
    public (string CustomerId, int VoiceSeconds, decimal DataMb, int Sms) NextCounters()
    {
        var n = first + _random.NextInt64(customers);
        var roll = _random.NextDouble();
        return roll < 0.55 ? (SyntheticPopulation.CustomerId(n), 0, Math.Round((decimal)(Math.Exp(_random.NextDouble() * 6.5) / 4), 2), 0)
            : roll < 0.85 ? (SyntheticPopulation.CustomerId(n), (int)Math.Min(7200, 10 + Math.Exp(_random.NextDouble() * 7)), 0m, 0)
            : (SyntheticPopulation.CustomerId(n), 0, 0m, 1);
    }
}
