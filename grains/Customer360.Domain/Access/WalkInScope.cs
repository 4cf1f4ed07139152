namespace Customer360.Domain.Access;

/// <summary>Which customers store staff may identify at their counter (setting <c>Access:WalkInScope</c>).</summary>
public enum WalkInScope
{
    /// <summary>Customers of the store's region (the staff member's region claim). The default.</summary>
    Region,

    /// <summary>Only customers whose home store is this store.</summary>
    HomeStore,

    /// <summary>Any customer in the country: the old behaviour, for operators whose stores serve everyone.</summary>
    Anywhere,
}
