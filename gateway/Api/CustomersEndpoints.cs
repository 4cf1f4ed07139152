using Customer360.Contracts;
using Customer360.Domain.Profile;
using Customer360.Domain.Views;
using Customer360.Gateway.Audit;
using Customer360.Gateway.Localization;

namespace Customer360.Gateway.Api;

/// <summary>Reading profiles: <c>GET /api/v1/customers/{id}</c>.</summary>
public static class CustomersEndpoints
{
    public static IEndpointRouteBuilder MapCustomersApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/customers/{id}", GetAsync)
            .WithName("GetCustomer")
            .WithSummary("The panoramic profile of one customer, with its version; reasons in the language of Accept-Language or ?lang=en|zh.")
            .Produces<ProfileView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/api/v1/customers/by-msisdn/{msisdn}", GetByMsisdnAsync)
            .WithName("GetCustomerByMsisdn")
            .WithSummary("The profile of the customer who holds this phone number.")
            .Produces<ProfileView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> GetByMsisdnAsync(string msisdn, HttpContext http, IClusterClient cluster)
    {
        if (msisdn.Length is < 5 or > 15 || !msisdn.All(char.IsAsciiDigit))
            return Results.Problem(detail: "msisdn must be 5 to 15 digits", statusCode: StatusCodes.Status400BadRequest);
        var owners = await cluster.GetGrain<IMsisdnDirectoryGrain>(0).Resolve([msisdn]);
        return owners.TryGetValue(msisdn, out var customerId)
            ? await GetAsync(customerId, http, cluster)
            : Results.Problem(title: "Customer not found", detail: $"no customer has msisdn {Masking.Msisdn(msisdn)}", statusCode: StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> GetAsync(string id, HttpContext http, IClusterClient cluster)
    {
        if (id.Length > 64) return Results.Problem(detail: "customer id is longer than 64 characters", statusCode: StatusCodes.Status400BadRequest);
        var view = await cluster.GetGrain<ICustomerGrain>(id).GetView(ConsoleLanguage.Of(http));
        if (view is not null) http.AuditRead(id);
        return view is null
            ? Results.Problem(title: "Customer not found", detail: $"no customer {id} is registered", statusCode: StatusCodes.Status404NotFound)
            : Results.Ok(view);
    }
}
