using System.Globalization;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Customer360.Grains.Storage;

/// <summary>
/// The <see cref="StorageNames.Profiles"/> grain storage: Orleans' AdoNet provider (<paramref name="inner"/>) writes
/// and clears, while reads of string- and integer-keyed grains are gathered like the journal's, so a wave of activations (a
/// population being registered, a silo taking over after a crash) costs one query for many grains, not a round trip
/// each. Same table and rows as the AdoNet provider (c360_grain_state, schema 003): the hashes come from the
/// provider's own hash picker over the same bytes it hashes, the payload from the same serializer, the version is
/// the ETag, so the two read the same data and a write after a gathered read meets the version it expects.
/// Guid-keyed grains, and state names with generic arguments, are read by the provider itself.
/// </summary>
public sealed partial class GatheredReadGrainStorage(
    IGrainStorage inner, string innerName, string serviceId, IStorageHasherPicker hashPicker, IGrainStorageSerializer serializer,
    IActivatorProvider activators, NpgsqlDataSource db, ILogger<GatheredReadGrainStorage> logger) : IGrainStorage
{
    /// <summary>Most grains read in one query.</summary>
    private const int MaxBatch = 1000;

    private sealed record PendingRead(int IdHash, int TypeHash, string GrainType, long N1, string? Extension,
        TaskCompletionSource<(byte[]? Payload, int Version)?> Done);

    // Not bounded here: each waiting read is an activation in progress, which the callers' own limits bound.
    private readonly Channel<PendingRead> _reads = Channel.CreateUnbounded<PendingRead>(new UnboundedChannelOptions { SingleReader = true });

    private Task? _loop;
    private readonly Lock _start = new();

    // The rows of the AdoNet provider's ReadFromStorageKey query (schema 003), for many grains at once. The
    // ordinal brings each row back to the read that asked for it. N0 is 0 for integer and string keys.
    private const string ReadSql = """
        select r.i, s.payload, s.version
        from unnest(@id_hashes, @type_hashes, @grain_types, @n1s, @extensions) with ordinality as r(id_hash, type_hash, grain_type, n1, ext, i)
        join c360_grain_state s on s.grain_id_hash = r.id_hash and s.grain_type_hash = r.type_hash
            and s.grain_id_n0 = 0 and s.grain_id_n1 = r.n1 and s.service_id = @service_id
            and s.grain_type = r.grain_type and s.grain_id_extension is not distinct from r.ext
        """;

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        // Keyed as the provider keys it (its AdoGrainKey): a key that parses as an integer (hexadecimal, as Orleans
        // writes integer keys: a customer id such as C0000123 does) is stored as N1 with its extension; any other
        // string key as N1 = 0 with the whole key as the extension.
        if (grainId.TryGetGuidKey(out _, out _) || stateName.Contains('`', StringComparison.Ordinal))
        {
            await inner.ReadStateAsync(stateName, grainId, grainState);
            return;
        }
        var isInteger = grainId.TryGetIntegerKey(out var integer, out var keyExtension);
        var (n1, extension) = isInteger ? (integer, keyExtension) : (0L, grainId.Key.ToString());
        var hasher = hashPicker.PickHasher(serviceId, innerName, stateName, grainId, grainState)
            ?? throw new InvalidOperationException($"the hash picker of grain storage {innerName} picked no hasher");
        var pending = new PendingRead(hasher.Hash(KeyHashBytes(isInteger, n1, extension)), hasher.Hash(Encoding.UTF8.GetBytes(stateName)), stateName,
            n1, extension, new(TaskCreationOptions.RunContinuationsAsynchronously));
        EnsureReading();
        await _reads.Writer.WriteAsync(pending);
        var found = await pending.Done.Task;

        // As the AdoNet provider: a row with no payload still exists (cleared), and its version is the ETag.
        grainState.State = found?.Payload is { } payload ? serializer.Deserialize<T>(new BinaryData(payload)) : activators.GetActivator<T>().Create();
        grainState.ETag = found?.Version.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = found is not null;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.WriteStateAsync(stateName, grainId, grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);

    /// <summary>
    /// The bytes the AdoNet provider hashes for a key (its AdoGrainKey.GetHashBytes): an integer key's 8 bytes then
    /// its extension's UTF-8, or a string key's UTF-8; reversed on little-endian machines. Changing this would make
    /// every stored snapshot unreadable.
    /// </summary>
    internal static byte[] KeyHashBytes(bool isInteger, long n1, string? extension)
    {
        byte[] bytes;
        if (isInteger)
        {
            var key = BitConverter.GetBytes(n1);
            bytes = extension is null ? key : [.. key, .. Encoding.UTF8.GetBytes(extension)];
        }
        else bytes = Encoding.UTF8.GetBytes(extension!);
        if (BitConverter.IsLittleEndian) Array.Reverse(bytes);
        return bytes;
    }

    private void EnsureReading()
    {
        if (_loop is not null) return;
        lock (_start) _loop ??= Task.Run(ReadLoop);
    }

    private async Task ReadLoop()
    {
        var batch = new List<PendingRead>();
        while (await _reads.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _reads.Reader.TryRead(out var next)) batch.Add(next);
            if (batch.Count == 0) continue;
            try
            {
                var found = await ReadBatchAsync(batch);
                for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(found[i]);
            }
            catch (Exception ex)
            {
                // Each activation fails and is retried by its caller's next call, as a failed single read would be.
                LogReadFailed(logger, batch.Count, ex);
                foreach (var p in batch) p.Done.TrySetException(ex);
            }
        }
    }

    private async Task<(byte[]? Payload, int Version)?[]> ReadBatchAsync(List<PendingRead> batch)
    {
        await using var cmd = db.CreateCommand(ReadSql);
        cmd.Parameters.AddWithValue("id_hashes", batch.ConvertAll(p => p.IdHash).ToArray());
        cmd.Parameters.AddWithValue("type_hashes", batch.ConvertAll(p => p.TypeHash).ToArray());
        cmd.Parameters.AddWithValue("grain_types", batch.ConvertAll(p => p.GrainType).ToArray());
        cmd.Parameters.AddWithValue("n1s", batch.ConvertAll(p => p.N1).ToArray());
        cmd.Parameters.Add(new NpgsqlParameter("extensions", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text)
            { Value = batch.ConvertAll(p => p.Extension).ToArray() });
        cmd.Parameters.AddWithValue("service_id", serviceId);
        var found = new (byte[]? Payload, int Version)?[batch.Count];
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var i = (int)reader.GetInt64(0) - 1;
            found[i] = (reader.IsDBNull(1) ? null : reader.GetFieldValue<byte[]>(1), reader.GetInt32(2));
        }
        return found;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gathered grain state read for {Grains} activating grains failed")]
    private static partial void LogReadFailed(ILogger logger, int grains, Exception ex);
}
