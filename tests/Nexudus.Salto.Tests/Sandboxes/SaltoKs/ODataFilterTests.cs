using FsCheck;
using FsCheck.Xunit;
using Nexudus.Salto.Testing;

namespace Nexudus.Salto.Tests.Sandboxes.SaltoKs;

/// <summary>The sandbox's OData parser on its own: the documented filter forms and nothing else.</summary>
public sealed class ODataFilterTests
{
    private sealed record Item(string? Email, DateTimeOffset When, DateTime Local);

    private static readonly IReadOnlyDictionary<string, ODataField<Item>> Fields = ODataField<Item>.Map(
        new("user/email", ODataFieldKind.Text, i => i.Email),
        new("utc_date_time", ODataFieldKind.Instant, i => i.When),
        new("local_date_time", ODataFieldKind.WallClock, i => i.Local));

    private static readonly DateTimeOffset Noon = new(2019, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private static bool Matches(string filter, Item item) => ODataFilter.Parse(filter, Fields, StringComparison.Ordinal)(item);

    [Property]
    public bool Parse_AnyStringQuotedWithDoubledApostrophes_MatchesExactlyThatString(NonNull<string> value)
    {
        string literal = "'" + value.Get.Replace("'", "''", StringComparison.Ordinal) + "'";
        Func<Item, bool> filter = ODataFilter.Parse($"user/email eq {literal}", Fields, StringComparison.Ordinal);

        return filter(new Item(value.Get, Noon, default)) && !filter(new Item(value.Get + "x", Noon, default));
    }

    [Property]
    public bool Parse_ContainsWithAnyQuotedString_FindsItInsideALongerValue(NonNull<string> value)
    {
        string literal = "'" + value.Get.Replace("'", "''", StringComparison.Ordinal) + "'";

        return Matches($"contains(user/email,{literal})", new Item("<" + value.Get + ">", Noon, default));
    }

    [Theory]
    [InlineData("utc_date_time le DateTime'2019-05-01T12:00:00Z'", true)]
    [InlineData("utc_date_time lt DateTime'2019-05-01T12:00:00Z'", false)]
    [InlineData("utc_date_time ge DateTime'2019-05-01T12:00:00Z'", true)]
    [InlineData("utc_date_time gt DateTime'2019-05-01T11:59:59Z'", true)]
    [InlineData("utc_date_time eq datetime'2019-05-01T12:00:00'", true)]
    [InlineData("utc_date_time ge DateTime'2019-05-01T14:00:00+02:00'", true)]
    public void Parse_DateComparisonWithV3Literal_ComparesInstants(string filter, bool expected)
    {
        Assert.Equal(expected, Matches(filter, new Item("a", Noon, default)));
    }

    [Fact]
    public void Parse_WallClockField_ComparesTheWrittenClockIgnoringZones()
    {
        var item = new Item("a", Noon, new DateTime(2019, 5, 1, 14, 0, 0, DateTimeKind.Unspecified));

        Assert.True(Matches("local_date_time ge DateTime'2019-05-01T14:00:00'", item));
    }

    [Fact]
    public void Parse_AndWithParentheses_RequiresBothSides()
    {
        var item = new Item("ann@example.com", Noon, default);

        Assert.True(Matches("(user/email eq 'ann@example.com') and utc_date_time le DateTime'2019-05-02T00:00:00Z'", item));
        Assert.False(Matches("user/email eq 'ann@example.com' and utc_date_time gt DateTime'2019-05-02T00:00:00Z'", item));
    }

    [Theory]
    [InlineData("user/email eq 'a' or user/email eq 'b'")]
    [InlineData("user/email ne 'a'")]
    [InlineData("not user/email eq 'a'")]
    [InlineData("user/email gt 'a'")]
    [InlineData("utc_date_time le '2019-05-01'")]
    [InlineData("utc_date_time le DateTime'not a date'")]
    [InlineData("user/email eq DateTime'2019-05-01T00:00:00Z'")]
    [InlineData("contains(utc_date_time,'2019')")]
    [InlineData("user/email eq 'a' and")]
    [InlineData("(user/email eq 'a'")]
    [InlineData("user/email eq 'a')")]
    [InlineData("startswith(user/email,'a')")]
    [InlineData("user/email eq 'a'; drop")]
    [InlineData("")]
    public void Parse_FormOutsideTheNotes_IsRejected(string filter)
    {
        Assert.Throws<ODataSyntaxException>(() => ODataFilter.Parse(filter, Fields, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("user/email eq 'x' or user/email eq 'ann@example.com'", true)]
    [InlineData("user/email eq 'x' or user/email eq 'ann@example.com' and utc_date_time gt DateTime'2019-05-02T00:00:00Z'", false)]
    [InlineData("not (user/email eq 'x')", true)]
    [InlineData("not user/email eq 'ann@example.com'", false)]
    public void Parse_OrAndNotWhenAccepted_BindOrLooserThanAnd(string filter, bool expected)
    {
        var item = new Item("ann@example.com", Noon, default);

        Assert.Equal(expected, ODataFilter.Parse(filter, Fields, StringComparison.Ordinal, acceptOrAndNot: true)(item));
    }

    [Fact]
    public void ParseOrderBy_TwoClauses_BreaksTiesWithTheSecond()
    {
        var early = new Item("b", Noon, default);
        var late = new Item("a", Noon, default);

        Comparison<Item> order = ODataFilter.ParseOrderBy("utc_date_time desc, user/email asc", Fields);

        Assert.True(order(late, early) < 0);
    }

    [Theory]
    [InlineData("date")]
    [InlineData("utc_date_time up")]
    [InlineData("utc_date_time asc desc")]
    public void ParseOrderBy_UnknownFieldOrDirection_IsRejected(string orderBy)
    {
        Assert.Throws<ODataSyntaxException>(() => ODataFilter.ParseOrderBy(orderBy, Fields));
    }
}
