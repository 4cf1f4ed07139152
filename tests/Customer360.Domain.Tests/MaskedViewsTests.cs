using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Customer360.Domain.Access;
using Customer360.Domain.Derived;
using Customer360.Domain.Events;
using Customer360.Domain.Views;
using Customer360.Domain.WorkOrders;

namespace Customer360.Domain.Tests;

/// <summary>
/// The allow-list of masked viewers (store staff): every field of every view they may be given is listed in
/// <see cref="MaskedFields"/>, and <see cref="PersonalDataMasking"/> does what the list says. A field added to a
/// view later fails here until someone decides what store staff get of it.
/// </summary>
public sealed class MaskedViewsTests
{
    private const string Phone = "13812345678";
    private const string IdNumber = "11010519491231002X";
    private const string Poison = $"call {Phone}, ID {IdNumber}";
    private const string HiddenDay = "1961-07-09";

    /// <summary>Every kind of answer a masked viewer can get, and how it is masked.</summary>
    private static readonly (Type Type, Func<object, object?> Mask)[] Roots =
    [
        (typeof(ProfileView), v => PersonalDataMasking.Mask((ProfileView)v)),
        (typeof(CustomerSummary), v => PersonalDataMasking.Mask((CustomerSummary)v)),
        (typeof(CustomerListView), v => PersonalDataMasking.Mask((CustomerListView)v)),
        (typeof(StoreWalkInsView), v => PersonalDataMasking.Mask((StoreWalkInsView)v)),
        (typeof(WalkInView), v => PersonalDataMasking.Mask((WalkInView)v)),
        (typeof(WorkOrderInboxView), v => PersonalDataMasking.Mask((WorkOrderInboxView)v)),
        (typeof(WorkOrder), v => PersonalDataMasking.Mask((WorkOrder)v)),
        .. EventTypesOfTheJournal().Select(t => (t, (Func<object, object?>)(v => PersonalDataMasking.Mask((EventPayload)v)))),
    ];

    private static IEnumerable<Type> EventTypesOfTheJournal() =>
        typeof(EventPayload).GetCustomAttributes<JsonDerivedTypeAttribute>().Select(a => a.DerivedType);

