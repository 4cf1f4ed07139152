namespace Customer360.Domain.Derived;

public enum TagSource { Automatic, Manual }
