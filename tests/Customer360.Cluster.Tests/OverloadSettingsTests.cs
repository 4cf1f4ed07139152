using Customer360.Contracts.Hosting;
using Customer360.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Customer360.Cluster.Tests;

/// <summary>Load shedding (Overload:*) and the stop bound (Shutdown:*) reach Orleans and the host, and bad values stop the start.</summary>
public sealed class OverloadSettingsTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private TestDatabase Db => fixture.Db;

    [Fact]
    public async Task overload_and_shutdown_settings_configure_orleans_load_shedding_and_the_hosts_shutdown_timeout()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Overload:LoadShedding"] = "true",
            ["Overload:CpuThreshold"] = "85",
            ["Overload:MemoryThreshold"] = "80",
            ["Shutdown:Timeout"] = "00:00:12",
        };
        await using var silo = await TestSilo.StartAsync(Db, $"overload-{Guid.NewGuid():N}", settings);

        var shedding = silo.Services.GetRequiredService<IOptions<LoadSheddingOptions>>().Value;
        Assert.Equal((true, 85, 80), (shedding.LoadSheddingEnabled, shedding.CpuThreshold, shedding.MemoryThreshold));
        Assert.Equal(TimeSpan.FromSeconds(12), silo.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
        Assert.Contains(silo.Services.GetServices<IHostedService>(), s => s is ShutdownWatchdog);
    }

    [Theory]
    [InlineData("Overload:CpuThreshold", "0")]
    [InlineData("Overload:MemoryThreshold", "101")]
    [InlineData("Shutdown:Timeout", "00:00:00")]
    [InlineData("Shutdown:ForceAfter", "-00:00:01")]
    [InlineData("Journal:ReadQueueCapacity", "0")]
    public async Task a_silo_with_a_bad_bound_does_not_start_and_says_which_setting(string key, string value)
    {
        var settings = new Dictionary<string, string?> { [key] = value };
        var error = await Assert.ThrowsAnyAsync<Exception>(
            () => TestSilo.StartAsync(Db, $"bad-{Guid.NewGuid():N}", settings).WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains(key, error.ToString());
    }
}
