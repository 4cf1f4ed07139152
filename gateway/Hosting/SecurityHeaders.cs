namespace Customer360.Gateway.Hosting;

/// <summary>
/// Headers every answer carries — API, hub, static files, error pages alike — set when the answer starts, so
/// one written by the exception handler or the status-code pages gets them too.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// What the built dashboard needs and no more: its own scripts, styles and fetches, SignalR over a WebSocket to
    /// the same origin ('self' covers ws:/wss: to it), the empty data: icon; no framing, no plugins, no base or
    /// form tricks. The style attributes Preact sets go through the CSSOM, which style-src does not govern.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Adds the headers to every answer; <c>Cache-Control: no-store</c> to those of <c>/api</c> and <c>/hubs</c>.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            var headers = http.Response.Headers;
            // An endpoint may carry its own policy (ContentSecurityPolicyMetadata); every other answer gets the consoles'.
            headers.ContentSecurityPolicy = http.GetEndpoint()?.Metadata.GetMetadata<ContentSecurityPolicyMetadata>()?.Policy
                ?? ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            // Personal data: no browser or proxy may keep a copy (a shared counter PC, a caching proxy).
            if (http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/hubs"))
            {
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
            }
            return Task.CompletedTask;
        }, context);
        return next(context);
    });
}
