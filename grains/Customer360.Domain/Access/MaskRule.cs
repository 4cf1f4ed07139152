namespace Customer360.Domain.Access;

/// <summary>What a masked viewer (store staff) gets of one field: see <see cref="MaskedFields"/>.</summary>
public enum MaskRule
{
    /// <summary>Copied as it is: not personal, or needed at the counter and harmless.</summary>
    Shown,

    /// <summary>Personal data shown partly: a phone number as 138****1234, a name to its first character.</summary>
    Masked,

    /// <summary>Free text kept for its meaning, with phone and ID numbers masked (<see cref="FreeText.MaskNumbers"/>).</summary>
    NumbersMasked,

    /// <summary>Not given at all (null, or an empty list).</summary>
    Hidden,
}
