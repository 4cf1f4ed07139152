using Customer360.Domain.Profile;

namespace Customer360.Domain.Tests;

public sealed class MaskingTests
{
    [Theory]
    [InlineData("13812341234", "138****1234")]
    [InlineData("8613812341234", "861******1234")]
    [InlineData("95588", "***88")]
    public void a_phone_number_shows_only_its_first_three_and_last_four_digits(string msisdn, string shown) =>
        Assert.Equal(shown, Masking.Msisdn(msisdn));
}
