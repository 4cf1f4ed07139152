namespace Customer360.Contracts.Hosting;

/// <summary>
/// How long a silo or gateway may take to stop. Bound from configuration section <c>Shutdown</c> in both processes.
/// </summary>
public sealed class ShutdownOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Shutdown";

    /// <summary>
    /// The graceful part of a stop: the host's shutdown timeout (HostOptions.ShutdownTimeout), which bounds every
    /// hosted service's stop, Orleans' deactivations (their snapshot writes) and the drains of the journal, the read
    /// model and the audit log. When it has passed, what is still unwritten is given up: acknowledged events are in
    /// the journal already and a profile's snapshot is rebuilt from it on the next activation. Default 20 seconds,
    /// which leaves room under the 30 s or more that supervisors (systemd, Kubernetes, run.sh) wait before SIGKILL.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How much longer than <see cref="Timeout"/> the process may take before it is ended at once, whatever a
    /// component still waits for (a store that does not answer, a library that ignores cancellation). Ports are
    /// freed when the process ends. Default 5 seconds.
    /// </summary>
    public TimeSpan ForceAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Whether the process is ended when <see cref="ForceAfter"/> has passed too. Default on; off only for a host
    /// embedded in a process that must outlive it (the in-process silos and gateways of the tests), where the stop
    /// overrunning is logged as critical and nothing more.
    /// </summary>
    public bool EndProcess { get; set; } = true;
}
