using Npgsql;
using NpgsqlTypes;

namespace Customer360.Gateway.Users;

/// <summary>
/// The table <c>c360_users</c> (schema <c>010_users.sql</c>). Names are matched without regard to case through
/// <c>name_key</c>. Every statement is one round trip; the lockout counter is updated in the statement itself,
/// so gateways racing on one user never lose a failure.
/// </summary>
public sealed class UserStore(NpgsqlDataSource db)
{
    private const string Columns = """
        name, password_hash, role, store_id, manager_id, region, grants, stores, disabled, sessions_valid_after,
        failed_sign_ins, locked_until, demo, created_at, created_by, updated_at, updated_by
        """;

    public static string Key(string name) => name.ToLowerInvariant();

    public async Task<StoredUser?> FindAsync(string name, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"select {Columns} from c360_users where name_key = @key");
        cmd.Parameters.AddWithValue("key", Key(name));
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<StoredUser>> ListAsync(CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"select {Columns} from c360_users order by name_key");
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var users = new List<StoredUser>();
        while (await reader.ReadAsync(ct)) users.Add(Read(reader));
        return users;
    }

    /// <summary>Adds a user; false when the name (in any case) is taken.</summary>
    public async Task<bool> InsertAsync(string name, string passwordHash, UserScope scope, bool demo, string by, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            insert into c360_users (name_key, name, password_hash, role, store_id, manager_id, region, grants, stores, demo, created_by, updated_by)
            values (@key, @name, @hash, @role, @store, @manager, @region, @grants, @stores, @demo, @by, @by)
            on conflict (name_key) do nothing
            """);
        cmd.Parameters.AddWithValue("key", Key(name));
        cmd.Parameters.AddWithValue("name", name);
        cmd.Parameters.AddWithValue("hash", passwordHash);
        AddScope(cmd, scope);
        cmd.Parameters.AddWithValue("demo", demo);
        cmd.Parameters.AddWithValue("by", by);
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>The names already taken among <paramref name="names"/>, lower-cased.</summary>
    public async Task<IReadOnlySet<string>> ExistingAsync(IEnumerable<string> names, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("select name_key from c360_users where name_key = any(@keys)");
        cmd.Parameters.AddWithValue("keys", names.Select(Key).ToArray());
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var found = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct)) found.Add(reader.GetString(0));
        return found;
    }

    /// <summary>Sets role and scope; null when there is no such user.</summary>
    public Task<StoredUser?> UpdateScopeAsync(string name, UserScope scope, string by, CancellationToken ct) => UpdateAsync(name, by,
        "role = @role, store_id = @store, manager_id = @manager, region = @region, grants = @grants, stores = @stores",
        cmd => AddScope(cmd, scope), ct);

    /// <summary>
    /// Disables (ending every session from <paramref name="now"/> on) or enables a user; enabling also lifts a
    /// lockout. Null when there is no such user.
    /// </summary>
    public Task<StoredUser?> SetDisabledAsync(string name, bool disabled, DateTimeOffset now, string by, CancellationToken ct) => disabled
        ? UpdateAsync(name, by, "disabled = true, sessions_valid_after = @now", cmd => AddTime(cmd, "now", now), ct)
        : UpdateAsync(name, by, "disabled = false, failed_sign_ins = 0, locked_until = null", _ => { }, ct);

    /// <summary>
    /// A password reset by an administrator: the new hash, sessions issued before <paramref name="now"/> end, a
    /// lockout is lifted, and the user is no longer a demo user (nobody else knows the password now).
    /// </summary>
    public Task<StoredUser?> ResetPasswordAsync(string name, string passwordHash, DateTimeOffset now, string by, CancellationToken ct) =>
        UpdateAsync(name, by, "password_hash = @hash, sessions_valid_after = @now, failed_sign_ins = 0, locked_until = null, demo = false",
            cmd =>
            {
                cmd.Parameters.AddWithValue("hash", passwordHash);
                AddTime(cmd, "now", now);
            }, ct);

    /// <summary>
    /// Counts a failed sign-in. The <paramref name="maxFailures"/>th in a row locks the user until
    /// <paramref name="now"/> + <paramref name="lockFor"/> and starts the count again. Returns the lock's end, if locked.
    /// </summary>
    public async Task<DateTimeOffset?> RecordFailureAsync(string name, int maxFailures, DateTimeOffset now, TimeSpan lockFor, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            update c360_users set
                locked_until = case when failed_sign_ins + 1 >= @max then @until else locked_until end,
                failed_sign_ins = case when failed_sign_ins + 1 >= @max then 0 else failed_sign_ins + 1 end
            where name_key = @key
            returning locked_until
            """);
        cmd.Parameters.AddWithValue("key", Key(name));
        cmd.Parameters.AddWithValue("max", maxFailures);
        AddTime(cmd, "until", now + lockFor);
        var until = await cmd.ExecuteScalarAsync(ct);
        return until is DateTime at && at > now.UtcDateTime ? new DateTimeOffset(at, TimeSpan.Zero) : null;
    }

    /// <summary>A successful sign-in: the failure count starts again, and an outdated hash is replaced.</summary>
    public async Task RecordSuccessAsync(string name, string? rehashed, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            update c360_users set failed_sign_ins = 0, locked_until = null, password_hash = coalesce(@hash, password_hash)
            where name_key = @key and (failed_sign_ins <> 0 or locked_until is not null or @hash is not null)
            """);
        cmd.Parameters.AddWithValue("key", Key(name));
        cmd.Parameters.Add(new NpgsqlParameter("hash", NpgsqlDbType.Text) { Value = (object?)rehashed ?? DBNull.Value });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>What every gateway needs to refuse old tokens: each user's disabled flag, session start and demo flag.</summary>
    public async Task<IReadOnlyDictionary<string, UserState>> StatesAsync(CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("select name_key, disabled, sessions_valid_after, demo from c360_users");
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var states = new Dictionary<string, UserState>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
            states[reader.GetString(0)] = new UserState(reader.GetBoolean(1), Time(reader, 2), reader.GetBoolean(3));
        return states;
    }

    private async Task<StoredUser?> UpdateAsync(string name, string by, string set, Action<NpgsqlCommand> parameters, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"""
            update c360_users set {set}, updated_at = now(), updated_by = @by
            where name_key = @key
            returning {Columns}
            """);
        cmd.Parameters.AddWithValue("key", Key(name));
        cmd.Parameters.AddWithValue("by", by);
        parameters(cmd);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read(reader) : null;
    }

    private static void AddScope(NpgsqlCommand cmd, UserScope scope)
    {
        cmd.Parameters.AddWithValue("role", scope.Role);
        cmd.Parameters.Add(new NpgsqlParameter("store", NpgsqlDbType.Text) { Value = (object?)scope.StoreId ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("manager", NpgsqlDbType.Text) { Value = (object?)scope.ManagerId ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("region", NpgsqlDbType.Text) { Value = (object?)scope.Region ?? DBNull.Value });
        cmd.Parameters.AddWithValue("grants", scope.Grants.ToArray());
        cmd.Parameters.AddWithValue("stores", scope.Stores.ToArray());
    }

    private static void AddTime(NpgsqlCommand cmd, string name, DateTimeOffset at) =>
        cmd.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.TimestampTz) { Value = at.UtcDateTime });

    // '-infinity' (never reset) reads as the earliest instant.
    private static DateTimeOffset Time(NpgsqlDataReader reader, int i)
    {
        var at = reader.GetFieldValue<DateTime>(i);
        return at == DateTime.MinValue ? DateTimeOffset.MinValue : new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc));
    }

    private static StoredUser Read(NpgsqlDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        new UserScope(r.GetString(2), Text(r, 3), Text(r, 4), Text(r, 5), r.GetFieldValue<string[]>(6), r.GetFieldValue<string[]>(7)),
        r.GetBoolean(8),
        Time(r, 9),
        r.GetInt32(10),
        r.IsDBNull(11) ? null : Time(r, 11),
        r.GetBoolean(12),
        Time(r, 13),
        r.GetString(14),
        Time(r, 15),
        r.GetString(16));

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
