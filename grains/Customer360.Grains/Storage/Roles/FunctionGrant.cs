namespace Customer360.Grains.Storage.Roles;

/// <summary>EXECUTE on one function, named by its signature (<c>c360_prune_audit(int)</c>), for one application role.</summary>
public sealed record FunctionGrant(string Signature, DatabaseRole Role);
