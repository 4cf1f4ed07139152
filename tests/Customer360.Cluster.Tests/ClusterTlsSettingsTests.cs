using Customer360.Contracts.Hosting;
using Customer360.Testing;
using Microsoft.Extensions.Configuration;

namespace Customer360.Cluster.Tests;

/// <summary>
/// A silo or gateway whose cluster certificate is missing or unusable does not start, and says which
/// <c>Cluster:Tls</c> setting is wrong: it never falls back to an open port.
/// </summary>
public sealed class ClusterTlsSettingsTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private TestDatabase Db => fixture.Db;

    private static string Cluster() => $"tls-settings-{Guid.NewGuid():N}";

    [Fact]
    public async Task a_silo_without_a_certificate_does_not_start_and_names_the_setting()
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            TestSilo.StartAsync(Db, Cluster(), new Dictionary<string, string?> { ["Cluster:Tls:CertificatePath"] = "" }));

        Assert.Contains("Cluster:Tls:CertificatePath is not set", refused.Message);
    }

    [Fact]
    public async Task a_gateway_without_a_certificate_does_not_start_and_names_the_setting()
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            TestGateway.StartAsync(Db, Cluster(), new Dictionary<string, string?> { ["Cluster:Tls:CertificatePath"] = "", ["Cluster:Tls:CaPath"] = "" }));

        Assert.Contains("Cluster:Tls:CertificatePath is not set", refused.Message);
        Assert.Contains("Cluster:Tls:CaPath is not set", refused.Message);
    }

    [Fact]
    public async Task a_silo_whose_certificate_is_not_from_the_configured_ca_does_not_start()
    {
        var other = TestCertificates.CreateAuthority("Another CA").Issue("node", server: true, client: true);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            TestSilo.StartAsync(Db, Cluster(), other.Settings(TestCertificates.Cluster.CaPath).ToDictionary()));

        Assert.Contains("cannot be used with the CA in Cluster:Tls:CaPath", refused.Message);
    }

    [Fact]
    public async Task a_silo_with_an_expired_certificate_does_not_start()
    {
        var now = DateTimeOffset.UtcNow;
        var expired = TestCertificates.Cluster.Issue("expired", server: true, client: true, now.AddDays(-60), now.AddDays(-30));

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            TestSilo.StartAsync(Db, Cluster(), expired.Settings(TestCertificates.Cluster.CaPath).ToDictionary()));

        Assert.Contains("NotTimeValid", refused.Message);
    }

    [Fact]
    public async Task a_silo_whose_certificate_lacks_server_authentication_does_not_start()
    {
        var clientOnly = TestCertificates.Cluster.Issue("client-only", server: false, client: true);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            TestSilo.StartAsync(Db, Cluster(), clientOnly.Settings(TestCertificates.Cluster.CaPath).ToDictionary()));

        Assert.Contains("Server Authentication", refused.Message);
        Assert.DoesNotContain("Client Authentication", refused.Message);
    }

    [Fact]
    public async Task a_wrong_certificate_password_is_named()
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            TestSilo.StartAsync(Db, Cluster(), new Dictionary<string, string?> { ["Cluster:Tls:CertificatePassword"] = "not-the-password-42" }));

        Assert.Contains("Cluster:Tls:CertificatePassword", refused.Message);
        Assert.DoesNotContain("not-the-password-42", refused.Message);
    }

    [Fact]
    public void a_certificate_password_in_a_configuration_file_is_refused()
    {
        var file = Path.Combine(TestCertificates.Cluster.Folder, $"appsettings-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """{ "Cluster": { "Tls": { "CertificatePassword": "in-a-file" } } }""");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(TestCertificates.Cluster.Settings.Where(s => s.Key != "Cluster:Tls:CertificatePassword"))
            .AddJsonFile(file)
            .Build();

        var refused = Assert.Throws<InvalidOperationException>(() => ClusterTlsSettings.From(configuration));

        Assert.Contains("Cluster:Tls:CertificatePassword is set in", refused.Message);
        Assert.DoesNotContain("in-a-file", refused.Message);
    }

    [Fact]
    public void turning_tls_off_needs_no_certificate()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Cluster:Tls:Enabled"] = "false" })
            .Build();

        Assert.False(ClusterTlsSettings.From(configuration).Enabled);
    }
}
