using Customer360.Contracts;
using Customer360.Domain.Profile;

namespace Customer360.Gateway.Api;

/// <summary>Reading profiles: <c>GET /api/v1/customers/{id}</c>.</summary>
public static class CustomersEndpoints
{
    public static IEndpointRouteBuilder MapCustomersApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/customers/{id}", GetAsync)
            .WithName("GetCustomer")
            .WithSummary("The panoramic profile of one customer, with its version.")
            .Produces<ProfileView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> GetAsync(string id, IClusterClient cluster)
    {
        if (id.Length > 64) return Results.Problem(detail: "customer id is longer than 64 characters", statusCode: StatusCodes.Status400BadRequest);
        var view = await cluster.GetGrain<ICustomerGrain>(id).GetView();
        return view is null
            ? Results.Problem(title: "Customer not found", detail: $"no customer {id} is registered", statusCode: StatusCodes.Status404NotFound)
            : Results.Ok(view);
    }
}
