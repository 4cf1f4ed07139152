namespace Customer360.Domain.Derived;

/// <summary>What to do next for the customer (差异化服务), with why. Codes are kebab-case, e.g. <c>plan-fit</c>.</summary>
public sealed record RecommendedAction(string Code, ActionFamily Family, Reason Reason);
