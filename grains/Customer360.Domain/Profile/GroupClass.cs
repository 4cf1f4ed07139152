namespace Customer360.Domain.Profile;

/// <summary>Class of an enterprise (group) customer the person belongs to.</summary>
public enum GroupClass { A, B, C }
