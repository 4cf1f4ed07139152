namespace Customer360.Domain.Profile;

/// <summary>The 4S stage of a contact: search, site, shopping, satisfaction.</summary>
public enum FourSStage { Search, Site, Shopping, Satisfaction }
