namespace Customer360.Grains.Storage.Roles;

/// <summary>An application's PostgreSQL role: what a grant in <see cref="DatabaseGrants"/> is given to.</summary>
public enum DatabaseRole
{
    Silo,
    Gateway,
}
