using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Customer360.Gateway.Hosting;

/// <summary>
/// Bounds the bodies of requests under <c>/api</c> to <see cref="HardeningOptions.MaxStaffBodyBytes"/> instead of
/// Kestrel's 30 MB: staff requests are a few fields. By default, so that an endpoint added later is bounded too;
/// an endpoint with a limit of its own (<c>RequestSizeLimit</c> metadata, or one it sets itself, as
/// <c>POST /api/v1/events</c> does) keeps it. A body declared too large is refused with 413 before it is read;
/// one that turns out too large while read fails in Kestrel with 413 as well.
/// </summary>
public static class StaffBodyLimit
{
    public static IApplicationBuilder UseStaffBodyLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Path.StartsWithSegments("/api")
            && context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is null
            && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            var max = context.RequestServices.GetRequiredService<IOptions<HardeningOptions>>().Value.MaxStaffBodyBytes;
            if (context.Request.ContentLength > max && !IsOwnLimit(context))
            {
                await Results.Problem(title: "Request body too large", detail: $"the body must be at most {max} bytes",
                    statusCode: StatusCodes.Status413PayloadTooLarge).ExecuteAsync(context);
                return;
            }
            if (!IsOwnLimit(context)) size.MaxRequestBodySize = max;
        }
        await next(context);
    });

    // Event ingestion bounds its body by Ingest:MaxBodyBytes itself (megabytes of events are normal there).
    private static bool IsOwnLimit(HttpContext context) => context.Request.Path.StartsWithSegments("/api/v1/events");
}
