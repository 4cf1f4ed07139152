using System.Diagnostics;

namespace Customer360.Grains.Hosting.Telemetry;

/// <summary>
/// The span of one group commit. One commit serves many callers, each in a trace of its own: the span is a child of
/// the first caller's span and links the others (up to <see cref="MaxLinks"/>), so every caller's trace leads to it.
/// </summary>
public static class JournalTracing
{
    /// <summary>A commit of thousands of rows would otherwise carry thousands of links to every exporter.</summary>
    public const int MaxLinks = 128;

    /// <summary>Starts the span, or returns null when nothing listens (no allocation then).</summary>
    public static Activity? StartCommit<T>(List<T> appends, Func<T, ActivityContext> callerOf, int rows)
    {
        if (!SiloTelemetry.Source.HasListeners()) return null;
        ActivityContext parent = default;
        List<ActivityLink>? links = null;
        foreach (var append in appends)
        {
            var caller = callerOf(append);
            if (caller == default) continue;
            if (parent == default) parent = caller;
            else if ((links ??= []).Count < MaxLinks) links.Add(new ActivityLink(caller));
        }
        var activity = SiloTelemetry.Source.StartActivity("journal commit", ActivityKind.Internal, parent, tags: null, links: links);
        activity?.SetTag("c360.journal.rows", rows);
        activity?.SetTag("c360.journal.appends", appends.Count);
        return activity;
    }
}
