namespace Customer360.Feeder;

/// <summary>A bad command line: the message names the option and what it must be.</summary>
public sealed class UsageException(string message) : Exception(message);
