using System.Text.Json;
using Customer360.Domain.Profile;

namespace Customer360.Domain.Tests;

public class SharedStringsTests
{
    [Fact]
    public void profiles_read_from_json_share_their_repeated_words()
    {
        const string json = """
            {"name":"{0}","msisdn":"1380000000{0}","region":"north","joinedOn":"2024-01-01","homeStoreId":"S01",
             "gender":"female","interests":["music","travel"]}
            """;
        var a = JsonSerializer.Deserialize<CustomerIdentity>(json.Replace("{0}", "1"), DomainJson.Options)!;
        var b = JsonSerializer.Deserialize<CustomerIdentity>(json.Replace("{0}", "2"), DomainJson.Options)!;

        Assert.Same(a.Region, b.Region);
        Assert.Same(a.HomeStoreId, b.HomeStoreId);
        Assert.Same(a.Gender, b.Gender);
        Assert.Same(a.Interests![1], b.Interests![1]);
        Assert.Equal(["music", "travel"], b.Interests);
        Assert.NotSame(a.Name, b.Name);
        Assert.Equal(JsonSerializer.Serialize(a, DomainJson.Options), JsonSerializer.Serialize(a with { }, DomainJson.Options));
    }

    [Fact]
    public void long_or_escaped_words_read_correctly_and_long_ones_are_not_kept()
    {
        var longWord = new string('x', SharedStrings.MaxLength + 1);

        Assert.NotSame(SharedStrings.Of(longWord), SharedStrings.Of(new string('x', SharedStrings.MaxLength + 1)));
        Assert.Same(SharedStrings.Of("north-east"), SharedStrings.Of("north-east".AsSpan()));
        var escaped = JsonSerializer.Deserialize<DeviceInfo>("""{"brand":"\u534e\u4e3a","model":"M\"1","priceBand":"high","dualSim":true,"inUseSince":"2025-01-01"}""", DomainJson.Options)!;
        Assert.Equal(("华为", "M\"1"), (escaped.Brand, escaped.Model));
    }
}
