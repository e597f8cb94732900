using FsCheck;
using FsCheck.Xunit;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Tests.SaltoKs;

public sealed class ODataFilterTests
{
    [Fact]
    public void Equal_PlainEmail_WritesEqWithQuotedValue() =>
        Assert.Equal("user/email eq 'sam@example.com'", ODataFilter.Equal("user/email", "sam@example.com").ToString());

    [Fact]
    public void Equal_EmailWithApostrophe_DoublesIt() =>
        Assert.Equal("user/email eq 'o''brien@example.com'", ODataFilter.Equal("user/email", "o'brien@example.com").ToString());

    [Fact]
    public void Equal_InjectionAttempt_StaysOneLiteral() =>
        Assert.Equal(
            "user/email eq 'x'' or 1 eq 1 or user/email eq ''y'",
            ODataFilter.Equal("user/email", "x' or 1 eq 1 or user/email eq 'y").ToString());

    [Fact]
    public void Contains_Value_WritesContainsCall() =>
        Assert.Equal("contains(customer_reference,'#101')", ODataFilter.Contains("customer_reference", "#101").ToString());

    [Fact]
    public void OnOrAfter_InstantWithOffset_WritesUtcV3Literal() =>
        Assert.Equal(
            "utc_date_time ge DateTime'2019-05-01T00:00:00Z'",
            ODataFilter.OnOrAfter("utc_date_time", new DateTimeOffset(2019, 5, 1, 2, 0, 0, TimeSpan.FromHours(2))).ToString());

    [Fact]
    public void Before_InstantWithFraction_KeepsTheFraction() =>
        Assert.Equal(
            "utc_date_time lt DateTime'2019-05-01T00:00:00.25Z'",
            ODataFilter.Before("utc_date_time", new DateTimeOffset(2019, 5, 1, 0, 0, 0, 250, TimeSpan.Zero)).ToString());

    [Fact]
    public void AfterAndOnOrBefore_Instants_WriteGtAndLe()
    {
        var at = new DateTimeOffset(2019, 5, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal("utc_date_time gt DateTime'2019-05-01T00:00:00Z'", ODataFilter.After("utc_date_time", at).ToString());
        Assert.Equal("utc_date_time le DateTime'2019-05-01T00:00:00Z'", ODataFilter.OnOrBefore("utc_date_time", at).ToString());
    }

    [Fact]
    public void And_SeveralParts_ParenthesisesEach() =>
        Assert.Equal(
            "(a eq '1') and ((b eq '2') or (b eq '3'))",
            ODataFilter.And(ODataFilter.Equal("a", "1"), ODataFilter.EqualToAny("b", ["2", "3"])).ToString());

    [Fact]
    public void And_OnePart_ReturnsItUnchanged() =>
        Assert.Equal("a eq '1'", ODataFilter.And(ODataFilter.Equal("a", "1")).ToString());

    [Fact]
    public void Not_Filter_NegatesInParentheses() =>
        Assert.Equal("not (a eq '1')", ODataFilter.Not(ODataFilter.Equal("a", "1")).ToString());

    [Theory]
    [InlineData("")]
    [InlineData("user/")]
    [InlineData("/email")]
    [InlineData("user//email")]
    [InlineData("1abc")]
    [InlineData("email eq 'x' or true")]
    [InlineData("email)")]
    [InlineData("e-mail")]
    public void Equal_BadPropertyPath_Throws(string property) =>
        Assert.Throws<ArgumentException>(() => ODataFilter.Equal(property, "x"));

    [Fact]
    public void EqualToAny_NoValues_Throws() =>
        Assert.Throws<ArgumentException>(() => ODataFilter.EqualToAny("lock_id", []));

    [Fact]
    public void Equals_SameExpression_AreEqual() =>
        Assert.Equal(ODataFilter.Equal("a", "1"), ODataFilter.Equal("a", "1"));

    [Property(MaxTest = 500)]
    public void Equal_AnyString_IsOneLiteralThatReadsBackAsTheValue(NonNull<string> value)
    {
        string filter = ODataFilter.Equal("user/email", value.Get).ToString();

        const string prefix = "user/email eq '";
        Assert.StartsWith(prefix, filter, StringComparison.Ordinal);
        Assert.EndsWith("'", filter, StringComparison.Ordinal);
        string body = filter[prefix.Length..^1];

        // Inside the literal every quote is doubled, so no quote can close it early…
        Assert.Equal(0, body.Replace("''", "", StringComparison.Ordinal).Count(c => c == '\''));

        // …and undoubling gives back exactly the value.
        Assert.Equal(value.Get, body.Replace("''", "'", StringComparison.Ordinal));
    }

    [Property(MaxTest = 500)]
    public void Contains_AnyString_IsOneLiteralThatReadsBackAsTheValue(NonNull<string> value)
    {
        string filter = ODataFilter.Contains("customer_reference", value.Get).ToString();

        string body = filter["contains(customer_reference,'".Length..^2];
        Assert.EndsWith("')", filter, StringComparison.Ordinal);
        Assert.Equal(0, body.Replace("''", "", StringComparison.Ordinal).Count(c => c == '\''));
        Assert.Equal(value.Get, body.Replace("''", "'", StringComparison.Ordinal));
    }
}
