namespace Customer360.Grains.Retention;

/// <summary>
/// The retention job's settings, bound from configuration section <c>Retention</c> (and <c>Audit:RetentionDays</c>,
/// whose name predates the job). Validated at start; a bad value stops the silo naming the setting.
/// </summary>
public sealed class RetentionOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Retention";

    /// <summary>How often the job runs. Default one day; at least a minute (Orleans' shortest reminder period).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// How soon after the first silo starts the job first runs (the reminder's due time). Default 2 minutes: soon,
    /// but after the start's own wave of activations.
    /// </summary>
    public TimeSpan FirstRunDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Whole months of journal kept behind the current one; older monthly partitions are dropped once every
    /// profile's snapshot covers them. Default 13: a year back plus the month a year ago, so year-on-year questions
    /// about last month still find their events.
    /// </summary>
    public int JournalMonths { get; set; } = 13;

    /// <summary>
    /// The first instant whose month's partition is kept at <paramref name="now"/>: the journal may drop every month
    /// before it, and with it the ids that tell a resent event from a new one. An event that occurred earlier is
    /// refused, so exactly-once never depends on a month that is gone.
    /// </summary>
    public DateTimeOffset JournalHorizon(DateTimeOffset now) =>
        new DateTimeOffset(now.UtcDateTime.Year, now.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(-JournalMonths);

    /// <summary>Journal partitions created ahead of the current month. Default 3.</summary>
    public int PartitionsAhead { get; set; } = 3;

    /// <summary>
    /// Customers of an old partition whose snapshot does not reach it yet, asked per run to write one
    /// (<c>ICustomerGrain.SnapshotNow</c>). Default 20000; 0 only checks (then partitions wait for snapshots the grains
    /// write on their own).
    /// </summary>
    public int SnapshotsPerRun { get; set; } = 20_000;

    /// <summary>
    /// Days a tier change is kept. Default 400: the tier board shows recent changes, and a supervisor comparing a
    /// region with the same month last year still finds them; the change text names the customer, so not forever.
    /// </summary>
    public int TierChangesDays { get; set; } = 400;

    /// <summary>
    /// Days after an account closed that its line stays in the read model (search and lists). Default 90: win-back
    /// calls and disputes over the final bill happen within a quarter; after that nobody needs to find a churned
    /// customer by name or number in the consoles, and PIPL asks to stop processing once the purpose ends.
    /// </summary>
    public int ClosedAccountRowsDays { get; set; } = 90;

    /// <summary>
    /// Days after an account closed that the person is erased, as POST /api/v1/customers/{id}/erase does (audited,
    /// actor "retention"). Default 1095 (three years): billing records must be kept for years, and erasure keeps them
    /// (ids, amounts, dates survive it); the identity is kept for the general three-year limitation period of civil
    /// claims (billing disputes, fraud), then PIPL's "delete when the purpose ends" applies.
    /// </summary>
    public int ErasureAfterClosureDays { get; set; } = 1095;

    /// <summary>Rows deleted per statement, and closed accounts erased per run. Default 1000.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>Audit entries older than this are deleted (setting <c>Audit:RetentionDays</c>). Default 180; at least 30.</summary>
    public int AuditRetentionDays { get; set; } = 180;
}
