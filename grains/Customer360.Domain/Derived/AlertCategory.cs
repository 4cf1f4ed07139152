namespace Customer360.Domain.Derived;

/// <summary>The operators' three families of key moments (关键时刻).</summary>
public enum AlertCategory { Service, Marketing, Care }
