using Customer360.Domain.Derived;

namespace Customer360.Domain.Views;

public sealed record StageView(LifecycleStage Stage, ReasonView Reason, DateTimeOffset Since);
