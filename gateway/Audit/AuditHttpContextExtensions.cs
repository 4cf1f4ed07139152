using Customer360.Domain.Views;
using Customer360.Domain.WorkOrders;

namespace Customer360.Gateway.Audit;

/// <summary>Auditing what an endpoint answers in one line, before answering it.</summary>
public static class AuditHttpContextExtensions
{
    /// <summary>
    /// Queues a record that the caller read <paramref name="customerId"/>'s profile through this request's route,
    /// without waiting for its commit; prefer <see cref="AuditReadAsync"/> for anything answered with personal data.
    /// </summary>
    public static bool AuditRead(this HttpContext http, string customerId) =>
        http.RequestServices.GetRequiredService<AuditLog>().Record(http.User, customerId, AuditLog.Through(http));

    /// <summary>
    /// Records that the caller read <paramref name="customerId"/>'s data through this request's route, and completes
    /// once that is committed. Throws <see cref="AuditUnavailableException"/> (answered 503) when it cannot be.
    /// Producers and anonymous callers are not audited.
    /// </summary>
    public static Task AuditReadAsync(this HttpContext http, string customerId, string kind = AuditKinds.Read) =>
        http.AuditAsync([customerId], kind);

    /// <summary>Records, in one commit, one <see cref="AuditKinds.List"/> entry per customer of a list answered by this request.</summary>
    public static Task AuditListAsync(this HttpContext http, IEnumerable<string> customerIds, string? detail = null) =>
        http.AuditAsync(customerIds, AuditKinds.List, detail);

    /// <summary>The customers of a list of lines (search, portfolio, alert queue).</summary>
    public static Task AuditListAsync(this HttpContext http, IEnumerable<CustomerSummary> lines, string? detail = null) =>
        http.AuditListAsync(lines.Select(l => l.CustomerId), detail);

    /// <summary>
    /// The customers of work orders answered by this request: <see cref="AuditKinds.List"/> for reads,
    /// <see cref="AuditKinds.Action"/> for a dispatch or a step.
    /// </summary>
    public static Task AuditWorkOrdersAsync(this HttpContext http, IEnumerable<WorkOrder> orders, string kind = AuditKinds.List) =>
        http.AuditAsync(orders.Select(o => o.CustomerId), kind, kind == AuditKinds.List ? null : string.Join(' ', orders.Select(o => o.Id)));

    private static Task AuditAsync(this HttpContext http, IEnumerable<string> customerIds, string kind, string? detail = null) =>
        http.RequestServices.GetRequiredService<AuditLog>()
            .RecordAsync(http.User, customerIds, AuditLog.Through(http), kind, detail, http.RequestAborted);
}
