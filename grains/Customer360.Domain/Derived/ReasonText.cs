using System.Text;
using C = Customer360.Domain.Derived.ReasonCodes;

namespace Customer360.Domain.Derived;

/// <summary>
/// Words every reason in English ("en") and Chinese ("zh", zh-CN), as a store clerk would say it. Arguments
/// are filled in as stored (invariant numbers and ISO dates); a few word-like values (VIP cards, alert kinds,
/// default holidays) are translated too. An unknown code renders as the code itself, so a newer rule never
/// breaks an older console.
/// </summary>
public static class ReasonText
{
    private static readonly Dictionary<string, (string En, string Zh)> Catalogue = new(StringComparer.Ordinal)
    {
        [C.TierNoBill] = ("No billing month closed yet: a one-star mass customer for now", "尚无出账月份，暂按一星大众客户"),
        [C.TierMass] = ("Three-month billed revenue ¥{a3} (to {month}): {stars}-star mass customer", "近三月出账{a3}元（截至{month}），大众客户{stars}星"),
        [C.TierMidHigh] = ("Three-month billed revenue ¥{a3} reaches the mid/high line ¥{line}", "近三月出账{a3}元，达到中高端标准{line}元"),
        [C.TierGroupMidHigh] = ("Three-month billed revenue ¥{a3} reaches the mid/high line ¥{line}, as a member of group {group}", "近三月出账{a3}元，达到中高端标准{line}元，且为集团{group}成员"),
        [C.TierVip] = ("{card} VIP card: three-month billed revenue ¥{a3} reaches ¥{line}, a year or more with us and no arrears", "{card}卡VIP：近三月出账{a3}元，达到{line}元，在网满一年且无欠费"),
        [C.TierKeyPerson] = ("Key person (decision maker) of class {class} group {group}", "{class}类集团{group}的关键人（决策人）"),

        [C.StageExploring] = ("Joined {joinedOn}: in the first {days} days, still getting to know us", "{joinedOn}入网，未满{days}天，处于考察期"),
        [C.StageForming] = ("Joined {joinedOn}: under {months} months with us", "{joinedOn}入网，在网未满{months}个月，处于形成期"),
        [C.StageStable] = ("Joined {joinedOn}: {months} months or more with us, no sign of leaving", "{joinedOn}入网，在网满{months}个月，无退化迹象"),
        [C.StageChurned] = ("Account closed on {on}", "已于{on}销户离网"),
        [C.StagePortedOut] = ("Number ported out to another operator on {on}", "已于{on}携号转网离网"),
        [C.StageRecovering] = ("No sign of leaving lately: back to normal on {until} if it stays quiet", "近期无退化信号，若保持至{until}即恢复正常"),

        [C.DeclineCompetitorCalls] = ("{count} calls to other operators' service numbers in the last {days} days", "近{days}天拨打异网客服电话{count}次"),
        [C.DeclinePortOutInquiry] = ("Asked about porting the number out on {on}", "{on}咨询过携号转网"),
        [C.DeclineBillDrop] = ("{month} bill ¥{amount} against a three-month average of ¥{average} ({percent}%)", "{month}出账{amount}元，前三月平均{average}元（{percent}%）"),
        [C.DeclineDataDrop] = ("{month} data use {mb} MB against a three-month average of {average} MB ({percent}%)", "{month}流量{mb}MB，前三月平均{average}MB（{percent}%）"),
        [C.DeclineArrears] = ("In arrears since {since}, for over {days} days", "自{since}起欠费，已超过{days}天"),
        [C.DeclineComplaintOpen] = ("Complaint {reference} open since {openedOn}, for over {days} days", "投诉{reference}自{openedOn}起未解决，已超过{days}天"),

        [C.AlertSpendSpike] = ("{month} bill ¥{amount} is up {percent}% on the three-month average of ¥{average}", "{month}出账{amount}元，较前三月平均{average}元上升{percent}%"),
        [C.AlertSpendDrop] = ("{month} bill ¥{amount} against a three-month average of ¥{average} ({percent}%)", "{month}出账{amount}元，前三月平均{average}元（{percent}%）"),
        [C.AlertSaturationData] = ("Data used this month is over {line}% of the plan's {allowance} MB", "本月流量已超过套餐{allowance}MB的{line}%"),
        [C.AlertSaturationVoice] = ("Call minutes this month are over {line}% of the plan's {allowance} minutes", "本月通话已超过套餐{allowance}分钟的{line}%"),
        [C.AlertUnderUse] = ("Used under {line}% of the plan's allowance {months} months running", "连续{months}个月用量低于套餐的{line}%"),
        [C.AlertContractExpiring] = ("Contract ends on {end}, within {days} days", "合约将于{end}到期（{days}天内）"),
        [C.AlertArrears] = ("In arrears since {since}: balance ¥{balance}, unpaid bills ¥{outstanding}", "自{since}起欠费：余额{balance}元，未缴账单{outstanding}元"),
        [C.AlertLowBalance] = ("Prepaid balance ¥{balance} is below ¥{line}", "预付费余额{balance}元，低于{line}元"),
        [C.AlertDeviceAging] = ("{model} in use since {since}: {months} months or more", "{model}自{since}起使用，已满{months}个月"),
        [C.AlertComplaint] = ("Complaint {reference} open since {openedOn}", "投诉{reference}自{openedOn}起待处理"),
        [C.AlertComplaintOverdue] = ("Complaint {reference} open since {openedOn}: over {days} days", "投诉{reference}自{openedOn}起已超过{days}天未解决"),
        [C.AlertBirthday] = ("Birthday on {date}", "{date}生日"),
        [C.AlertAnniversary] = ("{years} years with us on {date}", "{date}入网满{years}周年"),
        [C.AlertHoliday] = ("{name} on {date}", "节日：{name}（{date}）"),
        [C.AlertWalkIn] = ("Identified at the counter of store {store}", "在门店{store}到店识别"),
        [C.AlertAutoResolved] = ("Cleared by itself: the {kind} condition no longer holds", "{kind}条件已消除，自动解除"),
        [C.AlertResolvedByStaff] = ("Resolved by {by}: {outcome}", "{by}已处理：{outcome}"),

        [C.TagDataHeavy] = ("Uses {average} MB of data a month on average over {months} months (line {line} MB)", "近{months}个月月均流量{average}MB（标准{line}MB）"),
        [C.TagVoiceHeavy] = ("Talks {average} minutes a month on average over {months} months (line {line})", "近{months}个月月均通话{average}分钟（标准{line}分钟）"),
        [C.TagRoamer] = ("Roamed in {month}", "{month}有漫游使用"),
        [C.TagDualSim] = ("Uses a dual-SIM handset ({model})", "使用双卡手机（{model}）"),
        [C.TagDeviceUpgrade] = ("{model} in use since {since}: {months} months or more, due for a new one", "{model}自{since}起使用已满{months}个月，可推荐换机"),
        [C.TagNoBroadband] = ("Plan {plan} has no home broadband", "套餐{plan}未含家庭宽带"),
        [C.TagPriceSensitive] = ("Accepted {count} discount offers", "已接受{count}次优惠活动"),
        [C.TagKeyPerson] = ("Key person of class {class} group {group}", "{class}类集团{group}关键人"),
        [C.TagFamilyDecisionMaker] = ("Makes the family's phone and broadband decisions", "家庭通信消费决策人"),
        [C.TagNewCustomer] = ("Joined {joinedOn}: under {days} days with us", "{joinedOn}入网，未满{days}天"),
    };

