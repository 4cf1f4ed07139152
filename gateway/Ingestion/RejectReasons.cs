namespace Customer360.Gateway.Ingestion;

/// <summary>
/// Why an event was rejected, as a short fixed code: the <c>reason</c> tag of <c>c360.ingest.events</c>. Never the
/// answer's words, which name the event's fields and may carry customer data.
/// </summary>
public static class RejectReasons
{
    /// <summary>Not an event: unreadable JSON, a missing or bad field, an unknown type.</summary>
    public const string Invalid = "invalid";

    /// <summary>Outside the producer's grants (event type, or a store not its own).</summary>
    public const string OutsideGrants = "outside-grants";

    /// <summary>Named its customer by a phone number no customer has.</summary>
    public const string UnknownMsisdn = "unknown-msisdn";

    /// <summary>Refused by the customer's profile (not registered, erased, too many held for it, or the rules).</summary>
    public const string Profile = "profile";

    public static readonly IReadOnlyList<string> All = [Invalid, OutsideGrants, UnknownMsisdn, Profile];
}
