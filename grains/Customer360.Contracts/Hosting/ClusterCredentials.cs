using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Customer360.Contracts.Hosting;

/// <summary>
/// This process's certificate and the cluster's CA, loaded from <see cref="ClusterTlsSettings"/> and checked
/// at start: a certificate that does not chain to the CA, has expired, or lacks a key usage its role needs is
/// refused before the process listens or connects, with a message naming the setting.
/// </summary>
public sealed class ClusterCredentials
{
    private static readonly Oid ServerAuth = new("1.3.6.1.5.5.7.3.1", "Server Authentication");
    private static readonly Oid ClientAuth = new("1.3.6.1.5.5.7.3.2", "Client Authentication");

    /// <summary>This process's certificate, with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The trust anchors: the only certificates a peer's chain may end in.</summary>
    public X509Certificate2Collection Authorities { get; }

    private ClusterCredentials(X509Certificate2 certificate, X509Certificate2Collection authorities)
    {
        Certificate = certificate;
        Authorities = authorities;
    }

    /// <summary>
    /// Loads and checks the credentials of a silo (<paramref name="server"/>: it accepts connections too, so it
    /// needs server authentication as well as client authentication) or of a client.
    /// </summary>
    public static ClusterCredentials Load(ClusterTlsSettings settings, bool server)
    {
        var authorities = LoadAuthorities(settings.CaPath!);
        var certificate = LoadCertificate(settings);
        var credentials = new ClusterCredentials(certificate, authorities);
        var problems = new List<string>();
        foreach (var usage in server ? new[] { ServerAuth, ClientAuth } : [ClientAuth])
        {
            if (credentials.Problem(certificate, usage) is { } problem)
                problems.Add($"{usage.FriendlyName}: {problem}");
        }
        return problems.Count == 0 ? credentials : throw new InvalidOperationException(
            $"The certificate in {ClusterTlsSettings.Section}:CertificatePath ({certificate.Subject}) cannot be used with the CA in "
            + $"{ClusterTlsSettings.Section}:CaPath: {string.Join("; ", problems)}");
    }

    /// <summary>
    /// A fresh chain policy for one connection: only the cluster's CA is trusted. Fresh because the TLS stack
    /// adds the key usage it checks (client or server authentication) to the policy it is given.
    /// </summary>
    public X509ChainPolicy ChainPolicy()
    {
        var policy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            // Cluster CAs rarely publish revocation lists; a stolen certificate is handled by replacing the CA.
            RevocationMode = X509RevocationMode.NoCheck,
            DisableCertificateDownloads = true,
        };
        policy.CustomTrustStore.AddRange(Authorities);
        return policy;
    }

    /// <summary>
    /// Why this process's own certificate cannot serve for <paramref name="usage"/> under the cluster's CA, or
    /// null when it can.
    /// </summary>
    private string? Problem(X509Certificate2 certificate, Oid usage)
    {
        using var chain = new X509Chain { ChainPolicy = ChainPolicy() };
        chain.ChainPolicy.ApplicationPolicy.Add(usage);
        return chain.Build(certificate) ? RootProblem(chain) : StatusText(chain);
    }

    /// <summary>
    /// Why a peer's certificate is refused, or null when the TLS stack's chain (built with <see cref="ChainPolicy"/>
    /// and the key usage of the peer's role) ends in the cluster's CA. Host names are not checked: silos are
    /// reached at advertised IP addresses, and the CA alone vouches for membership of the cluster.
    /// </summary>
    public string? PeerProblem(X509Chain? chain, SslPolicyErrors errors)
    {
        // Fails closed: a chain built under any other policy (the machine's roots) proves nothing here.
        if (chain is null || chain.ChainPolicy.TrustMode != X509ChainTrustMode.CustomRootTrust)
            return "its chain was not built against the cluster's CA";
        if ((errors & ~SslPolicyErrors.RemoteCertificateNameMismatch) != SslPolicyErrors.None)
            return $"{errors}: {StatusText(chain)}";
        return RootProblem(chain);
    }

    /// <summary>
    /// CustomRootTrust with only the CA in the store already implies that the chain ends in the CA; checked again
    /// so that a change of policy cannot quietly widen who is trusted.
    /// </summary>
    private string? RootProblem(X509Chain chain)
    {
        if (chain.ChainElements.Count == 0) return "empty chain";
        var root = chain.ChainElements[^1].Certificate;
        return Authorities.Any(a => a.RawDataMemory.Span.SequenceEqual(root.RawDataMemory.Span))
            ? null
            : $"the chain ends in {root.Subject}, not in the cluster's CA";
    }

    private static string StatusText(X509Chain chain) => string.Join(", ",
        chain.ChainStatus.Where(s => s.Status != X509ChainStatusFlags.NoError).Select(s => $"{s.Status} ({s.StatusInformation.Trim()})"));

    private static X509Certificate2Collection LoadAuthorities(string path)
    {
        var authorities = new X509Certificate2Collection();
        try
        {
            if (File.ReadAllText(path).Contains("-----BEGIN", StringComparison.Ordinal)) authorities.ImportFromPemFile(path);
            else authorities.Add(X509CertificateLoader.LoadCertificateFromFile(path));
        }
        catch (CryptographicException ex)
        {
            throw new InvalidOperationException($"{ClusterTlsSettings.Section}:CaPath '{path}' is not a PEM or DER certificate: {ex.Message}", ex);
        }
        return authorities.Count > 0
            ? authorities
            : throw new InvalidOperationException($"{ClusterTlsSettings.Section}:CaPath '{path}' holds no certificate");
    }

    private static X509Certificate2 LoadCertificate(ClusterTlsSettings settings)
    {
        var path = settings.CertificatePath!;
        var password = string.IsNullOrEmpty(settings.CertificatePassword) ? null : settings.CertificatePassword;
        X509Certificate2 certificate;
        try
        {
            var pem = File.ReadAllText(path).Contains("-----BEGIN", StringComparison.Ordinal);
            var keyPath = string.IsNullOrWhiteSpace(settings.CertificateKeyPath) ? null : settings.CertificateKeyPath;
            certificate = !pem ? X509CertificateLoader.LoadPkcs12FromFile(path, password)
                : password is null ? X509Certificate2.CreateFromPemFile(path, keyPath)
                : X509Certificate2.CreateFromEncryptedPemFile(path, password, keyPath);
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            throw new InvalidOperationException(
                $"{ClusterTlsSettings.Section}:CertificatePath '{path}' could not be read as PKCS#12 or PEM with its private key "
                + $"(wrong {ClusterTlsSettings.Section}:CertificatePassword, or the key missing from {ClusterTlsSettings.Section}:CertificateKeyPath?): {ex.Message}", ex);
        }
        return certificate.HasPrivateKey ? certificate : throw new InvalidOperationException(
            $"{ClusterTlsSettings.Section}:CertificatePath '{path}' holds no private key (set {ClusterTlsSettings.Section}:CertificateKeyPath to the PEM key)");
    }
}
