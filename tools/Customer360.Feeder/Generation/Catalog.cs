namespace Customer360.Feeder.Generation;

/// <summary>
/// What a synthetic province is made of, with the shares used to draw it. DOMAIN.md fixes the outline (mid/high
/// customers are about 8% of customers, a tier comes from the last three bills, a phone manager serves
/// thousands); the rest are plausible figures for a Chinese mobile operator, written down here so they can be
/// argued with.
/// </summary>
public static class Catalog
{
    /// <summary>A tariff plan and how often it is held.</summary>
    public sealed record Plan(string Name, decimal Fee, int VoiceMinutes, int DataMb, int Sms, double Share);

    /// <summary>Cheap plans dominate; 128 and above are the mid/high plans.</summary>
    public static readonly Plan[] Plans =
    [
        new("18 basic", 18, 50, 1024, 0, 35),
        new("38 4G", 38, 100, 5120, 50, 27),
        new("58 4G", 58, 200, 15360, 100, 20),
        new("88 5G", 88, 300, 30720, 100, 10),
        new("128 5G", 128, 500, 40960, 200, 5),
        new("198 5G", 198, 1000, 81920, 300, 2),
        new("298 5G family", 298, 2000, 102400, 500, 1),
    ];

    public static readonly double[] PlanShares = Plans.Select(p => p.Share).ToArray();

    /// <summary>Regions (cities of the province), the capital largest. Index order is fixed: store and manager ids depend on it.</summary>
    public static readonly string[] Regions = ["central", "north", "east", "south", "west", "northeast", "southeast", "southwest"];

    public static readonly double[] RegionShares = [22, 16, 15, 14, 11, 8, 8, 6];

    /// <summary>A handset model with its price band (entry, mid, high, premium).</summary>
    public sealed record Handset(string Brand, string Model, string PriceBand);

    /// <summary>Models by brand, the most expensive first.</summary>
    public static readonly Handset[][] Brands =
    [
        [new("Huawei", "Mate 70", "premium"), new("Huawei", "Pura 70", "high"), new("Huawei", "nova 13", "mid"), new("Huawei", "Enjoy 70", "entry")],
        [new("Apple", "iPhone 16 Pro", "premium"), new("Apple", "iPhone 16", "premium"), new("Apple", "iPhone 13", "high")],
        [new("Xiaomi", "14", "high"), new("Xiaomi", "Redmi Note 13", "mid"), new("Xiaomi", "Redmi 13C", "entry")],
        [new("OPPO", "Find X8", "premium"), new("OPPO", "Reno 12", "mid"), new("OPPO", "A3", "entry")],
        [new("vivo", "X200", "premium"), new("vivo", "S19", "mid"), new("vivo", "Y200", "entry")],
        [new("Honor", "Magic 6", "high"), new("Honor", "X50", "mid")],
    ];

    public static readonly double[] BrandShares = [25, 20, 15, 14, 14, 12];

    public static readonly string[] Surnames = ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu", "Sun", "Hu", "Zhu", "Gao", "Lin"];

    public static readonly string[] GivenNames = ["Wei", "Fang", "Na", "Min", "Jing", "Lei", "Qiang", "Yan", "Jun", "Hui", "Tao", "Xin", "Yu", "Jie", "Ping", "Hong"];

    public static readonly string[] Occupations = ["office worker", "student", "teacher", "driver", "engineer", "shop owner", "farmer", "nurse", "retired"];

    public static readonly string[] Interests = ["travel", "gaming", "video", "sports", "shopping", "music", "finance", "education"];

    public static readonly string[] ValueAddedServices = ["video-vip", "music", "cloud-storage", "caller-ringtone", "security"];

    /// <summary>China Mobile number ranges; 138 is left to the demo population.</summary>
    public static readonly string[] MsisdnPrefixes = ["139", "150", "151", "158", "159", "182", "187", "188", "135", "136"];
}
