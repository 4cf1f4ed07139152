namespace Customer360.Grains.Storage.Roles;

/// <summary>Identifiers in DDL, which takes no parameters: always double-quoted, inner quotes doubled.</summary>
internal static class SqlIdentifier
{
    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
