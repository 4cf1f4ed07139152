using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Customer360.Gateway.Audit;

/// <summary>
/// Turns an <see cref="AuditUnavailableException"/> thrown by an endpoint into <c>503 Service Unavailable</c> with
/// <c>Retry-After</c> (<see cref="AuditOptions.RetryAfterSeconds"/>): the read is refused rather than answered
/// unaudited. Runs inside the gateway's <c>UseExceptionHandler()</c>.
/// </summary>
public sealed partial class AuditUnavailableHandler(IOptions<AuditOptions> options, ILogger<AuditUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not AuditUnavailableException unavailable || http.Response.HasStarted) return false;
        LogRefused(logger, AuditLog.Through(http), unavailable.Message);
        var retryAfter = options.Value.RetryAfterSeconds;
        http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        await Results.Problem(title: "The audit log is unavailable",
                detail: $"personal data is answered only once its read is in the audit log; try again in {retryAfter} seconds",
                statusCode: StatusCodes.Status503ServiceUnavailable)
            .ExecuteAsync(http);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answered 503 to {Through}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string through, string reason);
}
