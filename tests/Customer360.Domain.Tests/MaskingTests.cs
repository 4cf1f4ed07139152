using Customer360.Domain.Access;
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

    [Theory]
    [InlineData("call him on 13812345678 after six", "call him on 138****5678 after six")]
    [InlineData("138 1234 5678", "138****5678")]
    [InlineData("138-1234-5678 or 139-8765-4321", "138****5678 or 139****4321")]
    [InlineData("+8613812345678", "+861******5678")]
    [InlineData("ID 11010519491231002X checked", "ID 110***********002X checked")]
    [InlineData("ID 11010519491231002x", "ID 110***********002x")]
    [InlineData("ID 110105194912310021", "ID 110***********0021")]
    [InlineData("old ID 110105491231002", "old ID 110********1002")]
    [InlineData("card 6222021234567890123", "card 622************0123")]
    [InlineData("landline 62345678", "landline ******78")]
    [InlineData("ref 1234567", "ref *****67")]
    [InlineData("号码１３８１２３４５６７８", "号码１３８****５６７８")]
    [InlineData("客户电话13812345678，已回访", "客户电话138****5678，已回访")]
    public void free_text_has_phone_id_and_other_long_numbers_masked(string text, string shown) =>
        Assert.Equal(shown, FreeText.MaskNumbers(text));

    [Theory]
    [InlineData("call back at 10:30 on 2026-12-03, 199 yuan plan")]
    [InlineData("order WO-12ab, 5G upgrade, 3 visits")]
    [InlineData("123456")]
    [InlineData("")]
    public void free_text_without_long_numbers_is_kept_as_written(string text) =>
        Assert.Equal(text, FreeText.MaskNumbers(text));

    [Fact]
    public void no_free_text_stays_none() => Assert.Null(FreeText.MaskNumbers(null));
}
