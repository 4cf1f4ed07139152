namespace Customer360.Domain.Events;

/// <summary>Raised while reading an event; the message names the field and the problem.</summary>
public sealed class InvalidEventException(string message) : Exception(message);
