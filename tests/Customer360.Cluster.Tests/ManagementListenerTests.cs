using System.Net;
using Customer360.Testing;
using Microsoft.Extensions.Options;
using static Customer360.Cluster.Tests.StoreOutageAnswersTests;

namespace Customer360.Cluster.Tests;

/// <summary>The silo's management listener (<c>Management:Urls</c>): its probes, and its settings checked at start.</summary>
public sealed class ManagementListenerTests
{
    [Fact]
    public async Task a_silo_answers_live_and_ready_on_its_management_listener_and_ready_names_each_check()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var silo = await TestSilo.StartAsync(db, $"mgmt-{Guid.NewGuid():N}");
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        var ready = await ReadyAsync(probe, silo.ManagementAddress);
        Assert.Equal(HttpStatusCode.OK, ready.Status);
        Assert.Equal(["cluster", "postgres"], ready.Checks.EnumerateObject().Select(c => c.Name).Order());
        await AssertLiveAsync(probe, silo.ManagementAddress);
        // Nothing else is served there.
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(probe, silo.ManagementAddress, "/api/v1/customers"));
    }

    [Theory]
    [InlineData("https://127.0.0.1:11180")]
    [InlineData("127.0.0.1:11180")]
    [InlineData("http://127.0.0.1:11180/health")]
    public async Task a_silo_with_a_bad_management_url_refuses_to_start_naming_the_setting(string urls)
    {
        await using var db = await TestDatabase.CreateAsync();
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            TestSilo.StartAsync(db, $"mgmt-{Guid.NewGuid():N}", new Dictionary<string, string?> { ["Management:Urls"] = urls }));
        Assert.Contains("Management:Urls", refused.Message);
        Assert.Contains(urls, refused.Message);
    }
}
