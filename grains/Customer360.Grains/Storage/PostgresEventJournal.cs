using System.Diagnostics;
using System.Threading.Channels;
using Customer360.Domain;
using Customer360.Domain.Events;
using Customer360.Grains.Hosting.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Customer360.Grains.Storage;

/// <summary>
/// The journal in PostgreSQL, with group commit: appends from every customer grain of this silo queue up and
/// are written together, one transaction of two binary COPYs (the event ids, then the rows, and the MSISDN index's
/// numbers when the batch names any; or, when it must skip duplicates, one statement) and one commit for many customers. The journal is partitioned
/// by month (schema 014); <see cref="JournalPartitions"/> makes sure an event's month has its partition first. Per-event transactions cap out
/// near 5,000 events/s on a small machine; sharing the commit is what lets ingestion go far past that.
/// Two lanes: interactive appends (a request of a few events, a staff action) wait in a queue of their own, which a
/// writer of their own drains and the bulk writers take first, and are never written in a bulk commit, so such an
/// append commits within about one small transaction however many bulk rows are waiting. One customer's appends
/// cannot pass each other between the lanes: its grain makes one append at a time and awaits it.
/// </summary>
public sealed partial class PostgresEventJournal(
    NpgsqlDataSource db, JournalPartitions partitions, IOptions<JournalOptions> options, ILogger<PostgresEventJournal> logger,
    JournalMetrics? metrics = null)
    : BackgroundService, IEventJournal
{
    // Caller: the appending grain's span, which the commit's span is a child of or links (BatchTracing).
    private sealed record PendingAppend(string CustomerId, IReadOnlyList<JournalEntry> Entries, TaskCompletionSource<IReadOnlySet<string>> Done,
        ActivityContext Caller);

    private sealed record PendingRead(string CustomerId, long AfterSeq, TaskCompletionSource<IReadOnlyList<JournalEntry>> Done);

    // Bounded (Journal:ReadQueueCapacity): past it an activation fails at once (JournalBusyException) rather than
    // joining an ever longer line in memory.
    private readonly Channel<PendingRead> _reads = Channel.CreateBounded<PendingRead>(
        new BoundedChannelOptions(options.Value.ReadQueueCapacity) { SingleReader = true });

    private readonly Channel<PendingAppend> _queue = Channel.CreateBounded<PendingAppend>(
        new BoundedChannelOptions(options.Value.QueueCapacity) { SingleReader = false });

    // The interactive lane: few rows each, so a commit of them is short; as bounded as the bulk queue.
    private readonly Channel<PendingAppend> _interactive = Channel.CreateBounded<PendingAppend>(
        new BoundedChannelOptions(options.Value.QueueCapacity) { SingleReader = false });

    // Event ids are unique across the feed: a conflicting id is a duplicate and is skipped, while a conflict
    // on (customer_id, seq) is not caught here — it means two activations of one customer wrote at once, and
    // the statement must fail so neither is acknowledged. The journal is partitioned by month (schema 014) and
    // cannot hold those keys itself: c360_journal_ids does, and the journal rows are the ones whose ids it took.
    // The same statement keeps the MSISDN index: numbers named by the registrations and updates it really
    // inserted, newest occurrence winning (one row per number, since ON CONFLICT DO UPDATE may touch a row only
    // once per statement). It answers with the rows it did not insert — the duplicates, which are rare — rather
    // than with the thousands it did.
    private const string AppendSql = """
        with input as (
            select * from unnest(@customer_ids, @seqs, @event_ids, @types, @occurred, @payloads, @msisdns)
                as t(customer_id, seq, event_id, type, occurred_at, payload, msisdn)
        ), inserted as (
            insert into c360_journal_ids (event_id, customer_id, seq)
            select event_id, customer_id, seq from input
            on conflict (event_id) do nothing
            returning customer_id, seq
        ), journaled as (
            insert into c360_journal (customer_id, seq, event_id, type, occurred_at, payload)
            select i.customer_id, i.seq, i.event_id, i.type, i.occurred_at, i.payload
            from input i join inserted x on x.customer_id = i.customer_id and x.seq = i.seq
        ), numbers as (
            insert into c360_msisdn (msisdn, customer_id, since)
            select distinct on (i.msisdn) i.msisdn, i.customer_id, i.occurred_at
            from input i
            where i.msisdn is not null
              and exists (select 1 from inserted x where x.customer_id = i.customer_id and x.seq = i.seq)
            order by i.msisdn, i.occurred_at desc, i.seq desc
            on conflict (msisdn) do update set customer_id = excluded.customer_id, since = excluded.since
                where c360_msisdn.since <= excluded.since
        )
        select i.customer_id, i.seq from input i
        where not exists (select 1 from inserted x where x.customer_id = i.customer_id and x.seq = i.seq)
        """;

    // Continuations run where the result is set: a grain's await resumes on its own scheduler anyway, so the
    // writer only queues it there, and no thread-pool hop is spent per append.
    public Task<IReadOnlySet<string>> AppendAsync(string customerId, IReadOnlyList<JournalEntry> entries, bool interactive = false, CancellationToken ct = default)
    {
        var pending = new PendingAppend(customerId, entries, new(), Activity.Current?.Context ?? default);
        var queue = interactive ? _interactive : _queue;
        return queue.Writer.TryWrite(pending) ? pending.Done.Task : WhenQueuedAsync(queue, pending, ct);
    }

    private static async Task<IReadOnlySet<string>> WhenQueuedAsync(Channel<PendingAppend> queue, PendingAppend pending, CancellationToken ct)
    {
        await queue.Writer.WriteAsync(pending, ct);
        return await pending.Done.Task;
    }

    /// <summary>
    /// The entries of <paramref name="customerId"/> after <paramref name="afterSeq"/>, read together with other
    /// activations' reads. Throws <see cref="JournalBusyException"/> when <see cref="JournalOptions.ReadQueueCapacity"/>
    /// reads already wait.
    /// </summary>
    public async Task<IReadOnlyList<JournalEntry>> ReadAfterAsync(string customerId, long afterSeq, CancellationToken ct = default)
    {
        var pending = new PendingRead(customerId, afterSeq, new(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_reads.Writer.TryWrite(pending)) throw new JournalBusyException(options.Value.ReadQueueCapacity);
        var entries = await pending.Done.Task.WaitAsync(ct);
        if (entries.Count > 0) metrics?.Replayed(entries.Count);
        return entries;
    }

    // Profiles activate in waves (a feed reaching new customers, a silo taking over after a crash): their
    // recovery reads are gathered like appends, so a thousand activations cost one query, not a thousand.
    // A lateral probe per customer: on the partitioned journal (schema 014) a plain join is planned as a merge join
    // over every partition's whole (customer_id, seq) index, which read the entire journal for each wave of
    // activations and grew with it. No order by either: its misestimated sort would cross the JIT threshold, so the
    // rows are put in order here instead.
    private const string ReadSql = """
        select r.customer_id, j.seq, j.payload
        from unnest(@customer_ids, @after_seqs) as r(customer_id, after_seq)
        cross join lateral (
            select j.seq, j.payload from c360_journal j where j.customer_id = r.customer_id and j.seq > r.after_seq
        ) j
        """;

    private async Task ReadLoop(CancellationToken ct)
    {
        var batch = new List<PendingRead>();
        while (await _reads.Reader.WaitToReadAsync(ct))
        {
            batch.Clear();
            while (batch.Count < options.Value.MaxBatchRows && _reads.Reader.TryRead(out var next)) batch.Add(next);
            if (batch.Count == 0) continue;
            try
            {
                var found = await ReadBatchAsync(batch, ct);
                foreach (var p in batch) p.Done.TrySetResult(found.TryGetValue(p.CustomerId, out var list) ? list : []);
            }
            catch (Exception ex)
            {
                LogReadFailed(logger, batch.Count, ex);
                foreach (var p in batch) p.Done.TrySetException(ex);
            }
        }
    }

    private async Task<Dictionary<string, List<JournalEntry>>> ReadBatchAsync(List<PendingRead> batch, CancellationToken ct)
    {
        // One activation per customer reads at a time, but a repeated id must not be joined twice: keep the lowest.
        var afterSeqs = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var p in batch)
            afterSeqs[p.CustomerId] = afterSeqs.TryGetValue(p.CustomerId, out var seen) ? Math.Min(seen, p.AfterSeq) : p.AfterSeq;

        await using var cmd = db.CreateCommand(ReadSql);
        cmd.Parameters.AddWithValue("customer_ids", afterSeqs.Keys.ToArray());
        cmd.Parameters.AddWithValue("after_seqs", afterSeqs.Values.ToArray());
        var found = new Dictionary<string, List<JournalEntry>>(StringComparer.Ordinal);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var customerId = reader.GetString(0);
            var seq = reader.GetInt64(1);
            var e = System.Text.Json.JsonSerializer.Deserialize<CustomerEvent>(reader.GetString(2), DomainJson.Options)
                ?? throw new InvalidDataException($"journal entry {customerId}/{seq} is empty");
            if (!found.TryGetValue(customerId, out var list)) found[customerId] = list = [];
            list.Add(new JournalEntry(seq, e));
        }
        // In sequence order, as they are replayed (the statement's rows come partition by partition).
        foreach (var list in found.Values) list.Sort((a, b) => a.Seq.CompareTo(b.Seq));
        // A reader that asked from a higher sequence number than another reader of the same customer gets
        // only what it asked for.
        foreach (var p in batch)
            if (found.TryGetValue(p.CustomerId, out var list) && afterSeqs[p.CustomerId] < p.AfterSeq)
                found[p.CustomerId] = list.Where(e => e.Seq > p.AfterSeq).ToList();
        return found;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        metrics?.ObserveQueues(() => _queue.Reader.Count, () => _reads.Reader.Count, () => _interactive.Reader.Count);
        return Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Value.Writers)).Select(_ => WriteLoop(stoppingToken))
            .Append(InteractiveWriteLoop(stoppingToken))
            .Append(ReadLoop(stoppingToken)));
    }

    // A bulk writer: takes whatever waits when it is free (no fixed delay: an idle journal commits one append at
    // once, a busy one commits many). Between bulk commits it takes the interactive lane first, on its own, so that a
    // burst of interactive appends is not left to their one writer while bulk commits run on the others.
    private async Task WriteLoop(CancellationToken ct)
    {
        var batch = new List<PendingAppend>();
        while (await _queue.Reader.WaitToReadAsync(ct))
        {
            if (await TakeAndWriteAsync(_interactive, batch, ct)) continue;
            await TakeAndWriteAsync(_queue, batch, ct);
        }
    }

    // The interactive lane's own writer: never holds a bulk batch, so an interactive append waits for at most the
    // short commit in progress on it.
    private async Task InteractiveWriteLoop(CancellationToken ct)
    {
        var batch = new List<PendingAppend>();
        while (await _interactive.Reader.WaitToReadAsync(ct)) await TakeAndWriteAsync(_interactive, batch, ct);
    }

    // Takes up to Journal:MaxBatchRows rows of one lane and writes them in one commit; false when none waited.
    private async Task<bool> TakeAndWriteAsync(Channel<PendingAppend> lane, List<PendingAppend> batch, CancellationToken ct)
    {
        batch.Clear();
        var rows = 0;
        while (rows < options.Value.MaxBatchRows && lane.Reader.TryRead(out var next))
        {
            batch.Add(next);
            rows += next.Entries.Count;
        }
        if (batch.Count == 0) return false;
        await WriteBatch(batch, ct, lane == _interactive);
        return true;
    }

    private async Task WriteBatch(List<PendingAppend> batch, CancellationToken ct, bool interactive = false)
    {
        var rows = 0;
        foreach (var p in batch) rows += p.Entries.Count;
        using var span = BatchTracing.Start(BatchTracing.JournalCommit, batch, p => p.Caller);
        span?.SetTag("c360.journal.rows", rows);
        try
        {
            var started = Stopwatch.GetTimestamp();
            var skipped = await InsertAsync(batch, ct);
            metrics?.Committed(rows, started, interactive);
            foreach (var p in batch) p.Done.TrySetResult(Duplicates(p, skipped));
        }
        catch (Exception ex) when (batch.Count > 1 && ex is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // One customer's conflict must not fail the others that shared the statement: write each alone.
            foreach (var p in batch) await WriteBatch([p], ct, interactive);
        }
        catch (Exception ex)
        {
            span?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            LogAppendFailed(logger, batch.Count, ex);
            foreach (var p in batch) p.Done.TrySetException(ex);
        }
    }

    // Matching on (customer, seq) rather than event id keeps two customers that were sent the same event id
    // in one statement apart: only the row actually written counts as accepted.
    private static IReadOnlySet<string> Duplicates(PendingAppend p, HashSet<(string, long)> skipped)
    {
        if (skipped.Count == 0) return EmptySet;
        HashSet<string>? dups = null;
        foreach (var e in p.Entries)
            if (skipped.Contains((p.CustomerId, e.Seq))) (dups ??= []).Add(e.Event.EventId);
        return dups ?? (IReadOnlySet<string>)EmptySet;
    }

    private static readonly HashSet<string> EmptySet = [];

    // Binary COPY costs PostgreSQL about half what the statement does per row, but it cannot skip a duplicate:
    // it is tried first, and any unique violation (a duplicate id, or two activations of one customer) sends the
    // batch to the statement, which sorts them out. The ids go first, into the table that holds the keys, and the
    // rows second, in one transaction; the numbers registrations and updates name follow in the same
    // transaction (NumbersSql), so onboarding a population is copied too rather than sent to the statement.
    private const string CopyIdsSql = "copy c360_journal_ids (event_id, customer_id, seq) from stdin (format binary)";

    private const string CopySql =
        "copy c360_journal (customer_id, seq, event_id, type, occurred_at, payload) from stdin (format binary)";

    private static readonly HashSet<(string, long)> NoneSkipped = [];

    // After a COPY every row of the batch is in: each number goes to the customer of its newest occurrence in
    // the batch, and replaces the stored one unless that is newer (a late, older registration never takes back a
    // reassigned number). One row per number, since ON CONFLICT DO UPDATE may touch a row only once per
    // statement; in number order, so two writers' batches lock shared numbers in the same order.
    private const string NumbersSql = """
        insert into c360_msisdn (msisdn, customer_id, since)
        select distinct on (t.msisdn) t.msisdn, t.customer_id, t.occurred_at
        from unnest(@msisdns, @customer_ids, @occurred, @seqs) as t(msisdn, customer_id, occurred_at, seq)
        order by t.msisdn, t.occurred_at desc, t.seq desc
        on conflict (msisdn) do update set customer_id = excluded.customer_id, since = excluded.since
            where c360_msisdn.since <= excluded.since
        """;

    // After a COPY met a duplicate, the feed is probably being replayed: the next batches go to the statement.
    private int _statementOnly;

    private async Task<HashSet<(string, long)>> InsertAsync(List<PendingAppend> batch, CancellationToken ct)
    {
        await partitions.EnsureAsync(batch.SelectMany(p => p.Entries).Select(e => e.Event.OccurredAt), ct);
        try
        {
            return await InsertOnceAsync(batch, ct);
        }
        catch (PostgresException ex) when (JournalPartitions.IsMissingPartition(ex))
        {
            // A month this silo had seen was dropped by retention since, and an event of it came late: make it again.
            partitions.Forget();
            await partitions.EnsureAsync(batch.SelectMany(p => p.Entries).Select(e => e.Event.OccurredAt), ct);
            return await InsertOnceAsync(batch, ct);
        }
    }

    private async Task<HashSet<(string, long)>> InsertOnceAsync(List<PendingAppend> batch, CancellationToken ct)
    {
        // Writers race for the last statement batch; the one that takes the count below zero uses COPY.
        var statementOnly = Volatile.Read(ref _statementOnly) > 0 && Interlocked.Decrement(ref _statementOnly) >= 0;
        if (!statementOnly)
        {
            try
            {
                await CopyAsync(batch, ct);
                return NoneSkipped;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                Volatile.Write(ref _statementOnly, options.Value.StatementBatchesAfterDuplicate);
            }
        }
        return await InsertWithStatementAsync(batch, ct);
    }

    /// <summary>The entries of <paramref name="batch"/> that name a phone number, with the number; null when none does.</summary>
    private static List<(string Msisdn, string CustomerId, JournalEntry Entry)>? NumbersNamed(List<PendingAppend> batch)
    {
        List<(string, string, JournalEntry)>? named = null;
        foreach (var p in batch)
            for (var i = 0; i < p.Entries.Count; i++)
                if (NumberNamedBy(p.Entries[i].Event) is { } msisdn) (named ??= []).Add((msisdn, p.CustomerId, p.Entries[i]));
        return named;
    }

    private static async Task WriteNumbersAsync(NpgsqlConnection conn, List<(string Msisdn, string CustomerId, JournalEntry Entry)> named,
        CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(NumbersSql, conn);
        cmd.Parameters.Add(new NpgsqlParameter("msisdns", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = named.ConvertAll(n => n.Msisdn).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("customer_ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = named.ConvertAll(n => n.CustomerId).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("occurred", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz)
            { Value = named.ConvertAll(n => n.Entry.Event.OccurredAt.UtcDateTime).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("seqs", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = named.ConvertAll(n => n.Entry.Seq).ToArray() });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private async Task CopyAsync(List<PendingAppend> batch, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var ids = await conn.BeginBinaryImportAsync(CopyIdsSql, ct))
        {
            foreach (var p in batch)
            {
                for (var i = 0; i < p.Entries.Count; i++)
                {
                    var e = p.Entries[i];
                    await ids.StartRowAsync(ct);
                    await ids.WriteAsync(e.Event.EventId, NpgsqlDbType.Text, ct);
                    await ids.WriteAsync(p.CustomerId, NpgsqlDbType.Text, ct);
                    await ids.WriteAsync(e.Seq, NpgsqlDbType.Bigint, ct);
                }
            }
            await ids.CompleteAsync(ct);
        }
        await using (var writer = await conn.BeginBinaryImportAsync(CopySql, ct))
        {
            foreach (var p in batch)
            {
                for (var i = 0; i < p.Entries.Count; i++)
                {
                    var e = p.Entries[i];
                    await writer.StartRowAsync(ct);
                    await writer.WriteAsync(p.CustomerId, NpgsqlDbType.Text, ct);
                    await writer.WriteAsync(e.Seq, NpgsqlDbType.Bigint, ct);
                    await writer.WriteAsync(e.Event.EventId, NpgsqlDbType.Text, ct);
                    await writer.WriteAsync(e.Event.Type, NpgsqlDbType.Text, ct);
                    await writer.WriteAsync(e.Event.OccurredAt.UtcDateTime, NpgsqlDbType.TimestampTz, ct);
                    await writer.WriteAsync(Payload(e.Event), NpgsqlDbType.Text, ct);
                }
            }
            await writer.CompleteAsync(ct);
        }
        if (NumbersNamed(batch) is { } named) await WriteNumbersAsync(conn, named, ct);
        // Committed (and flushed) here, or nothing of it is kept.
        await tx.CommitAsync(ct);
    }

    private async Task<HashSet<(string, long)>> InsertWithStatementAsync(List<PendingAppend> batch, CancellationToken ct)
    {
        var n = batch.Sum(p => p.Entries.Count);
        var customers = new string[n];
        var seqs = new long[n];
        var ids = new string[n];
        var types = new string[n];
        var occurred = new DateTime[n];
        var payloads = new string[n];
        var msisdns = new string?[n];
        var i = 0;
        foreach (var p in batch)
        {
            foreach (var e in p.Entries)
            {
                customers[i] = p.CustomerId;
                seqs[i] = e.Seq;
                ids[i] = e.Event.EventId;
                types[i] = e.Event.Type;
                occurred[i] = e.Event.OccurredAt.UtcDateTime;
                payloads[i] = Payload(e.Event);
                msisdns[i] = NumberNamedBy(e.Event);
                i++;
            }
        }

        await using var cmd = db.CreateCommand(AppendSql);
        cmd.Parameters.AddWithValue("customer_ids", customers);
        cmd.Parameters.AddWithValue("seqs", seqs);
        cmd.Parameters.AddWithValue("event_ids", ids);
        cmd.Parameters.AddWithValue("types", types);
        cmd.Parameters.Add(new NpgsqlParameter("occurred", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = occurred });
        cmd.Parameters.AddWithValue("payloads", payloads);
        cmd.Parameters.Add(new NpgsqlParameter("msisdns", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = msisdns });
        var skipped = new HashSet<(string, long)>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) skipped.Add((reader.GetString(0), reader.GetInt64(1)));
        return skipped;
    }

    /// <summary>The journal's copy of an event: its JSON in the domain's one shape, which replay reads back.</summary>
    private static string Payload(CustomerEvent e) => System.Text.Json.JsonSerializer.Serialize(e, DomainJson.Options);

    /// <summary>The phone number an event gives its customer, which the MSISDN index follows.</summary>
    private static string? NumberNamedBy(CustomerEvent e) => e.Payload switch
    {
        CustomerRegistered r => r.Identity.Msisdn,
        CustomerUpdated u => u.Msisdn,
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Journal read for {Customers} activating customers failed")]
    private static partial void LogReadFailed(ILogger logger, int customers, Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Journal append of {Appends} appends failed")]
    private static partial void LogAppendFailed(ILogger logger, int appends, Exception ex);
}
