using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Customer360.Contracts.Hosting;

/// <summary>
/// Says at start how the cluster ports are protected (or warns that they are not), and decides on each peer's
/// certificate, logging every refusal with its reason. Made while the host is being built, before there is a
/// logger, because the TLS options need its decision then; the host hands it the logger when it starts.
/// </summary>
public sealed partial class ClusterTlsMonitor(ClusterTlsSettings settings, ClusterCredentials? credentials) : IHostedService
{
    /// <summary>A certificate closer to its end than this is announced with a warning at every start.</summary>
    private static readonly TimeSpan ExpiryWarning = TimeSpan.FromDays(30);

    private ILogger _logger = NullLogger.Instance;

    internal void Attach(ILoggerFactory loggers) => _logger = loggers.CreateLogger<ClusterTlsMonitor>();

    /// <summary>The check Orleans runs on every peer's certificate (TlsOptions.RemoteCertificateValidation).</summary>
    internal bool Accepts(X509Certificate2 certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (credentials?.PeerProblem(chain, errors) is not { } problem) return credentials is not null;
        LogRefused(_logger, certificate.Subject, certificate.Issuer, problem);
        return false;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (credentials is null)
        {
            LogDisabled(_logger);
            return Task.CompletedTask;
        }
        var certificate = credentials.Certificate;
        LogEnabled(_logger, certificate.Subject, certificate.Thumbprint, certificate.NotAfter,
            string.Join(", ", credentials.Authorities.Select(a => a.Subject)), settings.HandshakeTimeout);
        if (certificate.NotAfter - DateTime.Now < ExpiryWarning) LogExpiring(_logger, certificate.Subject, certificate.NotAfter);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Cluster TLS is OFF (Cluster:Tls:Enabled=false): anyone who reaches the silo and gateway ports can call grains, unencrypted. For a local experiment only.")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message =
        "Cluster TLS on: certificate {Subject} ({Thumbprint}, valid until {NotAfter:u}); peers must chain to {Authorities}; handshake timeout {HandshakeTimeout}")]
    private static partial void LogEnabled(ILogger logger, string subject, string thumbprint, DateTime notAfter, string authorities, TimeSpan handshakeTimeout);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cluster TLS certificate {Subject} expires {NotAfter:u}: replace it before then, or the cluster stops talking")]
    private static partial void LogExpiring(ILogger logger, string subject, DateTime notAfter);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a cluster peer's certificate {Subject} (issuer {Issuer}): {Problem}")]
    private static partial void LogRefused(ILogger logger, string subject, string issuer, string problem);
}
