using System.Security.Claims;
using Customer360.Gateway.Audit;
using Customer360.Gateway.Auth;

namespace Customer360.Gateway.Access;

/// <summary>
/// Every refusal of a person is audited (who, in which role, which customer if one was named, through what, and
/// why, as <c>denied: …</c>), on REST and on the hub alike. Never a phone number: a refusal of a number records
/// no customer.
/// </summary>
public static class AccessDenials
{
    /// <summary>Records that the signed-in person was refused <paramref name="customerId"/> ("" for none) through this request's route.</summary>
    public static void AuditDenied(this HttpContext http, string customerId, string why) =>
        Record(http.RequestServices.GetRequiredService<AuditLog>(), http.User, customerId, AuditLog.Through(http), why);

    /// <summary>Records the refusal and answers it: the one line an endpoint needs.</summary>
    public static IResult Denied(this HttpContext http, string customerId, string why, IResult answer)
    {
        http.AuditDenied(customerId, why);
        return answer;
    }

    /// <summary>Records a refusal of <paramref name="user"/>; producers and anonymous callers are not audited.</summary>
    public static void Record(AuditLog audit, ClaimsPrincipal user, string customerId, string through, string why)
    {
        if (user.ToViewer() is not { IsPerson: true } viewer) return;
        audit.Record(new AuditEntry(TimeProvider.System.GetUtcNow(), viewer.Name, viewer.Role, customerId, through, $"denied: {why}", AuditKinds.Denied));
    }
}
