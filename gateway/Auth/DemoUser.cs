namespace Customer360.Gateway.Auth;

/// <summary>
/// A demo user (<c>Auth:DemoUsers</c>, in <c>appsettings.Demo.json</c>): created, hashed, at gateway start only
/// when <see cref="AuthOptions.DemoMode"/> is on. Its password is known to everyone who reads the file.
/// </summary>
public sealed class DemoUser
{
    public string Name { get; set; } = "";
    public string Password { get; set; } = "";
    public string Role { get; set; } = "";
    public string? StoreId { get; set; }
    public string? ManagerId { get; set; }
    public string? Region { get; set; }

    /// <summary>For role ingest: the event groups it may send (<c>usage</c>, <c>master-data</c>, <c>store-systems</c>).</summary>
    public List<string> Grants { get; set; } = [];

    /// <summary>For role ingest: the stores whose walk-ins it may send.</summary>
    public List<string> Stores { get; set; } = [];
}
