using Customer360.Contracts;
using Customer360.Domain.Profile;
using Customer360.Domain.Views;
using Customer360.Gateway.Access;
using Customer360.Gateway.Audit;
using Customer360.Gateway.Auth;
using Customer360.Gateway.Localization;

namespace Customer360.Gateway.Api;

/// <summary>
/// Reading profiles: <c>GET /api/v1/customers/{id}</c> and by phone number. Signed-in people only, each within
/// their scope (ARCHITECTURE.md "Access"); a customer outside it is 403, and store staff see personal data masked.
/// </summary>
public static class CustomersEndpoints
{
    public static IEndpointRouteBuilder MapCustomersApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/customers/{id}", GetAsync)
            .WithName("GetCustomer")
            .WithSummary("The panoramic profile of one customer, with its version; reasons in the language of Accept-Language or ?lang=en|zh.")
            .WithDescription("Within the caller's scope: an account manager's portfolio, a phone manager's customers and alert owners, a supervisor's region, the customers identified in a store today for store staff (personal data masked), everyone for admins. Outside it: 403.")
            .Produces<ProfileView>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
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
        return await ResolveAsync(cluster, msisdn) is { } customerId
            ? await GetAsync(customerId, http, reader)
            : Problems.NotFound($"no customer has msisdn {Masking.Msisdn(msisdn)}");
    }

    private static async Task<IResult> GetAsync(string id, HttpContext http, CustomerReader reader)
    {
        if (id.Length > 64) return Problems.BadRequest("customer id is longer than 64 characters");
        if (http.User.ToViewer() is not { } viewer) return Problems.NotSignedIn();
        var read = await reader.ReadAsync(viewer, id, ConsoleLanguage.Of(http));
        return read.Status switch
        {
            CustomerReadStatus.NotFound => Problems.NotFound($"no customer {id} is registered"),
            CustomerReadStatus.Forbidden => Problems.OutOfScope(id),
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
