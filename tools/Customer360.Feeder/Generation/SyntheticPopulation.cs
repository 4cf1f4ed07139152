using System.Globalization;
using static Customer360.Feeder.Generation.Catalog;

namespace Customer360.Feeder.Generation;

/// <summary>
/// A synthetic province of <c>size</c> customers: for customer n, a registration (identity, region, home store,
/// managers, enterprise group), a plan, a handset and the last three closed bills with their payment — seven
/// events, all with fixed ids. Spend follows the plan, so tiers come out as DOMAIN.md describes them (most
/// customers mass, some 8% mid/high, a few VIP cards and key persons).
/// </summary>
public sealed class SyntheticPopulation(int size)
{
    public const int EventsPerCustomer = 7;

    // Portfolio sizes: a store serves ~2,000 customers, a phone manager ~2,000, an account manager ~600 of the
    // mid/high and group customers, an enterprise group ~200 members. Ids per region (see Assigned).
    private readonly int _stores = Math.Max(Regions.Length, size / 2000);
    private readonly int _phoneManagers = Math.Max(Regions.Length, size / 2000);
    private readonly int _accountManagers = Math.Max(Regions.Length, size / 3000);
    private readonly int _groups = Math.Max(10, size / 200);

    /// <summary>Customer ids of the synthetic population (<c>C00000001</c>); the demo's are shorter (<c>C000001</c>).</summary>
    public static string CustomerId(long n) => $"C{n:D8}";

    public static string Msisdn(long n) => MsisdnPrefixes[n % MsisdnPrefixes.Length] + (n % 100_000_000).ToString("D8", CultureInfo.InvariantCulture);

