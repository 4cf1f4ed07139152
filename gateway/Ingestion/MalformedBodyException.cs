namespace Customer360.Gateway.Ingestion;

/// <summary>The body as a whole cannot be read (not JSON, not an array, too many events).</summary>
public sealed class MalformedBodyException(string message, int status = StatusCodes.Status400BadRequest) : Exception(message)
{
    public int Status { get; } = status;
}
