using System.Collections.Concurrent;
using System.Text.Json;
using Customer360.Domain;
using Customer360.Domain.Views;
using Customer360.Grains.Retention;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Customer360.Grains.Lists;

/// <summary>
/// Keeps the read model (<c>c360_customer_index</c>, <c>c360_tier_changes</c>) current from this silo's profile
/// changes. Lines are coalesced per customer (only the newest version is written) and written in batches, a
/// few times a second: the read model is seconds behind at most and costs one statement per batch, not a write
/// per change. It is derived data, so a failed batch is retried and, after a crash, the next change of each
/// customer writes its line again; a row is only ever replaced by a newer version.
/// </summary>
public sealed partial class CustomerIndexWriter(NpgsqlDataSource db, IOptions<RetentionOptions> retention, ILogger<CustomerIndexWriter> logger)
    : BackgroundService
{
    private const int MaxBatch = 2000;
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(200);

    // A stop writes what is queued, for at most this long: the silo's whole stop is bounded (Shutdown:Timeout).
    private static readonly TimeSpan FinalFlushTimeout = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, CustomerSummary> _lines = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<TierChangeNotice> _changes = new();
    private readonly SemaphoreSlim _signal = new(0);

    // Customers whose grain waits for its line to be written (WrittenAsync): the version it waits for.
    private readonly ConcurrentDictionary<string, (long Version, TaskCompletionSource Written)> _waiters = new(StringComparer.Ordinal);
    // Wakes the urgent lane: a line somebody waits for was offered.
    private readonly SemaphoreSlim _urgentSignal = new(0);

    public void Upsert(CustomerSummary line)
    {
        _lines.AddOrUpdate(line.CustomerId, line, (_, seen) => seen.Version >= line.Version ? seen : line);
        _signal.Release();
        if (!_waiters.IsEmpty && _waiters.ContainsKey(line.CustomerId)) _urgentSignal.Release();
    }

    /// <summary>
    /// Completes once the line of <paramref name="customerId"/> at <paramref name="version"/> (or a newer one) is
    /// in the read model. Call it before offering that line. Access is decided from the read model, so a customer
    /// grain whose readers changed (a registration, a walk-in, an alert acted on) waits for this before it answers:
    /// such lines go by an urgent lane of their own, written at once in small statements beside the bulk flush,
    /// never behind its pause or one of its large batches.
    /// </summary>
    public Task WrittenAsync(string customerId, long version)
    {
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiters[customerId] = (version, written);
        return written.Task;
    }

    public void Append(TierChangeNotice change)
    {
        _changes.Enqueue(change);
        _signal.Release();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(BulkLoop(stoppingToken), UrgentLoop(stoppingToken));

    // The lines somebody waits for, written as soon as they are offered. Both lanes may write one customer's row at
    // once: a row is never replaced by an older version, so whichever commits last leaves the newest line.
    private async Task UrgentLoop(CancellationToken ct)
    {
        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            await _urgentSignal.WaitAsync(ct);
            // What else was signalled meanwhile goes in this statement too.
            while (_urgentSignal.CurrentCount > 0) await _urgentSignal.WaitAsync(ct);
            var batch = new List<CustomerSummary>();
            foreach (var id in _waiters.Keys)
            {
                if (batch.Count == MaxBatch) break;
                if (_lines.TryRemove(id, out var line)) batch.Add(line);
            }
            if (batch.Count == 0) continue;
            try
            {
                await WriteLinesAsync(batch, ct);
                failures = 0;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Back to the bulk lane, which retries with its backoff; the waiters give up after Customers:ReadModelWait.
                foreach (var line in batch) _lines.AddOrUpdate(line.CustomerId, line, (_, seen) => seen.Version >= line.Version ? seen : line);
                _signal.Release();
                if (++failures == 1) LogWriteFailed(logger, ex.GetType().Name);
            }
        }
    }

    private async Task BulkLoop(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (_lines.IsEmpty && _changes.IsEmpty) await _signal.WaitAsync(stoppingToken);
            // Changes arriving together leave together.
            await Task.Delay(failures > 0 ? TimeSpan.FromSeconds(Math.Min(30, 1 << Math.Min(failures, 5))) : Pause, stoppingToken);
            try
            {
                await FlushAsync(stoppingToken);
                failures = 0;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failures++;
                LogWriteFailed(logger, ex.GetType().Name);
            }
        }
    }

    /// <summary>
    /// Stops the loop, then writes the lines and tier changes still queued: a line not written waits for the
    /// customer's next change, and a tier change would be lost from the history. Bounded, and given up (logged)
    /// when the store does not answer in time.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_lines.IsEmpty && _changes.IsEmpty) return;
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(FinalFlushTimeout);
        try
        {
            await FlushAsync(bounded.Token);
        }
        catch (Exception ex)
        {
            LogFinalFlushFailed(logger, _lines.Count, _changes.Count, ex.GetType().Name);
        }
    }

    private async Task FlushAsync(CancellationToken ct)
    {
        while (!_lines.IsEmpty)
        {
            var batch = new List<CustomerSummary>(Math.Min(MaxBatch, _lines.Count));
            foreach (var (id, line) in _lines)
            {
                if (batch.Count == MaxBatch) break;
                if (_lines.TryRemove(new KeyValuePair<string, CustomerSummary>(id, line))) batch.Add(line);
            }
            try
            {
                await WriteLinesAsync(batch, ct);
            }
            catch
            {
                // Put back what has not been overtaken by a newer line meanwhile.
                foreach (var line in batch) Upsert(line);
                throw;
            }
        }
        if (!_changes.IsEmpty) await WriteChangesAsync(ct);
    }

    // Closed accounts: when each closed goes to c360_closures (the earliest report wins, as in the profile), and a
    // line closed longer ago than Retention:ClosedAccountRowsDays is not written back into the read model, which the
    // retention job has taken it out of.
    private const string UpsertSql = """
        with t as (
            select * from unnest(@ids, @versions, @names, @msisdns, @regions, @stores, @ams, @pms, @tiers, @stages, @tags,
                @alert_ids, @open_alerts, @churn_risk, @attention, @in_base, @retained, @summaries, @closed)
                as t(customer_id, version, name, msisdn, region, home_store_id, account_manager_id, phone_manager_id, tier,
                     stage, tags, alert_ids, open_alerts, churn_risk, attention, in_base, retained, summary, closed_at)
            -- An erased customer's line may still be queued (or offered by a stale activation): never written back.
            where not exists (select 1 from c360_erased e where e.customer_id = t.customer_id)
        ), closures as (
            insert into c360_closures as c (customer_id, closed_at)
            select customer_id, closed_at from t where closed_at is not null
            on conflict (customer_id) do update set closed_at = excluded.closed_at where excluded.closed_at < c.closed_at
        )
        insert into c360_customer_index as c (customer_id, version, name, msisdn, region, home_store_id, account_manager_id,
            phone_manager_id, tier, stage, tags, alert_ids, open_alerts, churn_risk, attention, in_mid_high_base, retained,
            summary, updated_at)
        select t.customer_id, t.version, t.name, t.msisdn, t.region, t.home_store_id, t.account_manager_id, t.phone_manager_id,
            t.tier, t.stage, string_to_array(t.tags, chr(31)), string_to_array(t.alert_ids, chr(31)), t.open_alerts,
            t.churn_risk, t.attention, t.in_base, t.retained, t.summary, now()
        from t
        where t.closed_at is null or t.closed_at >= now() - make_interval(days => @closed_rows_days)
        on conflict (customer_id) do update set
            version = excluded.version, name = excluded.name, msisdn = excluded.msisdn, region = excluded.region,
            home_store_id = excluded.home_store_id, account_manager_id = excluded.account_manager_id,
            phone_manager_id = excluded.phone_manager_id, tier = excluded.tier, stage = excluded.stage, tags = excluded.tags,
            alert_ids = excluded.alert_ids, open_alerts = excluded.open_alerts, churn_risk = excluded.churn_risk,
            attention = excluded.attention, in_mid_high_base = excluded.in_mid_high_base, retained = excluded.retained,
            summary = excluded.summary, updated_at = excluded.updated_at
        where c.version < excluded.version
        """;

    private async Task WriteLinesAsync(List<CustomerSummary> batch, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(UpsertSql);
        // Arrays of arrays cannot be unnested row by row, so tags and alert ids travel joined by a unit separator.
        const char Separator = '\u001f';
        Add(cmd, "ids", batch.Select(s => s.CustomerId));
        cmd.Parameters.AddWithValue("versions", batch.Select(s => s.Version).ToArray());
        Add(cmd, "names", batch.Select(s => s.Name));
        Add(cmd, "msisdns", batch.Select(s => s.Msisdn));
        Add(cmd, "regions", batch.Select(s => s.Region));
        Add(cmd, "stores", batch.Select(s => s.HomeStoreId));
        Add(cmd, "ams", batch.Select(s => s.AccountManagerId));
        Add(cmd, "pms", batch.Select(s => s.PhoneManagerId));
        Add(cmd, "tiers", batch.Select(s => s.Tier is { } t ? WireName(t) : null));
        Add(cmd, "stages", batch.Select(s => s.Stage is { } st ? WireName(st) : null));
        Add(cmd, "tags", batch.Select(s => string.Join(Separator, s.Tags)));
        Add(cmd, "alert_ids", batch.Select(s => string.Join(Separator, s.OpenAlerts.Select(a => a.Id))));
        cmd.Parameters.AddWithValue("open_alerts", batch.Select(s => s.OpenAlerts.Count).ToArray());
        cmd.Parameters.AddWithValue("churn_risk", batch.Select(s => TierBoardFacts.Of(s).ChurnRisk).ToArray());
        cmd.Parameters.AddWithValue("attention", batch.Select(s => s.Attention).ToArray());
        cmd.Parameters.AddWithValue("in_base", batch.Select(s => s.InMidHighBase).ToArray());
        cmd.Parameters.AddWithValue("retained", batch.Select(s => s.Retained).ToArray());
        Add(cmd, "summaries", batch.Select(s => JsonSerializer.Serialize(s, DomainJson.Options)));
        cmd.Parameters.Add(new NpgsqlParameter("closed", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz)
            { Value = batch.Select(s => s.ClosedAt?.UtcDateTime).ToArray() });
        cmd.Parameters.AddWithValue("closed_rows_days", retention.Value.ClosedAccountRowsDays);
        await cmd.ExecuteNonQueryAsync(ct);
        // A row is never replaced by an older version, so after the statement each row is at least this new.
        if (_waiters.IsEmpty) return;
        foreach (var line in batch)
            if (_waiters.TryGetValue(line.CustomerId, out var waiter) && waiter.Version <= line.Version
                && _waiters.TryRemove(new KeyValuePair<string, (long, TaskCompletionSource)>(line.CustomerId, waiter)))
                waiter.Written.TrySetResult();
    }

    private async Task WriteChangesAsync(CancellationToken ct)
    {
        var batch = new List<TierChangeNotice>();
        while (batch.Count < MaxBatch && _changes.TryDequeue(out var change)) batch.Add(change);
        try
        {
            await using var cmd = db.CreateCommand("""
                insert into c360_tier_changes (region, customer_id, change, at)
                select * from unnest(@regions, @ids, @changes, @ats) as t(region, customer_id, change, at)
                where not exists (select 1 from c360_erased e where e.customer_id = t.customer_id)
                """);
            Add(cmd, "regions", batch.Select(c => c.Region));
            Add(cmd, "ids", batch.Select(c => c.CustomerId));
            Add(cmd, "changes", batch.Select(c => JsonSerializer.Serialize(c, DomainJson.Options)));
            cmd.Parameters.Add(new NpgsqlParameter("ats", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = batch.Select(c => c.At.UtcDateTime).ToArray() });
            await cmd.ExecuteNonQueryAsync(ct);
        }
        catch
        {
            foreach (var change in batch) _changes.Enqueue(change);
            throw;
        }
    }

    private static void Add(NpgsqlCommand cmd, string name, IEnumerable<string?> values) =>
        cmd.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.ToArray() });

    /// <summary>The enum's kebab-case wire name, as the API filters on it (mid-high, declining).</summary>
    public static string WireName<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    [LoggerMessage(Level = LogLevel.Warning, Message = "At stop, {Lines} read-model lines and {Changes} tier changes were not written ({Error})")]
    private static partial void LogFinalFlushFailed(ILogger logger, int lines, int changes, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing the customer read model failed ({Error}); retrying")]
    private static partial void LogWriteFailed(ILogger logger, string error);
}
