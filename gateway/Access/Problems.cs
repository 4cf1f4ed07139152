namespace Customer360.Gateway.Access;

/// <summary>The gateway's problem answers (RFC 9457), worded once.</summary>
public static class Problems
{
    public static IResult NotFound(string detail) => Results.Problem(title: "Not found", detail: detail, statusCode: StatusCodes.Status404NotFound);

    public static IResult Forbidden(string detail) => Results.Problem(title: "Not allowed", detail: detail, statusCode: StatusCodes.Status403Forbidden);

    public static IResult BadRequest(string detail) => Results.Problem(title: "Bad request", detail: detail, statusCode: StatusCodes.Status400BadRequest);

    public static IResult Conflict(string detail) => Results.Problem(title: "Conflict", detail: detail, statusCode: StatusCodes.Status409Conflict);

    public static IResult NotSignedIn() => Results.Problem(title: "Sign in first", statusCode: StatusCodes.Status401Unauthorized);

    /// <summary>
    /// A customer outside the caller's scope, and (for everyone but admins) one that does not exist: the same
    /// status and words, so the answer never tells which ids exist.
    /// </summary>
    public static IResult OutOfScope(string customerId) => Forbidden($"customer {customerId} is outside your scope");

    /// <summary>As <see cref="OutOfScope"/> for a phone number, shown masked.</summary>
    public static IResult MsisdnOutOfScope(string maskedMsisdn) => Forbidden($"the customer with msisdn {maskedMsisdn} is outside your scope");
}
