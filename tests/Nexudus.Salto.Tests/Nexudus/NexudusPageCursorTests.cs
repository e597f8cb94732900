using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Tests.Nexudus;

public sealed class NexudusPageCursorTests
{
    [Property]
    public Property ToString_ThenParse_GivesTheSameCursor() =>
        Prop.ForAll(
            Gen.Choose(1, int.MaxValue).ToArbitrary(),
            Gen.Choose(1, 10_000).ToArbitrary(),
            (page, size) => NexudusPageCursor.Parse(new NexudusPageCursor(page, size).ToString()) == new NexudusPageCursor(page, size));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("3")]
    [InlineData(":500")]
    [InlineData("0:500")]
    [InlineData("3:0")]
    [InlineData("-1:500")]
    [InlineData("3:five")]
    public void TryParse_NotACursor_ReturnsFalse(string? text)
    {
        Assert.False(NexudusPageCursor.TryParse(text, out _));
    }

    [Fact]
    public void ToString_Cursor_IsPageColonSize()
    {
        Assert.Equal("3:250", new NexudusPageCursor(3, 250).ToString());
    }
}
