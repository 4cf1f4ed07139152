namespace Customer360.Domain.Profile;

/// <summary>Touchpoint category of the operators' touchpoint model.</summary>
public enum TouchpointCategory { Communication, Channel, Personnel, Brand }
