namespace Customer360.Contracts;

/// <summary>What one run of the retention job did (counts only: no ids, no personal data).</summary>
[GenerateSerializer, Alias("c360.retention-report")]
public sealed record RetentionReport(
    [property: Id(0)] int PartitionsCreated,
    [property: Id(1)] int PartitionsDropped,
    [property: Id(2)] int PartitionsKept,
    [property: Id(3)] int SnapshotsTaken,
    [property: Id(4)] long AuditEntries,
    [property: Id(5)] long TierChanges,
    [property: Id(6)] long ClosedRows,
    [property: Id(7)] int Erased,
    [property: Id(8)] bool Succeeded);
