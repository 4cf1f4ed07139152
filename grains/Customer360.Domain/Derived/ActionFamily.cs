namespace Customer360.Domain.Derived;

public enum ActionFamily { Business, Device, Service }
