namespace Customer360.Gateway.Ingestion;

/// <summary>
/// The rest of the body cannot be read (not JSON, not an array, too many events). <see cref="AtIndex"/> is the
/// position where reading stopped: events before it may already have been ingested.
/// </summary>
public sealed class MalformedBodyException(string message, int atIndex, int status = StatusCodes.Status400BadRequest) : Exception(message)
{
    public int AtIndex { get; } = atIndex;

    public int Status { get; } = status;
}
