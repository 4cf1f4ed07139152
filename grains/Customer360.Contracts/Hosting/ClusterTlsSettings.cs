using Microsoft.Extensions.Configuration;

namespace Customer360.Contracts.Hosting;

/// <summary>
/// TLS on the cluster's own ports (silo to silo, gateway to silo). Bound from configuration section
/// <c>Cluster:Tls</c>. Mutual: every silo and gateway presents a certificate issued by the cluster's CA and
/// accepts only peers whose certificate chains to that CA. On by default: a silo or gateway without a
/// certificate does not start.
/// </summary>
public sealed class ClusterTlsSettings
{
    public const string Section = "Cluster:Tls";

    /// <summary>
    /// TLS on the cluster ports. Default <c>true</c>. <c>false</c> leaves the ports open to any client,
    /// unencrypted: for a local experiment only (a warning is logged at start).
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// This process's certificate with its private key: a PKCS#12 file (<c>.pfx</c>/<c>.p12</c>) or a PEM file.
    /// Silos need key usage for both server and client authentication (they accept and open connections);
    /// gateways need client authentication.
    /// </summary>
    public string? CertificatePath { get; set; }

    /// <summary>The PEM private key, when <see cref="CertificatePath"/> is a PEM file that does not hold the key itself.</summary>
    public string? CertificateKeyPath { get; set; }

    /// <summary>
    /// Password of the PKCS#12 file or of an encrypted PEM key. From the environment only
    /// (<c>Cluster__Tls__CertificatePassword</c>): a configuration file holding it is refused.
    /// </summary>
    public string? CertificatePassword { get; set; }

    /// <summary>
    /// The cluster's CA certificate (PEM, one or more certificates, or DER): the only trust anchor for peers.
    /// The machine's public roots are never consulted.
    /// </summary>
    public string? CaPath { get; set; }

    /// <summary>How long a TLS handshake may take before the connection is dropped. Default 10 s.</summary>
    public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Returns the problems with these settings, naming each setting; empty when valid. Files are checked to exist only.</summary>
    public IEnumerable<string> Validate()
    {
        if (!Enabled) yield break;
        if (string.IsNullOrWhiteSpace(CertificatePath))
            yield return $"{Section}:CertificatePath is not set: silos and gateways talk TLS with a certificate issued by the cluster's CA "
                + $"(set {Section}:CertificatePath and {Section}:CaPath; {Section}:Enabled=false only for a local experiment)";
        else if (!File.Exists(CertificatePath))
            yield return $"{Section}:CertificatePath '{CertificatePath}' does not exist";
        if (!string.IsNullOrWhiteSpace(CertificateKeyPath) && !File.Exists(CertificateKeyPath))
            yield return $"{Section}:CertificateKeyPath '{CertificateKeyPath}' does not exist";
        if (string.IsNullOrWhiteSpace(CaPath))
            yield return $"{Section}:CaPath is not set: peers are trusted only when their certificate chains to the cluster's CA";
        else if (!File.Exists(CaPath))
            yield return $"{Section}:CaPath '{CaPath}' does not exist";
        if (HandshakeTimeout <= TimeSpan.Zero || HandshakeTimeout > TimeSpan.FromMinutes(5))
            yield return $"{Section}:HandshakeTimeout {HandshakeTimeout} must be positive and at most 5 minutes";
    }

    /// <summary>Binds and validates; throws naming every bad setting, and when the password comes from a file.</summary>
    public static ClusterTlsSettings From(IConfiguration configuration)
    {
        var settings = configuration.GetSection(Section).Get<ClusterTlsSettings>() ?? new ClusterTlsSettings();
        var problems = settings.Validate().ToList();
        if (PasswordFile(configuration) is { } file)
            problems.Add($"{Section}:CertificatePassword is set in {file}: pass it through the environment (Cluster__Tls__CertificatePassword), never in a file");
        return problems.Count == 0 ? settings : throw new InvalidOperationException(string.Join("; ", problems));
    }

    /// <summary>The configuration file that sets the password, if one does.</summary>
    private static string? PasswordFile(IConfiguration configuration)
    {
        if (configuration is not IConfigurationRoot root) return null;
        var key = $"{Section}:CertificatePassword";
        return root.Providers.OfType<FileConfigurationProvider>()
            .FirstOrDefault(p => p.TryGet(key, out var value) && !string.IsNullOrEmpty(value))?.Source.Path;
    }
}
