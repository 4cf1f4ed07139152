namespace Customer360.Domain.Derived;

public enum AlertSeverity { Low, Medium, High, Critical }
