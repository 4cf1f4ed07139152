namespace Customer360.Gateway.Audit;

/// <summary>The kinds of audit entry (column <c>kind</c> of <c>c360_audit</c>, filter <c>?kind=</c> of <c>GET /api/v1/audit</c>).</summary>
public static class AuditKinds
{
    /// <summary>A person read one customer's profile, timeline or walk-in card.</summary>
    public const string Read = "read";

    /// <summary>A customer's line (name, number, tier…) was in a list a person read: search, portfolio, alert queue, walk-ins, tier board, work orders.</summary>
    public const string List = "list";

    /// <summary>A person acted on a customer (alert step, tag, touchpoint) and was answered with the profile.</summary>
    public const string Action = "action";

    /// <summary>A person was refused a read or an action.</summary>
    public const string Denied = "denied";

    /// <summary>A sign-in, accepted or refused.</summary>
    public const string SignIn = "sign-in";

    /// <summary>A user account was created or changed.</summary>
    public const string User = "user";

    /// <summary>The rule settings were changed.</summary>
    public const string Rules = "rules";

    /// <summary>An administrator erased a customer's personal data (the detail holds the reason given).</summary>
    public const string Erasure = "erasure";

    /// <summary>Anything else about no customer.</summary>
    public const string Other = "other";

    public static readonly IReadOnlyList<string> All = [Read, List, Action, Denied, SignIn, User, Rules, Erasure, Other];
}
