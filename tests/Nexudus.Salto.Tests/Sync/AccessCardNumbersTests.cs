using Nexudus.Salto.Sync;

namespace Nexudus.Salto.Tests.Sync;

public sealed class AccessCardNumbersTests
{
    [Theory]
    [InlineData("12345678", new[] { "12345678" })]
    [InlineData(" 111, 222;333 444\t555\n666 ", new[] { "111", "222", "333", "444", "555", "666" })]
    [InlineData("abc;ABC;,,;", new[] { "abc" })]
    [InlineData("", new string[0])]
    [InlineData(null, new string[0])]
    public void Parse_SeparatorsAndRepeats_GiveEachNumberOnceInOrder(string? text, string[] expected)
    {
        Assert.Equal(expected, AccessCardNumbers.Parse(text));
    }

    [Theory]
    [InlineData("12345678", "••••5678")]
    [InlineData("1234567890", "••••7890")]
    [InlineData("12345", "••••45")]
    [InlineData("123", "••••")]
    public void Mask_Number_ShowsAtMostTheLastFourCharacters(string number, string expected)
    {
        Assert.Equal(expected, AccessCardNumbers.Mask(number));
    }
}
