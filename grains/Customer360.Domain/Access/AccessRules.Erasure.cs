namespace Customer360.Domain.Access;

/// <summary>
/// Erasure (PIPL deletion): removing a person's data for good is the data officer's decision, taken by an
/// administrator; no other role may, whatever their scope.
/// </summary>
public static partial class AccessRules
{
    /// <summary>May <paramref name="viewer"/> erase a customer's personal data?</summary>
    public static bool MayErase(Viewer viewer) => viewer.IsAdmin;
}
