using System.Globalization;
using Customer360.Contracts.Hosting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Customer360.Gateway.Hosting;

/// <summary>
/// The one place where a store outage becomes <c>503 Service Unavailable</c> with <c>Retry-After</c>
/// (<see cref="HealthOptions.RetryAfterSeconds"/>) instead of a 500: any endpoint (reads, staff actions, lists, work
/// orders, users, the audit query) whose call to PostgreSQL, or to a grain whose storage failed, throws an exception
/// <see cref="StoreOutage"/> recognises. An exception it does not recognise is answered 503 as well when PostgreSQL
/// does not answer a probe right now: whatever shape the failure took, a store outage is not the caller's bug.
/// Runs inside the gateway's <c>UseExceptionHandler()</c>, after the audit log's handler.
/// </summary>
public sealed partial class StoreUnavailableHandler(NpgsqlDataSource dataSource, IOptions<HealthOptions> options,
    ILogger<StoreUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (http.Response.HasStarted || exception is OperationCanceledException && http.RequestAborted.IsCancellationRequested) return false;
        if (!StoreOutage.Is(exception))
        {
            if (await StoreProbe.AnswersAsync(dataSource, options.Value.ProbeTimeout, cancellationToken)) return false;
            LogProbeFailed(logger, http.Request.Method, RouteOf(http), StoreOutage.Describe(exception));
        }
        else
        {
            LogOutage(logger, http.Request.Method, RouteOf(http), StoreOutage.Describe(exception));
        }
        var retryAfter = options.Value.RetryAfterSeconds;
        http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        await Results.Problem(title: "The customer store is unavailable",
                detail: $"PostgreSQL or the cluster does not answer; try again in {retryAfter} seconds",
                statusCode: StatusCodes.Status503ServiceUnavailable)
            .ExecuteAsync(http);
        return true;
    }

    // The route template, never the path: a path can hold a phone number.
    private static string RouteOf(HttpContext http) =>
        (http.Features.Get<IExceptionHandlerFeature>()?.Endpoint as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answered 503 to {Method} {Route}: the store is down ({Exception})")]
    private static partial void LogOutage(ILogger logger, string method, string route, string exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answered 503 to {Method} {Route}: {Exception} while PostgreSQL does not answer")]
    private static partial void LogProbeFailed(ILogger logger, string method, string route, string exception);
}
