using Customer360.Testing;
using Microsoft.Extensions.Options;

namespace Customer360.EndToEnd.Tests;

/// <summary>Bad telemetry settings stop the gateway's start with a message naming the setting.</summary>
[Collection(SystemCollection.Name)]
public sealed class TelemetrySettingsTests(SystemFixture system)
{
    [Theory]
    [InlineData("Telemetry:Otlp:Protocol", "udp")]
    [InlineData("Telemetry:Otlp:Endpoint", "collector:4317")]
    [InlineData("Telemetry:TraceSampleRatio", "1.5")]
    [InlineData("Logging:Format", "xml")]
    [InlineData("Management:Urls", "https://127.0.0.1:11190")]
    public async Task a_bad_setting_is_refused_at_start_naming_it(string setting, string value)
    {
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            TestGateway.StartAsync(system.Db, system.ClusterId, new Dictionary<string, string?> { [setting] = value }).WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains(setting, refused.Message);
        Assert.Contains(value, refused.Message);
    }
}
