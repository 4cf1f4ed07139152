using System.Security.Cryptography.X509Certificates;

namespace Customer360.Testing;

/// <summary>
/// A certificate a <see cref="TestCertificates"/> CA issued, with its private key, and the files it was written to:
/// PKCS#12 (<paramref name="PfxPath"/>, protected by <paramref name="Password"/>), and PEM certificate plus PEM key.
/// </summary>
public sealed record IssuedCertificate(X509Certificate2 Certificate, string PfxPath, string PemPath, string KeyPath, string Password)
{
    /// <summary>The <c>Cluster:Tls</c> settings naming this certificate (PKCS#12) under <paramref name="caPath"/>.</summary>
    public IReadOnlyDictionary<string, string?> Settings(string caPath) => new Dictionary<string, string?>
    {
        ["Cluster:Tls:CertificatePath"] = PfxPath,
        ["Cluster:Tls:CertificatePassword"] = Password,
        ["Cluster:Tls:CaPath"] = caPath,
    };
}
