namespace Customer360.Domain.Derived;

public enum LifecycleStage { Exploring, Forming, Stable, Declining, Churned }
