using Customer360.Domain.Profile;
using Customer360.Domain.Views;

namespace Customer360.Domain.Access;

/// <summary>
/// Masks personal data for viewers who may see a customer but not who they are in full (store staff at the
/// counter): the phone number as 138****1234, the name to its first character, no birthday, group or
/// touchpoint notes. Done on the server, so the unmasked values never reach such a console.
/// </summary>
public static class PersonalDataMasking
{
    public static ProfileView Mask(ProfileView view) => view with
    {
        Identity = view.Identity with
        {
            Name = Masking.Name(view.Identity.Name),
            Msisdn = Masking.Msisdn(view.Identity.Msisdn),
            Birthday = null,
            GroupId = null,
            Occupation = null,
            Interests = null,
        },
        RecentTouchpoints = [.. view.RecentTouchpoints.Select(t => t with { Note = null })],
    };

    public static CustomerSummary Mask(CustomerSummary summary) =>
        summary with { Name = Masking.Name(summary.Name), Msisdn = Masking.Msisdn(summary.Msisdn) };
}
