namespace Customer360.Domain.Rules;

/// <summary>A configured holiday for care alerts (关怀). Dates are set per year: lunar holidays move.</summary>
public sealed record Holiday(string Name, DateOnly Date);
