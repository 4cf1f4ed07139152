namespace Customer360.Domain.Derived;

/// <summary>Customer tier (分层分级), lowest first.</summary>
public enum Tier { Mass, MidHigh, GroupMidHigh, Strategic }
