using System.Diagnostics;

namespace Customer360.Grains.Hosting.Telemetry;

/// <summary>
/// The span of work done once for many callers, each in a trace of its own: the journal's group commit (and, for
/// the push outbox, a flush). The span is a child of the first caller's span and links the others (up to
/// <see cref="MaxLinks"/>), so every caller's trace leads to it. Callers capture <c>Activity.Current?.Context</c>
/// when they hand their work over (a struct: nothing is allocated when nothing is traced).
/// </summary>
public static class BatchTracing
{
    /// <summary>The journal's span name.</summary>
    public const string JournalCommit = "journal commit";

    /// <summary>A commit of thousands of rows would otherwise carry thousands of links to every exporter.</summary>
    public const int MaxLinks = 128;

    /// <summary>Starts the span, or returns null when nothing listens (no allocation then).</summary>
    public static Activity? Start<T>(string name, List<T> items, Func<T, ActivityContext> callerOf)
    {
        if (!SiloTelemetry.Source.HasListeners()) return null;
        ActivityContext parent = default;
        List<ActivityLink>? links = null;
        foreach (var item in items)
        {
            var caller = callerOf(item);
            if (caller == default) continue;
            if (parent == default) parent = caller;
            else if ((links ??= []).Count < MaxLinks) links.Add(new ActivityLink(caller));
        }
        var activity = SiloTelemetry.Source.StartActivity(name, ActivityKind.Internal, parent, tags: null, links: links);
        activity?.SetTag("c360.batch.callers", items.Count);
        return activity;
    }
}
