using Customer360.Contracts;
using Customer360.Domain.Access;
using Customer360.Domain.Profile;
using Customer360.Domain.Views;
using Customer360.Gateway.Access;
using Customer360.Gateway.Audit;
using Customer360.Gateway.Auth;
using Customer360.Gateway.Erasure;
using Customer360.Gateway.Localization;
using Npgsql;

namespace Customer360.Gateway.Api;

/// <summary>
/// Reading profiles: <c>GET /api/v1/customers/{id}</c> and by phone number. Signed-in people only, each within
/// their scope (ARCHITECTURE.md "Access"); a customer outside it is 403, and store staff see personal data masked.
/// For everyone but admins an unknown id or number is answered exactly like one outside the scope, and no profile
/// is loaded before the right to it is decided (<see cref="CustomerReader"/>).
/// </summary>
public static class CustomersEndpoints
{
    public static IEndpointRouteBuilder MapCustomersApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/customers/{id}", GetAsync)
            .WithName("GetCustomer")
            .WithSummary("The panoramic profile of one customer, with its version; reasons in the language of Accept-Language or ?lang=en|zh.")
            .WithDescription("Within the caller's scope: an account manager's portfolio, a phone manager's customers and alert owners, a supervisor's region, the customers identified in a store today for store staff (personal data masked), everyone for admins. Outside it, and for an unknown id: 403 with the same words (admins: 404 for an unknown id). A malformed id: 400.")
            .Produces<ProfileView>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .RequireAuthorization(Roles.StaffPolicy);
        app.MapGet("/api/v1/customers/by-msisdn/{msisdn}", GetByMsisdnAsync)
            .WithName("GetCustomerByMsisdn")
            .WithSummary("The profile of the customer who holds this phone number, within the caller's scope.")
            .Produces<ProfileView>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Roles.StaffPolicy);
        return app;
    }

    private static async Task<IResult> GetByMsisdnAsync(string msisdn, HttpContext http, IClusterClient cluster, CustomerReader reader)
    {
        if (!IsMsisdn(msisdn)) return Problems.BadRequest("msisdn must be 5 to 15 digits");
        if (http.User.ToViewer() is not { } viewer) return Problems.NotSignedIn();
        var masked = Masking.Msisdn(msisdn);
        if (await ResolveAsync(cluster, msisdn) is not { } customerId)
            return viewer.IsAdmin
                ? Problems.NotFound($"no customer has msisdn {masked}")
                : http.Denied("", "no customer has the msisdn asked for", Problems.MsisdnOutOfScope(masked));
        var read = await reader.ReadAsync(viewer, customerId, ConsoleLanguage.Of(http));
        return read.Status switch
        {
            CustomerReadStatus.NotFound => Problems.NotFound($"no customer has msisdn {masked}"),
            CustomerReadStatus.Forbidden => http.Denied(read.Facts is null ? "" : customerId, $"by msisdn: {read.Why}", Problems.MsisdnOutOfScope(masked)),
            _ => await AuditedAsync(http, customerId, read.View),
        };
    }

    private static async Task<IResult> GetAsync(string id, HttpContext http, CustomerReader reader, NpgsqlDataSource db)
    {
        if (!Ids.IsId(id)) return Problems.BadRequest(Ids.Rule("customer id"));
        if (http.User.ToViewer() is not { } viewer) return Problems.NotSignedIn();
        var read = await reader.ReadAsync(viewer, id, ConsoleLanguage.Of(http));
        // Only a read that found no customer asks for a tombstone: an erased customer is gone for everyone.
        if (read.Status != CustomerReadStatus.Allowed && read.View is null && await Tombstones.IsErasedAsync(db, id)) return Tombstones.Gone(id);
        return read.Status switch
        {
            CustomerReadStatus.NotFound => Problems.NotFound($"no customer {id} is registered"),
            CustomerReadStatus.Forbidden => http.Denied(id, read.Why ?? "outside scope", Problems.OutOfScope(id)),
            _ => await AuditedAsync(http, id, read.View),
        };
    }

    // Committed to the audit log before it is answered (a 503 if it cannot be).
    private static async Task<IResult> AuditedAsync(HttpContext http, string customerId, object? view)
    {
        await http.AuditReadAsync(customerId);
        return Results.Ok(view);
    }

    public static bool IsMsisdn(string? msisdn) => msisdn is { Length: >= 5 and <= 15 } && msisdn.All(char.IsAsciiDigit);

    /// <summary>The customer holding the number, from the MSISDN index.</summary>
    public static async Task<string?> ResolveAsync(IClusterClient cluster, string msisdn)
    {
        var owners = await cluster.GetGrain<IMsisdnDirectoryGrain>(0).Resolve([msisdn]);
        return owners.TryGetValue(msisdn, out var customerId) ? customerId : null;
    }
}
