using System.Text.Json;
using Customer360.Domain.Derived;
using Customer360.Domain.Profile;
using static Customer360.Domain.Tests.Given;

namespace Customer360.Domain.Tests;

public class SharedReasonsTests
{
    [Fact]
    public void customers_with_the_same_facts_share_their_reasons()
    {
        var a = Customer().Bills(("2026-08", 420), ("2026-09", 420), ("2026-10", 420));
        var b = Customer().Bills(("2026-08", 420), ("2026-09", 420), ("2026-10", 420));
        a.Derive();
        b.Derive();

        Assert.NotSame(a.Derived, b.Derived);
        Assert.Same(a.Derived.Tier!.Reason, b.Derived.Tier!.Reason);
        Assert.Same(a.Derived.Stage!.Reason, b.Derived.Stage!.Reason);
        Assert.Equal(a.Derived.Actions.Select(x => x.Reason), b.Derived.Actions.Select(x => x.Reason), ReferenceEqualityComparer.Instance);
    }

    [Fact]
    public void reasons_quoting_what_a_person_wrote_or_a_case_are_never_pooled()
    {
        var quoted = new Reason(ReasonCodes.AlertResolvedByStaff, ReasonArgs.Of(("outcome", "called back, happy"), ("by", "PM01")));
        var again = new Reason(ReasonCodes.AlertResolvedByStaff, ReasonArgs.Of(("outcome", "called back, happy"), ("by", "PM01")));

        Assert.Same(quoted, SharedReasons.Of(quoted));
        Assert.Same(again, SharedReasons.Of(again));
        var plain = new Reason(ReasonCodes.TierMidHigh, ReasonArgs.Of(("a3", "421"), ("line", "360")));
        Assert.Same(SharedReasons.Of(plain), SharedReasons.Of(new Reason(ReasonCodes.TierMidHigh, ReasonArgs.Of(("line", "360"), ("a3", "421")))));
    }

    [Fact]
    public void a_profile_read_from_json_shares_its_reasons_and_writes_the_same_json()
    {
        var derived = Customer().Bills(("2026-08", 430), ("2026-09", 430), ("2026-10", 430));
        derived.Derive();
        var json = JsonSerializer.Serialize(derived, DomainJson.Options);
        var read = JsonSerializer.Deserialize<CustomerProfile>(json, DomainJson.Options)!;
        Assert.NotSame(derived.Derived.Tier!.Reason, read.Derived.Tier!.Reason);

        SharedReasons.ShareIn(read.Derived);

        Assert.Same(derived.Derived.Tier.Reason, read.Derived.Tier.Reason);
        Assert.Same(derived.Derived.Stage!.Reason, read.Derived.Stage!.Reason);
        Assert.Equal(json, JsonSerializer.Serialize(read, DomainJson.Options));
    }
}
