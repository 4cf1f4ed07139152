using System.Text.Json;
using Customer360.Domain;
using Customer360.Domain.Derived;

namespace Customer360.Domain.Tests;

public class ReasonArgsTests
{
    [Fact]
    public void arguments_travel_as_a_json_object_and_come_back_equal()
    {
        var reason = new Reason(ReasonCodes.TierMidHigh, ReasonArgs.Of(("a3", "420"), ("line", "360")));

        var json = JsonSerializer.Serialize(reason, DomainJson.Options);
        var back = JsonSerializer.Deserialize<Reason>(json, DomainJson.Options);

        Assert.Contains("\"args\":{\"a3\":\"420\",\"line\":\"360\"}", json);
        Assert.Equal(reason, back);
    }

    [Fact]
    public void reasons_are_equal_by_code_and_argument_values_in_any_order()
    {
        var a = new Reason("c", ReasonArgs.Of(("x", "1"), ("y", "2")));

        Assert.Equal(a, new Reason("c", ReasonArgs.Of(("y", "2"), ("x", "1"))));
        Assert.Equal(a.GetHashCode(), new Reason("c", ReasonArgs.Of(("y", "2"), ("x", "1"))).GetHashCode());
        Assert.NotEqual(a, new Reason("c", ReasonArgs.Of(("x", "1"), ("y", "3"))));
        Assert.NotEqual(a, new Reason("c", ReasonArgs.Of(("x", "1"))));
        Assert.NotEqual(a, new Reason("d", a.Args));
    }

    [Fact]
    public void a_repeated_key_keeps_its_last_value_and_with_replaces_or_adds()
    {
        var args = ReasonArgs.Of(("x", "1"), ("x", "2"))!;

        Assert.Single(args);
        Assert.Equal("2", args["x"]);
        Assert.Equal("3", args.With("x", "3")["x"]);
        Assert.Equal(["x", "y"], args.With("y", "9").Keys);
        Assert.Null(ReasonArgs.Of());
        Assert.Throws<KeyNotFoundException>(() => args["missing"]);
    }
}
