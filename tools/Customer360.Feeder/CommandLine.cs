using System.Globalization;

namespace Customer360.Feeder;

/// <summary>
/// The options of one subcommand: <c>--name value</c> pairs, flags and positional arguments. Each getter checks
/// its value and range and names the option when it is wrong; <see cref="UsageException"/> carries the message.
/// </summary>
public sealed class CommandLine
{
    private readonly string _command;
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Positional { get; }

    private CommandLine(string command, List<string> positional)
    {
        _command = command;
        Positional = positional;
    }

    /// <summary>Reads <paramref name="args"/>, refusing any option not in <paramref name="options"/> or <paramref name="flags"/>.</summary>
    public static CommandLine Parse(string command, string[] args, string[] options, string[] flags)
    {
        var positional = new List<string>();
        var line = new CommandLine(command, positional);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(arg);
                continue;
            }
            var name = arg;
            string? value = null;
            if (arg.IndexOf('=') is > 2 and var eq)
            {
                name = arg[..eq];
                value = arg[(eq + 1)..];
            }
            if (flags.Contains(name))
            {
                if (value is not null) throw new UsageException($"{name} takes no value");
                line._flags.Add(name);
            }
            else if (options.Contains(name))
            {
                if (value is null)
                {
                    if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                        throw new UsageException($"{name} needs a value");
                    value = args[++i];
                }
                line._values[name] = value;
            }
            else
            {
                throw new UsageException($"unknown option {name} for '{command}'; expected {string.Join(", ", options.Concat(flags))}");
            }
        }
        return line;
    }

    public bool Has(string name) => _values.ContainsKey(name) || _flags.Contains(name);

    public bool Flag(string name) => _flags.Contains(name);

    public string? String(string name) => _values.GetValueOrDefault(name);

    public int Int(string name, int fallback, int min, int max) => (int)Long(name, fallback, min, max);

    public long Long(string name, long fallback, long min, long max)
    {
        if (!_values.TryGetValue(name, out var text)) return fallback;
        if (!long.TryParse(text.Replace("_", ""), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            throw new UsageException($"{name} must be a whole number (got '{text}')");
        return value >= min && value <= max ? value : throw new UsageException($"{name} must be between {min} and {max} (got {value})");
    }

    public double Double(string name, double fallback, double minExclusive, double max)
    {
        if (!_values.TryGetValue(name, out var text)) return fallback;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            throw new UsageException($"{name} must be a number (got '{text}')");
        return value > minExclusive && value <= max ? value : throw new UsageException($"{name} must be above {minExclusive} and at most {max} (got {value})");
    }

    /// <summary>A comma-separated list of positive whole numbers, such as <c>1,4,16</c>.</summary>
    public int[] IntList(string name, int[] fallback, int max)
    {
        if (!_values.TryGetValue(name, out var text)) return fallback;
        var items = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var list = items.Select(s => int.TryParse(s, CultureInfo.InvariantCulture, out var v) && v >= 1 && v <= max ? v : 0).ToArray();
        return list.Length > 0 && list.All(v => v > 0) ? list : throw new UsageException($"{name} must be a list like 1,4,16 of numbers from 1 to {max} (got '{text}')");
    }

    public Uri Gateway()
    {
        var text = String("--gateway") ?? "http://127.0.0.1:5080";
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new UsageException($"--gateway must be an http(s) URL like http://127.0.0.1:5080 (got '{text}')");
    }

    public string SinglePath(string what)
    {
        return Positional.Count switch
        {
            1 => Positional[0],
            0 => throw new UsageException($"'{_command}' needs {what}"),
            _ => throw new UsageException($"'{_command}' takes one {what}; unexpected '{Positional[1]}'"),
        };
    }

    public void NoPositional()
    {
        if (Positional.Count > 0) throw new UsageException($"unexpected argument '{Positional[0]}' for '{_command}'");
    }
}