    public void Write(NdjsonBuilder b, long n, DateTimeOffset now)
    {
        var id = CustomerId(n);
        var today = DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(8)).DateTime);
        var planIndex = Draw.Weighted(Draw.Unit(n, 1), PlanShares);
        var plan = Plans[planIndex];
        var region = Draw.Weighted(Draw.Unit(n, 2), RegionShares);
        var grouped = Draw.Unit(n, 3) < 0.12;
        var bigSpender = Draw.Unit(n, 4) < 0.004;

        var w = b.Begin($"pop-reg-{id}", id, "customer.registered", now);
        w.WriteString("name", $"{Surnames[Draw.Below(n, 5, Surnames.Length)]} {GivenNames[Draw.Below(n, 6, GivenNames.Length)]}");
        w.WriteString("msisdn", Msisdn(n));
        w.WriteString("region", Regions[region]);
        w.WriteString("joinedOn", Date(today.AddDays(-TenureDays(n))));
        if (Draw.Unit(n, 7) < 0.85) w.WriteString("homeStoreId", Assigned("S", region, _stores, n, 8));
        w.WriteString("phoneManagerId", Assigned("PM", region, _phoneManagers, n, 9));
        if (grouped || bigSpender || planIndex >= 4) w.WriteString("accountManagerId", Assigned("AM", region, _accountManagers, n, 10));
        w.WriteString("birthday", Date(new DateOnly(1950, 1, 1).AddDays(Draw.Below(n, 11, 55 * 365))));
        w.WriteString("gender", Draw.Unit(n, 12) < 0.5 ? "female" : "male");
        w.WriteString("occupation", Occupations[Draw.Below(n, 13, Occupations.Length)]);
        if (Draw.Below(n, 14, 4) is var interests and > 0)
        {
            w.WriteStartArray("interests");
            var from = Draw.Below(n, 15, Interests.Length);
            for (var i = 0; i < interests; i++) w.WriteStringValue(Interests[(from + i) % Interests.Length]);
            w.WriteEndArray();
        }
        if (grouped)
        {
            var group = Draw.Below(n, 20, _groups);
            var groupClass = Draw.Weighted(Draw.Unit(group, 21), [20, 30, 50]);
            w.WriteString("groupId", $"G{group + 1:D4}");
            w.WriteString("groupClass", "ABC"[groupClass].ToString());
            w.WriteBoolean("keyPerson", groupClass < 2 && Draw.Unit(n, 22) < 0.04);
        }
        w.WriteBoolean("familyDecisionMaker", Draw.Unit(n, 23) < 0.25);
        b.End();

        var prepaid = Draw.Unit(n, 30) < (plan.Fee <= 38 ? 0.35 : 0.10);
        w = b.Begin($"pop-plan-{id}", id, "product.changed", now);
        w.WriteString("planName", plan.Name);
        w.WriteNumber("monthlyFee", plan.Fee);
        w.WriteNumber("voiceMinutes", plan.VoiceMinutes);
        w.WriteNumber("dataMb", plan.DataMb);
        w.WriteNumber("sms", plan.Sms);
        w.WriteBoolean("broadband", Draw.Unit(n, 31) < 0.30 + 0.05 * planIndex);
        w.WriteBoolean("virtualNetwork", grouped && Draw.Unit(n, 32) < 0.8);
        w.WriteStartArray("valueAddedServices");
        var firstService = Draw.Below(n, 34, ValueAddedServices.Length);
        for (var i = Draw.Below(n, 33, 3); i > 0; i--) w.WriteStringValue(ValueAddedServices[(firstService + i) % ValueAddedServices.Length]);
        w.WriteEndArray();
        if (Draw.Unit(n, 36) < 0.4) w.WriteString("contractEnd", Date(today.AddDays(Draw.Below(n, 37, 720))));
        w.WriteString("paymentMode", prepaid ? "prepaid" : "postpaid");
        w.WriteBoolean("autoPay", !prepaid && Draw.Unit(n, 38) < 0.5);
        b.End();

        // Richer plans come with dearer handsets: the top plans take the brand's first (dearest) model.
        var models = Brands[Draw.Weighted(Draw.Unit(n, 40), BrandShares)];
        var handset = models[planIndex >= 4 ? 0 : Draw.Below(n, 41, models.Length)];
        var monthsInUse = Draw.Unit(n, 42) < 0.15 ? 36 + Draw.Below(n, 43, 24) : Draw.Below(n, 43, 36);
        w = b.Begin($"pop-device-{id}", id, "device.changed", now);
        w.WriteString("brand", handset.Brand);
        w.WriteString("model", handset.Model);
        w.WriteString("priceBand", handset.PriceBand);
        w.WriteBoolean("dualSim", Draw.Unit(n, 44) < 0.35);
        w.WriteString("inUseSince", Date(today.AddMonths(-monthsInUse)));
        b.End();

        // Monthly spend: the plan fee give or take a quarter; a few run up overage or roaming; a very few are
        // enterprise heads whose bills reach the VIP card lines.
        var monthly = plan.Fee * (decimal)(0.75 + 0.5 * Draw.Unit(n, 50));
        if (Draw.Unit(n, 51) < 0.06) monthly *= (decimal)(1.5 + 1.5 * Draw.Unit(n, 52));
        if (bigSpender) monthly = 300 + 1300 * (decimal)Draw.Unit(n, 53);
        var unpaid = Draw.Unit(n, 54) < 0.03;
        decimal paid = 0;
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        for (var back = 3; back >= 1; back--)
        {
            var month = thisMonth.AddMonths(-back);
            var amount = Math.Round(monthly * (decimal)(0.9 + 0.2 * Draw.Unit(n, 55 + back)), 2);
            w = b.Begin($"pop-bill-{id}-{month:yyyy-MM}", id, "billing.closed", now);
            w.WriteString("month", month.ToString("yyyy-MM", CultureInfo.InvariantCulture));
            w.WriteNumber("amount", amount);
            w.WriteString("dueOn", Date(month.AddMonths(1).AddDays(19)));
            b.End();
            if (back > 1 || !unpaid) paid += amount;
        }
        w = b.Begin($"pop-pay-{id}-{thisMonth:yyyy-MM}", id, "billing.payment", now);
        w.WriteNumber("amount", Math.Max(paid, 0.01m));
        w.WriteString("method", Draw.Unit(n, 60) < 0.6 ? "app" : "store");
        b.End();
    }

    // Tenure: a few new customers (exploring), some forming, most stable and up to 15 years.
    private static int TenureDays(long n)
    {
        var u = Draw.Unit(n, 70);
        return u < 0.07 ? Draw.Below(n, 71, 90) : u < 0.22 ? 90 + Draw.Below(n, 71, 275) : 365 + Draw.Below(n, 71, 14 * 365);
    }

    // Ids like S01, PM12, AM103: number k of a region is (k * regions + region) + 1, so S01 is in the first
    // region — the demo sign-ins (store01, am01, pm01) find customers in any population.
    private static string Assigned(string prefix, int region, int total, long n, int salt)
    {
        var perRegion = Math.Max(1, total / Regions.Length);
        return $"{prefix}{Draw.Below(n, salt, perRegion) * Regions.Length + region + 1:D2}";
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
