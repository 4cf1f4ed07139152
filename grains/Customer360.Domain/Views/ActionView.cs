using Customer360.Domain.Derived;

namespace Customer360.Domain.Views;

public sealed record ActionView(string Code, ActionFamily Family, ReasonView Reason);
