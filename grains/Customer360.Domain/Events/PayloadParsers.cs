using Customer360.Domain.Profile;

namespace Customer360.Domain.Events;

/// <summary>
/// The payload parser of every event type, by wire name. Fields are the producer's camelCase names of the
/// record's parameters; an absent flag is false. The limits bound what one untrusted record may claim, so a
/// single bad record cannot swamp a month's totals.
/// </summary>
internal static class PayloadParsers
{
    public delegate EventPayload Parser(FieldReader payload, DateTimeOffset occurredAt);

    /// <summary>Bills, payments, balances and fees, in either direction.</summary>
    private const decimal MaxAmount = 10_000_000m;
    private const decimal MaxMb = 10_000_000m;
    private const int SecondsPerDay = 86_400;

    public static readonly IReadOnlyDictionary<string, Parser> ByType = new Dictionary<string, Parser>
    {
        [EventTypes.CustomerRegistered] = (p, _) => Registered(p),
        [EventTypes.CustomerUpdated] = (p, _) => Updated(p),
        [EventTypes.UsageVoice] = (p, _) => new VoiceUsed(
            Seconds: p.RequiredInt("seconds", 0, SecondsPerDay),
            OffNet: p.OptionalBool("offNet") ?? false,
            CompetitorServiceNumber: p.OptionalBool("competitorServiceNumber") ?? false,
            Roaming: p.OptionalBool("roaming") ?? false),
        [EventTypes.UsageData] = (p, _) => new DataUsed(
            Mb: p.RequiredDecimal("mb", 0, MaxMb),
            Roaming: p.OptionalBool("roaming") ?? false),
        [EventTypes.UsageSms] = (p, _) => new SmsUsed(Count: p.OptionalInt("count", 1, 10_000) ?? 1),
        // A month cannot close before it has begun where the operator is (UTC+8).
        [EventTypes.BillingClosed] = (p, at) => new BillClosed(
            Month: p.RequiredMonth("month", notAfter: OperatorCalendar.MonthOf(at)),
            Amount: p.RequiredDecimal("amount", 0, MaxAmount),
            DueOn: p.OptionalDate("dueOn")),
        [EventTypes.BillingPayment] = (p, _) => new PaymentMade(
            Amount: p.RequiredPositive("amount", MaxAmount),
            Method: p.OptionalString("method", 32)),
        [EventTypes.Balance] = (p, _) => new BalanceReported(Balance: p.RequiredDecimal("balance", -MaxAmount, MaxAmount)),
        [EventTypes.ProductChanged] = (p, _) => new ProductChanged(Products(p)),
        [EventTypes.DeviceChanged] = (p, at) => new DeviceChanged(new DeviceInfo(
            Brand: p.RequiredString("brand", 64),
            Model: p.RequiredString("model", 64),
            PriceBand: p.RequiredEnum<PriceBand>("priceBand"),
            DualSim: p.OptionalBool("dualSim") ?? false,
            // The event says the customer started using the handset; without a date, that is when it happened.
            InUseSince: p.OptionalDate("inUseSince") ?? OperatorCalendar.DateOf(at))),
        [EventTypes.Touchpoint] = (p, _) => new TouchpointRecorded(
            Channel: p.RequiredEnum<TouchpointChannel>("channel"),
            Kind: p.RequiredEnum<TouchpointKind>("kind"),
            StoreId: p.OptionalId("storeId"),
            StaffId: p.OptionalId("staffId"),
            Stage: p.OptionalEnum<FourSStage>("stage"),
            Category: p.OptionalEnum<TouchpointCategory>("category"),
            Score: p.OptionalInt("score", 1, 5),
            Reference: p.OptionalString("reference", 64),
            Note: p.OptionalString("note", 500),
            Discount: p.OptionalBool("discount") ?? false),
        [EventTypes.AccountClosed] = (p, _) => new AccountClosed(PortedOut: p.OptionalBool("portedOut") ?? false),
    };

    // A registration is the identity fields of an update with four of them required: check those first so
    // their own messages name them, then read the rest the one way both events share.
    private static CustomerRegistered Registered(FieldReader p)
    {
        p.RequiredString("name", 100);
        p.RequiredMsisdn("msisdn");
        p.RequiredString("region", 64);
        var joinedOn = p.RequiredDate("joinedOn");
        var f = IdentityFields(p);
        return new CustomerRegistered(new CustomerIdentity(f.Name!, f.Msisdn!, f.Region!, joinedOn, f.HomeStoreId, f.AccountManagerId,
            f.PhoneManagerId, f.Birthday, f.Gender, f.Occupation, f.Interests, f.GroupId, f.GroupClass, f.KeyPerson ?? false,
            f.FamilyDecisionMaker ?? false));
    }

    private static readonly CustomerUpdated NoChange = new(null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    private static CustomerUpdated Updated(FieldReader p)
    {
        var updated = IdentityFields(p);
        // Unknown fields are ignored, so a payload of only misspelt names would otherwise be a silent no-op.
        return updated == NoChange ? throw new InvalidEventException("payload must change at least one field") : updated;
    }

    private static CustomerUpdated IdentityFields(FieldReader p) => new(
        Name: p.OptionalString("name", 100),
        Msisdn: p.OptionalMsisdn("msisdn"),
        Region: p.OptionalString("region", 64),
        HomeStoreId: p.OptionalId("homeStoreId"),
        AccountManagerId: p.OptionalId("accountManagerId"),
        PhoneManagerId: p.OptionalId("phoneManagerId"),
        Birthday: p.OptionalDate("birthday"),
        Gender: p.OptionalString("gender", 16),
        Occupation: p.OptionalString("occupation", 64),
        Interests: Interests(p),
        GroupId: p.OptionalId("groupId"),
        GroupClass: p.OptionalEnum<GroupClass>("groupClass"),
        KeyPerson: p.OptionalBool("keyPerson"),
        FamilyDecisionMaker: p.OptionalBool("familyDecisionMaker"));

    private static IReadOnlyList<string>? Interests(FieldReader p) => p.OptionalStringList("interests", maxItems: 20, maxLength: 40);

    private static ProductHolding Products(FieldReader p) => new(
        PlanName: p.RequiredString("planName", 100),
        MonthlyFee: p.RequiredDecimal("monthlyFee", 0, MaxAmount),
        // A plan without an allowance of a kind (a data-only SIM has no minutes) leaves it out.
        VoiceMinutes: p.OptionalDecimal("voiceMinutes", 0, 1_000_000m) ?? 0,
        DataMb: p.OptionalDecimal("dataMb", 0, MaxMb) ?? 0,
        Sms: p.OptionalInt("sms", 0, 1_000_000) ?? 0,
        Broadband: p.OptionalBool("broadband") ?? false,
        VirtualNetwork: p.OptionalBool("virtualNetwork") ?? false,
        ValueAddedServices: p.OptionalStringList("valueAddedServices", maxItems: 50, maxLength: 64) ?? [],
        ContractEnd: p.OptionalDate("contractEnd"),
        PaymentMode: p.RequiredEnum<PaymentMode>("paymentMode"),
        AutoPay: p.OptionalBool("autoPay") ?? false);
}
