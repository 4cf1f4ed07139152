using Customer360.Contracts.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Customer360.Contracts;
using Customer360.Domain.Rules;
using Customer360.Grains.Storage;

namespace Customer360.Grains.Rules;

/// <summary>Holds the rule settings; every accepted change is written before it is answered.</summary>
public sealed class RulesGrain(
    [PersistentState("rules", StorageNames.Profiles)] IPersistentState<RulesState> state,
    [FromKeyedServices(Clocks.Business)] TimeProvider time) : Grain, IRulesGrain
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

        state.State.Settings = settings with { Version = current.Version + 1 };
        state.State.ChangedBy = changedBy;
        state.State.ChangedAt = time.GetUtcNow();
        await state.WriteStateAsync();
        return new RulesUpdateResult(state.State.Settings.Version, []);
    }
}