    // Word-like argument values, by argument name.
    private static readonly Dictionary<string, Dictionary<string, (string En, string Zh)>> Values = new(StringComparer.Ordinal)
    {
        ["card"] = new(StringComparer.Ordinal)
        {
            ["diamond"] = ("Diamond", "钻石"), ["gold"] = ("Gold", "金"), ["silver"] = ("Silver", "银"),
        },
        ["kind"] = new(StringComparer.Ordinal)
        {
            ["churn-risk"] = ("churn risk", "离网预警"), ["spend-spike"] = ("spend spike", "消费突增"), ["spend-drop"] = ("spend drop", "消费突降"),
            ["plan-saturation"] = ("plan saturation", "套餐饱和"), ["plan-under-use"] = ("plan under-use", "套餐低使用"),
            ["contract-expiring"] = ("contract expiring", "合约到期"), ["arrears"] = ("arrears", "欠费"), ["low-balance"] = ("low balance", "余额不足"),
            ["device-aging"] = ("device aging", "换机"), ["complaint"] = ("complaint", "投诉"), ["birthday"] = ("birthday", "生日关怀"),
            ["anniversary"] = ("anniversary", "入网周年关怀"), ["holiday"] = ("holiday", "节日关怀"), ["walk-in"] = ("walk-in", "进店"),
        },
        ["name"] = new(StringComparer.Ordinal)
        {
            ["New Year"] = ("New Year", "元旦"), ["Spring Festival"] = ("Spring Festival", "春节"), ["Labour Day"] = ("Labour Day", "劳动节"),
            ["Mid-Autumn Festival"] = ("Mid-Autumn Festival", "中秋节"), ["National Day"] = ("National Day", "国庆节"),
        },
    };

    /// <summary>Every code with words, for tests and for consoles that list them.</summary>
    public static IReadOnlyCollection<string> Codes => Catalogue.Keys;

    /// <summary>The reason in words; <paramref name="language"/> "zh", "zh-CN"… for Chinese, anything else for English.</summary>
    public static string Render(Reason reason, string language)
    {
        if (!Catalogue.TryGetValue(reason.Code, out var texts)) return reason.Code;
        var chinese = language.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        var template = chinese ? texts.Zh : texts.En;
        if (reason.Args is not { Count: > 0 } args) return template;
        var text = new StringBuilder(template);
        foreach (var (name, value) in args)
        {
            var word = Values.TryGetValue(name, out var words) && words.TryGetValue(value, out var w) ? (chinese ? w.Zh : w.En) : value;
            text.Replace("{" + name + "}", word);
        }
        return text.ToString();
    }
}
