namespace Customer360.Domain.Profile;

/// <summary>Price band of a handset.</summary>
public enum PriceBand { Entry, Mid, High, Premium }
