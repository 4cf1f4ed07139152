using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Customer360.EndToEnd.Tests;

/// <summary>A logger that keeps what it is told, so a test can wait for a warning instead of sleeping.</summary>
internal sealed class CapturedLog<T> : ILogger<T>
{
    private readonly ConcurrentQueue<(LogLevel Level, string Message)> _lines = new();

    public IReadOnlyList<(LogLevel Level, string Message)> Lines => [.. _lines];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _lines.Enqueue((logLevel, formatter(state, exception)));

    public override string ToString() => string.Join(" | ", _lines.Select(l => $"{l.Level}: {l.Message}"));
}
