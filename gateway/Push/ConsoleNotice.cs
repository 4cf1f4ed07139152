using Customer360.Contracts;

namespace Customer360.Gateway.Push;

/// <summary>
/// One notice on its way to the consoles of a topic. Worded at most once per flavour (in full, masked) however many
/// consoles take it: the wording is made on first use and shared by every outbox that holds the notice.
/// </summary>
public sealed class ConsoleNotice(PushMessage message)
{
    private object? _full;
    private object? _masked;

    public PushMessage Message { get; } = message;

    /// <summary>What coalesces: a newer notice with the same key says all an older one said (see <see cref="After"/>).</summary>
    public (string Topic, string Kind, string CustomerId) Key => (Message.Topic, Message.Kind, Message.CustomerId);

    /// <summary>The console message, as <see cref="PushReceiver.Payload"/> words it for a console that sees data masked or in full.</summary>
    /// <remarks>Not locked: two consoles' senders may word it at once, both the same; one wording is kept.</remarks>
    public object PayloadFor(bool masked) =>
        masked ? _masked ??= PushReceiver.Payload(Message, masked: true) : _full ??= PushReceiver.Payload(Message, masked: false);

    /// <summary>
    /// This notice standing in for <paramref name="older"/> of the same key as well, as the silo's outbox coalesces: the
    /// newest version and line, the sections both changed, and the older arrival (the lag of the oldest event covered).
    /// </summary>
    public ConsoleNotice After(ConsoleNotice older) => new(Message with
    {
        Changed = [.. older.Message.Changed.Union(Message.Changed)],
        ArrivedAt = PushMessage.Oldest(older.Message.ArrivedAt, Message.ArrivedAt),
    });
}
