namespace Customer360.Gateway.Hosting;

/// <summary>Hardening of the HTTP surface. Bound from configuration section <c>Hardening</c>.</summary>
public sealed class HardeningOptions
{
    public const string Section = "Hardening";

    /// <summary>
    /// The largest request body, in bytes, of a staff request under <c>/api</c> (alert actions, tags,
    /// touchpoints, walk-ins, work orders, rules): larger is refused with 413. Default 64 KiB; 1 KiB to 1 MiB.
    /// Endpoints with a limit of their own keep it: <c>POST /api/v1/events</c> has <c>Ingest:MaxBodyBytes</c>.
    /// </summary>
    public int MaxStaffBodyBytes { get; set; } = 64 * 1024;

    /// <summary>HSTS max-age in days when HTTPS is on (a certificate is configured for Kestrel). Default 365.</summary>
    public int HstsMaxAgeDays { get; set; } = 365;

    /// <summary>Every problem, naming the setting.</summary>
    public IEnumerable<string> Validate()
    {
        if (MaxStaffBodyBytes is < 1024 or > 1024 * 1024) yield return "Hardening:MaxStaffBodyBytes must be from 1024 to 1048576";
        if (HstsMaxAgeDays is < 1 or > 3650) yield return "Hardening:HstsMaxAgeDays must be from 1 to 3650";
    }
}
