using System.Text.Json;
using Customer360.Domain;
using Customer360.Domain.Rules;
using Npgsql;

namespace Customer360.Grains.Rules;

/// <summary>Writes a rules change into <c>c360_rules_history</c> (schema 012): who, when, before and after.</summary>
public static class RulesHistoryWriter
{
    // Append-only: a row left by a change whose store then failed stays, above the version in force and so unlisted;
    // the next change of that version adds a newer row (012_rules_history.sql).
    private const string InsertSql = """
        insert into c360_rules_history (version, changed_at, changed_by, before, after)
        values (@version, @changed_at, @changed_by, @before::jsonb, @after::jsonb)
        """;

    public static async Task WriteAsync(NpgsqlDataSource db, RuleSettings before, RuleSettings after, string changedBy, DateTimeOffset at)
    {
        await using var cmd = db.CreateCommand(InsertSql);
        cmd.Parameters.AddWithValue("version", after.Version);
        cmd.Parameters.AddWithValue("changed_at", at.UtcDateTime);
        cmd.Parameters.AddWithValue("changed_by", changedBy);
        cmd.Parameters.AddWithValue("before", JsonSerializer.Serialize(before, DomainJson.Options));
        cmd.Parameters.AddWithValue("after", JsonSerializer.Serialize(after, DomainJson.Options));
        await cmd.ExecuteNonQueryAsync();
    }
}
