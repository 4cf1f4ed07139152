using Customer360.Contracts.Hosting;
using Customer360.Grains.Storage;
using Customer360.Grains.Storage.Roles;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Customer360.Grains.Hosting;

/// <summary>Applies the schema before the Orleans providers read their queries, when configured to.</summary>
internal sealed partial class SchemaBootstrapper(
    IConfiguration configuration, IOptions<StorageSettings> settings, ILogger<SchemaBootstrapper> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!settings.Value.ApplySchemaOnStart) return;
        IReadOnlyList<string> applied;
        try
        {
            applied = await SchemaMigrator.ApplyAsync(ConnectionStrings.Customer360(configuration),
                DatabaseRoleNames.From(configuration), cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            throw new InvalidOperationException(
                "Storage:ApplySchemaOnStart is on, but the silo's database role may not change the schema. Run " +
                "`Customer360.Silo migrate` as the owner role and set Storage:ApplySchemaOnStart=false.", e);
        }
        LogApplied(logger, applied.Count, string.Join(", ", applied));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Schema up to date; applied {Count} scripts now: {Scripts}")]
    private static partial void LogApplied(ILogger logger, int count, string scripts);
}
