namespace Customer360.Domain.Profile;

/// <summary>A complaint not yet resolved; <see cref="Reference"/> matches its resolution touchpoint.</summary>
public sealed record OpenComplaint(string Reference, DateTimeOffset OpenedAt);
