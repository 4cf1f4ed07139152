namespace Customer360.Grains.Storage;

/// <summary>
/// A journal read refused because <see cref="JournalOptions.ReadQueueCapacity"/> reads already wait: the profile
/// being activated fails at once, and its caller (a gateway) answers 503 with Retry-After, rather than the silo
/// holding an ever longer line of activations in memory. Nothing is lost; the next call activates it again.
/// </summary>
public sealed class JournalBusyException(int capacity)
    : Exception($"The journal's read queue is full ({capacity} reads waiting, Journal:ReadQueueCapacity); try again shortly");
