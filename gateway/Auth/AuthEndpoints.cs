using System.Text.Json;
using Customer360.Gateway.Users;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Customer360.Gateway.Auth;

/// <summary>
/// <c>POST /api/v1/auth/token</c>: user name and password → bearer token with role and scope. Hardened: a body
/// over <see cref="SignInOptions.MaxBodyBytes"/> is 413 unread, rate limits per address and per user name answer
/// 429, a locked user 423, both with Retry-After; every attempt is audited.
/// </summary>
public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var maxBody = app.ServiceProvider.GetRequiredService<IOptions<SignInOptions>>().Value.MaxBodyBytes;
        app.MapPost("/api/v1/auth/token", SignInAsync)
            .WithName("SignIn")
            .WithSummary("Sign in: returns a bearer token carrying the user's role and scope (store, manager, region).")
            .WithDescription("Body { userName, password }, at most Auth:SignIn:MaxBodyBytes (413 beyond). 401: unknown user, wrong " +
                "password, disabled user. 423 with Retry-After and lockedUntil: too many wrong passwords in a row (Auth:SignIn:MaxFailures). " +
                "429 with Retry-After: too many attempts from this address or for this user name (Auth:SignIn:PerAddressPermits, PerUserPermits).")
            .Accepts<SignInRequest>("application/json")
            .Produces<SignedToken>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status423Locked)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithMetadata(new RequestSizeLimitAttribute(maxBody))
            .AllowAnonymous();
        return app;
    }

    private static async Task<IResult> SignInAsync(HttpContext http, SignInService signIn, SignInLimiter limiter)
    {
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (limiter.AddressRetryAfter(address) is { } addressWait)
        {
            signIn.AuditRefusal(null, "rate-limited: too many attempts from this address", address);
            return TooMany(http, addressWait, "too many sign-in attempts from this address");
        }

        SignInRequest? request;
        try
        {
            request = await http.Request.ReadFromJsonAsync<SignInRequest>(http.RequestAborted);
        }
        catch (JsonException)
        {
            return Results.Problem(detail: "the body must be JSON: { \"userName\": \"…\", \"password\": \"…\" }", statusCode: StatusCodes.Status400BadRequest);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            signIn.AuditRefusal(null, "body too large", address);
            return Results.Problem(title: "Too large", detail: "the sign-in body is larger than Auth:SignIn:MaxBodyBytes",
                statusCode: StatusCodes.Status413PayloadTooLarge);
        }
        catch (InvalidOperationException)
        {
            return Results.Problem(detail: "the body must be JSON (Content-Type: application/json)", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }
        if (request is not { UserName.Length: > 0, Password.Length: > 0 })
            return Results.Problem(detail: "userName and password are required", statusCode: StatusCodes.Status400BadRequest);

        if (limiter.UserRetryAfter(request.UserName) is { } userWait)
        {
            signIn.AuditRefusal(request.UserName, "rate-limited: too many attempts for this user name", address);
            return TooMany(http, userWait, "too many sign-in attempts for this user name");
        }
        // A user store outage reaches StoreUnavailableHandler: 503 with Retry-After.
        var outcome = await signIn.SignInAsync(request.UserName, request.Password, address, http.RequestAborted);
        if (outcome.Token is { } token) return Results.Ok(token);
        if (outcome.LockedUntil is { } until)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling((until - DateTimeOffset.UtcNow).TotalSeconds));
            http.Response.Headers.RetryAfter = SignInLimiter.RetryAfterHeader(seconds);
            return Results.Problem(title: "Account locked", statusCode: StatusCodes.Status423Locked,
                detail: $"too many wrong passwords in a row; try again after {until:u}",
                extensions: new Dictionary<string, object?> { ["lockedUntil"] = until });
        }
        return Results.Problem(title: "Sign-in refused", detail: "unknown user name or wrong password", statusCode: StatusCodes.Status401Unauthorized);
    }

    private static IResult TooMany(HttpContext http, int seconds, string detail)
    {
        http.Response.Headers.RetryAfter = SignInLimiter.RetryAfterHeader(seconds);
        return Results.Problem(title: "Too many sign-in attempts", detail: $"{detail}; try again in {seconds} s",
            statusCode: StatusCodes.Status429TooManyRequests);
    }
}
