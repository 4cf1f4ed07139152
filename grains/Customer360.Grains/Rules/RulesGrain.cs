using Customer360.Contracts.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Customer360.Contracts;
using Customer360.Domain.Rules;
using Customer360.Grains.Storage;
using Npgsql;

namespace Customer360.Grains.Rules;

/// <summary>
/// Holds the rule settings; every accepted change is written, with its history row (who, when, before, after),
/// before it is answered.
/// </summary>
public sealed class RulesGrain(
    [PersistentState("rules", StorageNames.Profiles)] IPersistentState<RulesState> state,
    [FromKeyedServices(Clocks.Business)] TimeProvider time,
    NpgsqlDataSource db) : Grain, IRulesGrain
{
    public Task<RuleSettings> Get() => Task.FromResult(state.State.Settings);

    public async Task<RulesUpdateResult> Update(RuleSettings settings, long? expectedVersion, string changedBy)
    {
        var current = state.State.Settings;
        if (expectedVersion is { } expected && expected != current.Version)
            return new RulesUpdateResult(current.Version,
                [$"version {expected} is not the current version {current.Version}; reload the settings and apply your change again"], Conflict: true);
        var errors = settings.Validate();
        if (errors.Count > 0) return new RulesUpdateResult(current.Version, [.. errors]);

        var next = settings with { Version = current.Version + 1 };
        var at = time.GetUtcNow();
        // History first: a change is never in force without its row. Should the store below fail, the row stays
        // above the version in force and is not listed; the next change of that version adds the row that is.
        await RulesHistoryWriter.WriteAsync(db, current, next, changedBy, at);
        var (previousBy, previousAt) = (state.State.ChangedBy, state.State.ChangedAt);
        try
        {
            state.State.Settings = next;
            state.State.ChangedBy = changedBy;
            state.State.ChangedAt = at;
            await state.WriteStateAsync();
        }
        catch
        {
            // Not stored: what this activation holds must stay what is in force.
            (state.State.Settings, state.State.ChangedBy, state.State.ChangedAt) = (current, previousBy, previousAt);
            throw;
        }
        return new RulesUpdateResult(state.State.Settings.Version, []);
    }
}
