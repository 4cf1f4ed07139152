namespace Customer360.Gateway.Auth;

/// <summary><c>POST /api/v1/auth/token</c>: user name and password → bearer token with role and scope.</summary>
public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/auth/token", (SignInRequest? request, TokenIssuer issuer) =>
            {
                if (request is not { UserName.Length: > 0, Password.Length: > 0 })
                    return Results.Problem(detail: "userName and password are required", statusCode: StatusCodes.Status400BadRequest);
                return issuer.Issue(request.UserName, request.Password) is { } token
                    ? Results.Ok(token)
                    : Results.Problem(title: "Sign-in refused", detail: "unknown user name or wrong password", statusCode: StatusCodes.Status401Unauthorized);
            })
            .WithName("SignIn")
            .WithSummary("Sign in: returns a bearer token carrying the user's role and scope (store, manager, region).")
            .Produces<SignedToken>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .AllowAnonymous();
        return app;
    }
}
