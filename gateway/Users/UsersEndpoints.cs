using System.Security.Claims;
using Customer360.Gateway.Access;
using Customer360.Gateway.Audit;
using Customer360.Gateway.Auth;

namespace Customer360.Gateway.Users;

/// <summary>
/// <c>/api/v1/users</c>: administrators list, create, re-scope, disable, enable and reset the password of users.
/// Hashes never leave; every change is audited (customer "", through "user created", "user updated", ...).
/// Disabling and resetting end the user's sessions on every gateway within <see cref="AuthOptions.UserStateRefresh"/>.
/// </summary>
public static class UsersEndpoints
{
    private const string Route = "/api/v1/users";

    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup(Route).RequireAuthorization(Roles.AdminPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        users.MapGet("", ListAsync).WithName("ListUsers").WithSummary("Every user, without passwords or hashes.")
            .Produces<UserView[]>();
        users.MapPost("", CreateAsync).WithName("CreateUser")
            .WithSummary("Creates a user: userName, password (12 to 256 characters), role and the scope the role needs.")
            .WithDescription("store: storeId and region; account-manager, phone-manager: managerId; supervisor: region; admin: none; " +
                "ingest: grants (usage, master-data, store-systems) and stores. 400 names the bad field; 409 when the name is taken (in any case).")
            .Produces<UserView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        users.MapPut("/{userName}", UpdateAsync).WithName("UpdateUser").WithSummary("Replaces a user's role and scope.")
            .Produces<UserView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        users.MapPost("/{userName}/disable", (string userName, HttpContext http, UserStore store, AuditLog audit, CancellationToken ct) =>
                SetDisabledAsync(userName, true, http, store, audit, ct))
            .WithName("DisableUser").WithSummary("Disables a user: no sign-in; their tokens and console connections end within the refresh period.")
            .Produces<UserView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        users.MapPost("/{userName}/enable", (string userName, HttpContext http, UserStore store, AuditLog audit, CancellationToken ct) =>
                SetDisabledAsync(userName, false, http, store, audit, ct))
            .WithName("EnableUser").WithSummary("Enables a user again, and lifts a sign-in lockout. Tokens from before the disable stay refused.")
            .Produces<UserView>().ProducesProblem(StatusCodes.Status404NotFound);
        users.MapPost("/{userName}/password", ResetPasswordAsync).WithName("ResetUserPassword")
            .WithSummary("Sets a new password (12 to 256 characters), ends the user's sessions and lifts a lockout.")
            .Produces<UserView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> ListAsync(UserStore store, CancellationToken ct) =>
        await Guard(async () => Results.Ok((await store.ListAsync(ct)).Select(u => u.ToView())));

    private static async Task<IResult> CreateAsync(CreateUserRequest? request, HttpContext http, UserStore store, UserPasswords passwords,
        AuditLog audit, CancellationToken ct)
    {
        if (request is null) return Problems.BadRequest("a JSON body is required");
        var problems = new Dictionary<string, string[]>();
        UserRules.CheckName(request.UserName, problems);
        UserRules.CheckPassword(request.Password, problems);
        var scope = UserRules.Normalize(request.Role, request.StoreId, request.ManagerId, request.Region, request.Grants, request.Stores);
        UserRules.CheckScope(scope, problems);
        if (problems.Count > 0) return Results.ValidationProblem(problems, title: "The user is not valid");
        return await Guard(async () =>
        {
            var admin = AdminName(http);
            if (!await store.InsertAsync(request.UserName!, passwords.Hash(request.Password!), scope, demo: false, admin, ct))
                return Problems.Conflict($"a user named '{request.UserName}' exists already (names ignore case)");
            Audit(audit, http, "user created", $"user {request.UserName}: {Describe(scope)}");
            var created = (await store.FindAsync(request.UserName!, ct))!.ToView();
            return Results.Created($"{Route}/{Uri.EscapeDataString(created.UserName)}", created);
        });
    }

    private static async Task<IResult> UpdateAsync(string userName, UpdateUserRequest? request, HttpContext http, UserStore store,
        AuditLog audit, CancellationToken ct)
    {
        if (request is null) return Problems.BadRequest("a JSON body is required");
        var problems = new Dictionary<string, string[]>();
        var scope = UserRules.Normalize(request.Role, request.StoreId, request.ManagerId, request.Region, request.Grants, request.Stores);
        UserRules.CheckScope(scope, problems);
        // An administrator who demoted themselves could leave nobody to undo it.
        if (IsSelf(http, userName) && scope.Role != Roles.Admin) problems["role"] = ["you cannot change your own role"];
        if (problems.Count > 0) return Results.ValidationProblem(problems, title: "The user is not valid");
        return await Guard(async () =>
        {
            var before = await store.FindAsync(userName, ct);
            if (before is null) return NoSuchUser(userName);
            var after = await store.UpdateScopeAsync(userName, scope, AdminName(http), ct);
            if (after is null) return NoSuchUser(userName);
            Audit(audit, http, "user updated", $"user {after.Name}: {Describe(before.Scope)} -> {Describe(scope)}");
            return Results.Ok(after.ToView());
        });
    }

    private static async Task<IResult> SetDisabledAsync(string userName, bool disabled, HttpContext http, UserStore store, AuditLog audit,
        CancellationToken ct)
    {
        if (disabled && IsSelf(http, userName))
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["userName"] = ["you cannot disable yourself"] });
        return await Guard(async () =>
        {
            var user = await store.SetDisabledAsync(userName, disabled, DateTimeOffset.UtcNow, AdminName(http), ct);
            if (user is null) return NoSuchUser(userName);
            Audit(audit, http, disabled ? "user disabled" : "user enabled",
                disabled ? $"user {user.Name}: disabled, sessions ended" : $"user {user.Name}: enabled, lockout lifted");
            return Results.Ok(user.ToView());
        });
    }

    private static async Task<IResult> ResetPasswordAsync(string userName, PasswordRequest? request, HttpContext http, UserStore store,
        UserPasswords passwords, AuditLog audit, CancellationToken ct)
    {
        var problems = new Dictionary<string, string[]>();
        UserRules.CheckPassword(request?.Password, problems);
        if (problems.Count > 0) return Results.ValidationProblem(problems, title: "The password is not acceptable");
        return await Guard(async () =>
        {
            var user = await store.ResetPasswordAsync(userName, passwords.Hash(request!.Password!), DateTimeOffset.UtcNow, AdminName(http), ct);
            if (user is null) return NoSuchUser(userName);
            Audit(audit, http, "user password reset", $"user {user.Name}: password reset, sessions ended");
            return Results.Ok(user.ToView());
        });
    }

    // A store outage is not caught here: it reaches StoreUnavailableHandler, which answers 503 with Retry-After as
    // for every other route.
    private static Task<IResult> Guard(Func<Task<IResult>> action) => action();

    private static IResult NoSuchUser(string userName) => Problems.NotFound($"there is no user named '{userName}'");

    private static string AdminName(HttpContext http) => http.User.FindFirstValue(ClaimTypes.Name) ?? "unknown";

    private static bool IsSelf(HttpContext http, string userName) =>
        string.Equals(AdminName(http), userName, StringComparison.OrdinalIgnoreCase);

    private static void Audit(AuditLog audit, HttpContext http, string through, string detail) =>
        audit.Record(new AuditEntry(DateTimeOffset.UtcNow, AdminName(http), http.User.FindFirstValue(ClaimTypes.Role) ?? Roles.Admin, "",
            through, detail, AuditKinds.User));

    /// <summary>Role and scope in a few words, for the audit log: never a password.</summary>
    public static string Describe(UserScope s)
    {
        var parts = new List<string> { $"role={s.Role}" };
        if (s.StoreId is not null) parts.Add($"store={s.StoreId}");
        if (s.ManagerId is not null) parts.Add($"manager={s.ManagerId}");
        if (s.Region is not null) parts.Add($"region={s.Region}");
        if (s.Grants.Count > 0) parts.Add($"grants={string.Join('|', s.Grants)}");
        if (s.Stores.Count > 0) parts.Add($"stores={string.Join('|', s.Stores)}");
        return string.Join(' ', parts);
    }
}