    [Fact]
    public void every_field_a_masked_viewer_can_be_given_is_listed_as_shown_masked_or_hidden()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var unlisted = new List<string>();
        foreach (var (type, _) in Roots) Walk(type, seen, unlisted);
        Assert.True(unlisted.Count == 0,
            $"decide in MaskedFields (and PersonalDataMasking) what store staff get of: {string.Join(", ", unlisted.Distinct())}");
        var stale = MaskedFields.Rules.Keys.Where(k => !seen.Contains(k)).ToList();
        Assert.True(stale.Count == 0, $"MaskedFields names fields no view has: {string.Join(", ", stale)}");
    }

    [Fact]
    public void masked_views_carry_no_full_phone_or_id_number_and_nothing_hidden_whatever_the_fields_hold()
    {
        foreach (var (type, mask) in Roots)
        {
            var json = JsonSerializer.Serialize(mask(Fill(type, MaskRule.Shown)), DomainJson.Options);
            Assert.False(json.Contains(Phone) || json.Contains(IdNumber) || json.Contains(HiddenDay),
                $"the masked {type.Name} still holds a full number or a hidden field: {json}");
        }
    }

    [Fact]
    public void fields_listed_as_shown_are_copied_unchanged()
    {
        var view = (ProfileView)Fill(typeof(ProfileView), MaskRule.Shown);
        var masked = PersonalDataMasking.Mask(view);
        Assert.Equal(view.Identity.Region, masked.Identity.Region);
        Assert.Equal(view.Products, masked.Products);
        Assert.Equal(view.Usage.DataMb, masked.Usage.DataMb);
        Assert.Equal(view.Billing.Bills, masked.Billing.Bills);
        Assert.Equal(view.Derived.Alerts[0].RaisedAt, masked.Derived.Alerts[0].RaisedAt);
        Assert.Equal(view.WorkOrders[0].DueAt, masked.WorkOrders[0].DueAt);
    }

    [Fact]
    public void a_work_order_note_keeps_its_words_with_its_numbers_masked_and_a_touchpoint_note_is_removed()
    {
        var view = (ProfileView)Fill(typeof(ProfileView), MaskRule.Shown);
        var masked = PersonalDataMasking.Mask(view);
        Assert.Equal("call 138****5678, ID 110***********002X", masked.WorkOrders[0].Notes);
        Assert.Null(masked.RecentTouchpoints[0].Note);
        Assert.StartsWith("c**", masked.Identity.Name);
        Assert.Equal("cal********************************002X", masked.Identity.Msisdn);
        Assert.Null(masked.Identity.Birthday);
    }

    [Theory]
    [InlineData("C00000001-walk-in:S01:2026-12-03-42", "C00000001-walk-in:S01:2026-12-03-42")]
    [InlineData("C00000001-complaint:ID 11010519491231002X-7", "C00000001-complaint:ID 110***********002X-7")]
    public void an_alert_id_keeps_the_customer_id_whole_and_masks_the_numbers_of_its_key(string id, string shown)
    {
        var line = (CustomerSummary)Fill(typeof(CustomerSummary), MaskRule.Shown) with
        {
            CustomerId = "C00000001",
            OpenAlerts = [new AlertSummary(id, AlertKind.WalkIn, AlertSeverity.High, AlertState.Open, "S01", Given.Now, null)],
        };
        Assert.Equal(shown, PersonalDataMasking.Mask(line).OpenAlerts[0].Id);
    }

    [Fact]
    public void the_timeline_shows_masked_viewers_every_event_type_but_registrations_and_updates()
    {
        var shown = EventTypesOfTheJournal()
            .Where(t => PersonalDataMasking.Mask((EventPayload)Fill(t, MaskRule.Shown)) is not null)
            .Select(t => t.Name).ToHashSet();
        Assert.DoesNotContain(nameof(CustomerRegistered), shown);
        Assert.DoesNotContain(nameof(CustomerUpdated), shown);
        Assert.Equal(EventTypesOfTheJournal().Count() - 2, shown.Count);
    }

    // ---- walking and filling the views by reflection ----

    private static IEnumerable<PropertyInfo> Serialized(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is null);

    private static void Walk(Type type, HashSet<string> seen, List<string> unlisted)
    {
        foreach (var p in Serialized(type))
        {
            var key = $"{type.Name}.{p.Name}";
            if (!seen.Add(key)) continue;
            var rule = MaskedFields.Of(type, p.Name);
            if (rule is null) unlisted.Add(key);
            if (rule != MaskRule.Hidden && Record(Element(p.PropertyType)) is { } inner) Walk(inner, seen, unlisted);
        }
    }

    private static Type Element(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying) return underlying;
        if (type != typeof(string) && type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)) return type.GetGenericArguments()[0];
        return type;
    }

    private static Type? Record(Type type) =>
        type.Assembly == typeof(ProfileView).Assembly && !type.IsEnum && type != typeof(ReasonArgs) ? type : null;

    /// <summary>
    /// An instance with every field set: fields whose rule is not Shown (or that sit under a hidden one) hold a
    /// full phone and ID number, or a day that must not show; shown fields hold harmless values.
    /// </summary>
    private static object Fill(Type type, MaskRule inherited)
    {
        var ctor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var args = ctor.GetParameters().Select(p =>
        {
            var rule = inherited == MaskRule.Hidden ? MaskRule.Hidden : MaskedFields.Of(type, p.Name!) ?? MaskRule.Shown;
            return Value(p.ParameterType, rule);
        }).ToArray();
        return ctor.Invoke(args);
    }

    private static object? Value(Type type, MaskRule rule)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string)) return rule == MaskRule.Shown ? "S01" : Poison;
        if (t == typeof(bool)) return true;
        if (t == typeof(int)) return 3;
        if (t == typeof(long)) return 4L;
        if (t == typeof(decimal)) return 5.5m;
        if (t == typeof(DateTimeOffset)) return Given.Now;
        if (t == typeof(DateOnly)) return rule == MaskRule.Hidden ? DateOnly.Parse(HiddenDay) : new DateOnly(2024, 1, 15);
        if (t.IsEnum) return Enum.GetValues(t).GetValue(0);
        if (t == typeof(ReasonArgs)) return ReasonArgs.Of(("outcome", rule == MaskRule.Shown ? "S01" : Poison));
        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var element = t.GetGenericArguments()[0];
            var list = Array.CreateInstance(element, 1);
            list.SetValue(Value(element, rule), 0);
            return list;
        }
        if (t == typeof(EventPayload)) return new SmsUsed(1);
        return Fill(t, rule);
    }
}
