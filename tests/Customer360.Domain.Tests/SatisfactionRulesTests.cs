using Customer360.Domain.Profile;
using Customer360.Domain.Rules;
using static Customer360.Domain.Tests.Given;

namespace Customer360.Domain.Tests;

public sealed class SatisfactionRulesTests
{
    [Theory]
    [InlineData(1, 99)]
    [InlineData(2, 99)]
    [InlineData(3, 100)]
    [InlineData(5, 100)]
    public void a_touchpoint_scored_two_or_less_costs_a_point(int score, int index)
    {
        var p = Customer().Touch(Now.AddDays(-1), TouchpointKind.Survey, score: score);
        p.Derive();
        Assert.Equal(index, p.Derived.SatisfactionIndex);
    }

    [Fact]
    public void a_negative_touchpoint_stops_counting_after_90_days()
    {
        var p = Customer().Touch(Now.AddDays(-10), TouchpointKind.Call, score: 1).Touch(Now.AddDays(-5), TouchpointKind.Visit, score: 2);
        p.Touch(Now.AddDays(-3), TouchpointKind.Visit);
        Assert.Contains(DerivedSection.Satisfaction, p.Derive().Changed);
        Assert.Equal(98, p.Derived.SatisfactionIndex);
        p.Derive(Now.AddDays(80).AddTicks(-1));
        Assert.Equal(98, p.Derived.SatisfactionIndex);
        p.Derive(Now.AddDays(80));
        Assert.Equal(99, p.Derived.SatisfactionIndex);
    }
}
