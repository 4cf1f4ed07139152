using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Customer360.Testing;

/// <summary>
/// A certificate authority made in-process for the tests, with the certificates it issues written to a folder of
/// its own under the temp folder (deleted when the test process exits). <see cref="Cluster"/> is the one every
/// test silo, gateway and client uses, so the whole suite runs over mutual TLS; tests that play an intruder make
/// another with <see cref="CreateAuthority"/>.
/// </summary>
public sealed class TestCertificates
{
    private static readonly Lazy<TestCertificates> LazyCluster = new(() => CreateAuthority("Customer360 Test Cluster CA"));
    private static readonly Oid ServerAuth = new("1.3.6.1.5.5.7.3.1");
    private static readonly Oid ClientAuth = new("1.3.6.1.5.5.7.3.2");

    private readonly X509Certificate2 _authority;

    /// <summary>The cluster's CA, and a certificate of its own for silos and clients alike (server and client authentication).</summary>
    public static TestCertificates Cluster => LazyCluster.Value;

    /// <summary>The folder holding this CA's files.</summary>
    public string Folder { get; }

    /// <summary>The CA certificate, PEM.</summary>
    public string CaPath { get; }

    /// <summary>A node certificate of this CA (PKCS#12, with <see cref="Password"/>), for silos and clients.</summary>
    public string NodeCertificatePath { get; }

    /// <summary>The password of every PKCS#12 file this CA writes.</summary>
    public string Password { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));

    /// <summary>The <c>Cluster:Tls</c> settings of a silo or client with this CA's node certificate.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Cluster:Tls:CertificatePath"] = NodeCertificatePath,
        ["Cluster:Tls:CertificatePassword"] = Password,
        ["Cluster:Tls:CaPath"] = CaPath,
    };

    private TestCertificates(X509Certificate2 authority, string folder)
    {
        _authority = authority;
        Folder = folder;
        CaPath = Path.Combine(folder, "ca.pem");
        File.WriteAllText(CaPath, authority.ExportCertificatePem());
        NodeCertificatePath = Issue("node", server: true, client: true).PfxPath;
    }

    /// <summary>A new CA, unrelated to any other.</summary>
    public static TestCertificates CreateAuthority(string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"c360-tls-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(folder, recursive: true); } catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { /* best effort */ }
        };
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        // Valid from a year back, so a test can issue a certificate that has already expired.
        return new TestCertificates(request.CreateSelfSigned(now.AddYears(-1), now.AddYears(2)), folder);
    }

    /// <summary>
    /// Issues a certificate for <paramref name="name"/> with the given key usages, valid from yesterday for a
    /// year unless told otherwise, and writes it both as PKCS#12 (with <see cref="Password"/>) and as PEM
    /// certificate plus PEM key.
    /// </summary>
    public IssuedCertificate Issue(string name, bool server, bool client, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        var usages = new OidCollection();
        if (server) usages.Add(ServerAuth);
        if (client) usages.Add(ClientAuth);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(usages, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(_authority, true, false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7f;
        var now = DateTimeOffset.UtcNow;
        using var issued = request.Create(_authority, notBefore ?? now.AddDays(-1), notAfter ?? now.AddDays(364), serial);
        var certificate = issued.CopyWithPrivateKey(key);

        var stem = Path.Combine(Folder, $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)]);
        var result = new IssuedCertificate(certificate, stem + ".pfx", stem + ".pem", stem + ".key", Password);
        File.WriteAllBytes(result.PfxPath, certificate.Export(X509ContentType.Pkcs12, Password));
        File.WriteAllText(result.PemPath, certificate.ExportCertificatePem());
        File.WriteAllText(result.KeyPath, key.ExportPkcs8PrivateKeyPem());
        return result;
    }
}
