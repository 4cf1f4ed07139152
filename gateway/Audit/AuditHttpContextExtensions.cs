namespace Customer360.Gateway.Audit;

/// <summary>Auditing a read from an endpoint in one line.</summary>
public static class AuditHttpContextExtensions
{
    /// <summary>
    /// Records that the caller read <paramref name="customerId"/>'s profile through this request's route, if the
    /// caller is a person (see <see cref="AuditLog.Record(System.Security.Claims.ClaimsPrincipal, string, string)"/>).
    /// </summary>
    public static bool AuditRead(this HttpContext http, string customerId) =>
        http.RequestServices.GetRequiredService<AuditLog>().Record(http.User, customerId, AuditLog.Through(http));
}
