namespace Customer360.Domain.Derived;

public enum VipCard { None, Silver, Gold, Diamond }
