using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Customer360.Testing;

namespace Customer360.EndToEnd.Tests;

/// <summary>The administrators' users API over real HTTP and PostgreSQL: create, list, re-scope, disable, reset; its refusals; its audit.</summary>
[Collection(SystemCollection.Name)]
public sealed class UsersApiTests(SystemFixture system)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task an_administrator_creates_a_user_who_then_signs_in_with_the_role_and_scope_given()
    {
        var name = UserAdmin.NewName("Store");
        using var created = await system.Admin.PostAsJsonAsync("/api/v1/users",
            new { userName = name, password = UserAdmin.Password, role = "store", storeId = "S07", region = "south" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadAsStringAsync();
        Assert.DoesNotContain("hash", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(UserAdmin.Password, body);
        var user = JsonDocument.Parse(body).RootElement;
        Assert.Equal((name, "store", "S07", "south", "admin"), (user.GetProperty("userName").GetString(), user.GetProperty("role").GetString(),
            user.GetProperty("storeId").GetString(), user.GetProperty("region").GetString(), user.GetProperty("createdBy").GetString()));

        var list = await system.Admin.GetFromJsonAsync<JsonElement[]>("/api/v1/users");
        Assert.Contains(list!, u => u.GetProperty("userName").GetString() == name);
        Assert.All(list!, u => Assert.DoesNotContain(u.EnumerateObject(), p => p.Name.Contains("hash", StringComparison.OrdinalIgnoreCase)
            || p.Name.Contains("password", StringComparison.OrdinalIgnoreCase)));
        // Identity's V3 hashes start with these bytes in base64, whatever the password.
        Assert.DoesNotContain("AQAAAA", JsonSerializer.Serialize(list));

        // Sign-in ignores the case of the name.
        var token = await UserAdmin.TokenAsync(system.Gateway, name.ToUpperInvariant());
        var claims = UserAdmin.Payload(token);
        Assert.Equal(("store", "S07", "south"), (claims.GetProperty(System.Security.Claims.ClaimTypes.Role).GetString(),
            claims.GetProperty("c360:store").GetString(), claims.GetProperty("c360:region").GetString()));
        Assert.True(claims.TryGetProperty("iat", out _));
    }

    [Fact]
    public async Task passwords_are_kept_as_salted_slow_hashes_never_as_text()
    {
        var first = await UserAdmin.CreateAsync(system.Admin, "hash", "supervisor", region: "north");
        var second = await UserAdmin.CreateAsync(system.Admin, "hash", "supervisor", region: "north");
        var hashes = new[]
        {
            await system.Db.ScalarAsync<string>($"select password_hash from c360_users where name_key = '{first}'"),
            await system.Db.ScalarAsync<string>($"select password_hash from c360_users where name_key = '{second}'"),
        };
        Assert.NotEqual(hashes[0], hashes[1]);
        foreach (var hash in hashes)
        {
            Assert.DoesNotContain(UserAdmin.Password, hash);
            // Identity's format V3: marker 1, PRF (2 = HMAC-SHA512), iterations, salt length, all big-endian.
            var bytes = Convert.FromBase64String(hash);
            Assert.Equal(1, bytes[0]);
            Assert.Equal(2u, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1)));
            Assert.True(System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5)) >= 210_000);
            Assert.Equal(16u, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(9)));
        }
    }

    public static TheoryData<string, object> BadUsers => new()
    {
        { "role", new { userName = "bad-role", password = UserAdmin.Password, role = "root" } },
        { "region", new { userName = "no-region", password = UserAdmin.Password, role = "store", storeId = "S01" } },
        { "storeId", new { userName = "no-store", password = UserAdmin.Password, role = "store", region = "north" } },
        { "managerId", new { userName = "no-manager", password = UserAdmin.Password, role = "account-manager" } },
        { "region", new { userName = "sup-nowhere", password = UserAdmin.Password, role = "supervisor" } },
        { "managerId", new { userName = "admin-scoped", password = UserAdmin.Password, role = "admin", managerId = "AM01" } },
        { "grants", new { userName = "bad-grant", password = UserAdmin.Password, role = "ingest", grants = new[] { "everything" } } },
        { "grants", new { userName = "store-grant", password = UserAdmin.Password, role = "store", storeId = "S01", region = "north", grants = new[] { "usage" } } },
        { "password", new { userName = "short-pass", password = "demo123", role = "admin" } },
        { "password", new { userName = "long-pass", password = new string('x', 257), role = "admin" } },
        { "userName", new { userName = "has space", password = UserAdmin.Password, role = "admin" } },
        { "userName", new { userName = "", password = UserAdmin.Password, role = "admin" } },
    };

    [Theory]
    [MemberData(nameof(BadUsers))]
    public async Task a_bad_user_is_refused_with_400_naming_the_field(string field, object user)
    {
        using var response = await system.Admin.PostAsJsonAsync("/api/v1/users", user);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
    }

    [Fact]
    public async Task a_taken_name_in_any_case_is_409_and_unknown_users_are_404()
    {
        var name = await UserAdmin.CreateAsync(system.Admin, "dup", "admin");
        using var again = await system.Admin.PostAsJsonAsync("/api/v1/users",
            new { userName = name.ToUpperInvariant(), password = UserAdmin.Password, role = "admin" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        using var update = await system.Admin.PutAsJsonAsync("/api/v1/users/nobody-here", new { role = "admin" });
        Assert.Equal(HttpStatusCode.NotFound, update.StatusCode);
        foreach (var action in new[] { "disable", "enable" })
            Assert.Equal(HttpStatusCode.NotFound, (await system.Admin.PostAsync($"/api/v1/users/nobody-here/{action}", null)).StatusCode);
        using var reset = await system.Admin.PostAsJsonAsync("/api/v1/users/nobody-here/password", new { password = UserAdmin.Password });
        Assert.Equal(HttpStatusCode.NotFound, reset.StatusCode);
    }

    [Fact]
    public async Task only_administrators_manage_users()
    {
        using var anonymous = system.Gateway.CreateHttpClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/users")).StatusCode);
        foreach (var user in new[] { "am01", "pm01", "store01", "sup-north", "feed" })
        {
            using var http = UserAdmin.Client(system.Gateway, await system.Gateway.SignInAsync(user));
            Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync("/api/v1/users")).StatusCode);
            using var create = await http.PostAsJsonAsync("/api/v1/users", new { userName = "sneaky", password = UserAdmin.Password, role = "admin" });
            Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await http.PostAsync("/api/v1/users/admin/disable", null)).StatusCode);
        }
        Assert.Equal(0, await system.Db.ScalarAsync<long>("select count(*) from c360_users where name_key = 'sneaky'"));
    }

    [Fact]
    public async Task a_new_scope_applies_from_the_next_sign_in_and_every_change_is_audited_without_the_password()
    {
        var name = await UserAdmin.CreateAsync(system.Admin, "moved", "account-manager", managerId: "AM07");
        using var update = await system.Admin.PutAsJsonAsync($"/api/v1/users/{name}", new { role = "phone-manager", managerId = "PM07" });
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        var claims = UserAdmin.Payload(await UserAdmin.TokenAsync(system.Gateway, name));
        Assert.Equal(("phone-manager", "PM07"), (claims.GetProperty(System.Security.Claims.ClaimTypes.Role).GetString(), claims.GetProperty("c360:manager").GetString()));

        const string newPassword = "another long passphrase";
        Assert.Equal(HttpStatusCode.OK, (await system.Admin.PostAsync($"/api/v1/users/{name}/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await system.Admin.PostAsync($"/api/v1/users/{name}/enable", null)).StatusCode);
        using var reset = await system.Admin.PostAsJsonAsync($"/api/v1/users/{name}/password", new { password = newPassword });
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await UserAdmin.SignInAsync(system.Gateway, name, UserAdmin.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await UserAdmin.SignInAsync(system.Gateway, name, newPassword)).StatusCode);

        string[] changes = ["user created", "user updated", "user disabled", "user enabled", "user password reset"];
        var rows = await Eventually.GetAsync(async () => await system.Db.ScalarAsync<long>(
                $"select count(distinct through) from c360_audit where customer_id = '' and user_name = 'admin' and detail like 'user {name}:%' " +
                $"and through in ('{string.Join("','", changes)}')"),
            n => n == changes.Length, Wait, "every change of the user audited");
        Assert.Equal(changes.Length, rows);
        Assert.Equal($"user {name}: role=account-manager manager=AM07 -> role=phone-manager manager=PM07", await system.Db.ScalarAsync<string>(
            $"select detail from c360_audit where through = 'user updated' and detail like 'user {name}:%'"));
        Assert.Equal(0, await system.Db.ScalarAsync<long>(
            $"select count(*) from c360_audit where detail like '%{UserAdmin.Password}%' or detail like '%{newPassword}%'"));
    }

    [Fact]
    public async Task an_administrator_may_not_disable_or_demote_themselves()
    {
        var name = await UserAdmin.CreateAsync(system.Admin, "self", "admin");
        using var self = UserAdmin.Client(system.Gateway, await UserAdmin.TokenAsync(system.Gateway, name));
        using var disable = await self.PostAsync($"/api/v1/users/{name}/disable", null);
        Assert.Equal(HttpStatusCode.BadRequest, disable.StatusCode);
        using var demote = await self.PutAsJsonAsync($"/api/v1/users/{name}", new { role = "supervisor", region = "north" });
        Assert.Equal(HttpStatusCode.BadRequest, demote.StatusCode);
        Assert.Contains("own role", await demote.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task producers_get_one_claim_per_grant_and_per_store_in_their_tokens()
    {
        var name = await UserAdmin.CreateAsync(system.Admin, "mediation", "ingest", grants: ["usage", "store-systems"], stores: ["S07", "S08"]);
        var claims = UserAdmin.Payload(await UserAdmin.TokenAsync(system.Gateway, name));
        Assert.Equal(["store-systems", "usage"], UserAdmin.Values(claims, "c360:grant").Order());
        Assert.Equal(["S07", "S08"], UserAdmin.Values(claims, "c360:producer-store").Order());

        var feed = UserAdmin.Payload(await system.Gateway.SignInAsync("feed"));
        Assert.Equal(["master-data", "store-systems", "usage"], UserAdmin.Values(feed, "c360:grant").Order());
        Assert.Equal(["S01"], UserAdmin.Values(feed, "c360:producer-store"));
        var store = UserAdmin.Payload(await system.Gateway.SignInAsync("store01"));
        Assert.Equal(("S01", "north"), (store.GetProperty("c360:store").GetString(), store.GetProperty("c360:region").GetString()));
        Assert.Empty(UserAdmin.Values(store, "c360:grant"));
    }
}
