using System.Net.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Connections.Security;

namespace Customer360.Contracts.Hosting;

/// <summary>
/// Mutual TLS on the cluster's ports from <c>Cluster:Tls</c> (<see cref="ClusterTlsSettings"/>): the same rules for
/// silos, gateways and every other Orleans client (tests, tools). Throws at build time, naming the setting, when
/// the certificate is missing or unusable, so a misconfigured process never starts.
/// </summary>
public static class ClusterTlsExtensions
{
    /// <summary>TLS on silo-to-silo and client-to-silo connections, accepted and opened alike.</summary>
    public static ISiloBuilder UseCustomer360Tls(this ISiloBuilder silo, IConfiguration configuration)
    {
        var (settings, credentials, monitor) = Prepare(silo.Services, configuration, server: true);
        return credentials is null ? silo : silo.UseTls(credentials.Certificate, o => Configure(o, settings, credentials, monitor));
    }

    /// <summary>TLS on this client's connections to the silos' gateway ports.</summary>
    public static IClientBuilder UseCustomer360Tls(this IClientBuilder client, IConfiguration configuration)
    {
        var (settings, credentials, monitor) = Prepare(client.Services, configuration, server: false);
        return credentials is null ? client : client.UseTls(credentials.Certificate, o => Configure(o, settings, credentials, monitor));
    }

    private static (ClusterTlsSettings, ClusterCredentials?, ClusterTlsMonitor) Prepare(IServiceCollection services, IConfiguration configuration, bool server)
    {
        var settings = ClusterTlsSettings.From(configuration);
        var credentials = settings.Enabled ? ClusterCredentials.Load(settings, server) : null;
        var monitor = new ClusterTlsMonitor(settings, credentials);
        services.AddHostedService(sp =>
        {
            monitor.Attach(sp.GetRequiredService<ILoggerFactory>());
            return monitor;
        });
        return (settings, credentials, monitor);
    }

    private static void Configure(TlsOptions options, ClusterTlsSettings settings, ClusterCredentials credentials, ClusterTlsMonitor monitor)
    {
        // Both ways: a silo demands a certificate from whoever connects, and a client refuses to connect without one.
        // (AllowCertificate, Orleans' default for the server side, let a certificate-less client in, encrypted but anonymous.)
        options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.HandshakeTimeout = settings.HandshakeTimeout;
        // The TLS stack builds the peer's chain with this policy, so the cluster's CA is the only root it can reach;
        // it adds the key usage of the peer's role (client authentication when we accept, server when we connect).
        options.OnAuthenticateAsServer = (_, tls) =>
            ((SslServerAuthenticationOptions)tls.SslServerAuthenticationOptions).CertificateChainPolicy = credentials.ChainPolicy();
        options.OnAuthenticateAsClient = (_, tls) =>
            ((SslClientAuthenticationOptions)tls.SslClientAuthenticationOptions).CertificateChainPolicy = credentials.ChainPolicy();
        options.RemoteCertificateValidation = monitor.Accepts;
    }
}
