using System.Globalization;

namespace Customer360.Feeder;

/// <summary>Command-line settings: <c>--gateway URL --customers N --rate EVENTS_PER_SECOND</c>.</summary>
public sealed record FeederOptions(Uri Gateway, int Customers, double Rate)
{
    public static FeederOptions Parse(string[] args)
    {
        var gateway = new Uri("http://127.0.0.1:5080");
        int customers = 50;
        double rate = 20;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--gateway": gateway = new Uri(value); i++; break;
                case "--customers": customers = int.Parse(value, CultureInfo.InvariantCulture); i++; break;
                case "--rate": rate = double.Parse(value, CultureInfo.InvariantCulture); i++; break;
                default: throw new ArgumentException($"unknown option {args[i]}; expected --gateway, --customers or --rate");
            }
        }
        if (customers is < 1 or > 999_999) throw new ArgumentException("--customers must be between 1 and 999999");
        if (rate is <= 0 or > 100_000) throw new ArgumentException("--rate must be above 0 and at most 100000");
        return new FeederOptions(gateway, customers, rate);
    }
}
