using System.Buffers;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Customer360.Contracts.Hosting.Telemetry;

/// <summary>
/// One JSON object per log line: <c>timestamp</c> (UTC), <c>level</c>, <c>category</c>, <c>eventId</c>,
/// <c>message</c>, <c>traceId</c> and <c>spanId</c> of the current activity, the message's <c>fields</c>, and
/// <c>exception</c>. Scopes are left out on purpose: ASP.NET Core's request scope carries the request path, which
/// may hold a phone number (<c>/customers/by-msisdn/…</c>); the trace id leads to the request instead.
/// </summary>
public sealed class JsonLineFormatter() : ConsoleFormatter(FormatterName)
{
    /// <summary>The formatter's name in <c>Logging:Console:FormatterName</c>.</summary>
    public const string FormatterName = "c360-json";

    private const string OriginalFormat = "{OriginalFormat}";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null) return;
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("timestamp", DateTimeOffset.UtcNow);
            json.WriteString("level", logEntry.LogLevel.ToString());
            json.WriteString("category", logEntry.Category);
            if (logEntry.EventId.Id != 0) json.WriteNumber("eventId", logEntry.EventId.Id);
            json.WriteString("message", message);
            // The console logger formats on the thread that logs, so this is the activity the entry was written in.
            if (Activity.Current is { } activity)
            {
                json.WriteString("traceId", activity.TraceId.ToHexString());
                json.WriteString("spanId", activity.SpanId.ToHexString());
            }
            if (logEntry.State is IReadOnlyList<KeyValuePair<string, object?>> { Count: > 1 } fields) WriteFields(json, fields);
            if (logEntry.Exception is { } ex) json.WriteString("exception", ex.ToString());
            json.WriteEndObject();
        }
        textWriter.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        textWriter.Write('\n');
    }

    private static void WriteFields(Utf8JsonWriter json, IReadOnlyList<KeyValuePair<string, object?>> fields)
    {
        json.WriteStartObject("fields");
        foreach (var (key, value) in fields)
        {
            if (key == OriginalFormat) continue;
            switch (value)
            {
                case null: json.WriteNull(key); break;
                case bool b: json.WriteBoolean(key, b); break;
                case int or long or short or byte or uint or ushort: json.WriteNumber(key, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)); break;
                case double or float or decimal: json.WriteNumber(key, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)); break;
                default: json.WriteString(key, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)); break;
            }
        }
        json.WriteEndObject();
    }
}
