namespace Customer360.Domain.Profile;

/// <summary>Channel of a touchpoint. Wire names are kebab-case: <c>phone-manager</c>, <c>call-centre</c>….</summary>
public enum TouchpointChannel { Store, PhoneManager, CallCentre, App, AccountManagerVisit }
