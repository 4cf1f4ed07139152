using Microsoft.Extensions.Options;

namespace Customer360.Grains.Customers;

/// <summary>
/// Bounds the snapshot writes a silo runs at once. Profiles registered together come due together: without a
/// bound, a wave of a hundred thousand first snapshots would take every database connection, starve the
/// journal and fail in bulk. Writes past the bound wait their turn; the journal already holds the changes.
/// </summary>
public sealed class SnapshotGate(IOptions<CustomerGrainOptions> options)
{
    private readonly SemaphoreSlim _slots = new(options.Value.ConcurrentSnapshots);

    /// <summary>
    /// Runs <paramref name="write"/> once a slot is free. <paramref name="ct"/> gives up the wait and the write: a
    /// silo that is stopping does not queue behind a store that does not answer (the journal holds the changes).
    /// </summary>
    public async Task RunAsync(Func<CancellationToken, Task> write, CancellationToken ct = default)
    {
        await _slots.WaitAsync(ct);
        try
        {
            await write(ct);
        }
        finally
        {
            _slots.Release();
        }
    }
}
