using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Tests.Models.Nexudus;

public class NexudusListTests
{
    private const string RestEnvelope = """
        {
          "Records": [ { "Id": 1415604543, "FullName": "Sam Example", "Email": "sam@example.com", "Active": true,
                         "UpdatedOn": "2025-01-15T10:30:00Z" } ],
          "CurrentPage": 1,
          "CurrentPageSize": 25,
          "CurrentOrderField": "Name",
          "CurrentSortDirection": 1,
          "FirstItem": 1,
          "LastItem": 25,
          "TotalItems": 150,
          "TotalPages": 6,
          "HasNextPage": true,
          "HasPreviousPage": false
        }
        """;

    private const string LegacyEnvelope = """
        {
          "Records": [ { "Id": 1415604543, "FullName": "Sam Example" }, { "Id": 1415914201, "FullName": "Alex Example" } ],
          "PageNumber": 2,
          "PageSize": 25,
          "TotalItems": 27,
          "TotalPages": 2,
          "HasNextPage": false,
          "HasPreviousPage": true
        }
        """;

    [Fact]
    public void Deserialize_RestEnvelope_ReadsEveryPagingField()
    {
        var page = ModelAssert.Read<NexudusList<Coworker>>(RestEnvelope);

        var coworker = Assert.Single(page.Records);
        Assert.Equal(1415604543L, coworker.Id);
        Assert.Equal("Sam Example", coworker.FullName);
        Assert.Equal(1, page.CurrentPage);
        Assert.Equal(25, page.CurrentPageSize);
        Assert.Equal("Name", page.CurrentOrderField);
        Assert.Equal(1, page.CurrentSortDirection);
        Assert.Equal(1, page.FirstItem);
        Assert.Equal(25, page.LastItem);
        Assert.Equal(150, page.TotalItems);
        Assert.Equal(6, page.TotalPages);
        Assert.True(page.HasNextPage);
        Assert.False(page.HasPreviousPage);
        Assert.Null(page.PageNumber);
        Assert.Null(page.PageSize);
    }

    [Fact]
    public void Deserialize_LegacyEnvelope_ReadsPageNumberAndPageSize()
    {
        var page = ModelAssert.Read<NexudusList<Coworker>>(LegacyEnvelope);

        Assert.Equal(2, page.Records.Count);
        Assert.Equal(2, page.PageNumber);
        Assert.Equal(25, page.PageSize);
        Assert.Null(page.CurrentPage);
        Assert.Null(page.CurrentPageSize);
        Assert.Equal(27, page.TotalItems);
        Assert.False(page.HasNextPage);
        Assert.True(page.HasPreviousPage);
    }

    [Theory]
    [InlineData("""{ "Records": null, "HasNextPage": false }""")]
    [InlineData("""{ "HasNextPage": false }""")]
    public void Deserialize_MissingOrNullRecords_GivesEmptyRecords(string json)
    {
        var page = ModelAssert.Read<NexudusList<Booking>>(json);

        Assert.NotNull(page.Records);
        Assert.Empty(page.Records);
    }

    [Fact]
    public void Deserialize_PagingNumbersAsStrings_AreRead()
    {
        var page = ModelAssert.Read<NexudusList<Team>>("""{ "Records": [], "CurrentPage": "3", "TotalItems": "51" }""");

        Assert.Equal(3, page.CurrentPage);
        Assert.Equal(51, page.TotalItems);
    }

    [Fact]
    public void RoundTrip_RestEnvelope_PreservesPageAndRecords()
    {
        var page = ModelAssert.Read<NexudusList<Coworker>>(RestEnvelope);

        var copy = ModelAssert.RoundTrip(page, NexudusJsonContext.Default.NexudusListCoworker);

        ModelAssert.Equivalent(page, copy);
    }

    [Fact]
    public void RoundTrip_LegacyEnvelope_PreservesPageAndRecords()
    {
        var page = ModelAssert.Read<NexudusList<Coworker>>(LegacyEnvelope);

        var copy = ModelAssert.RoundTrip(page, NexudusJsonContext.Default.NexudusListCoworker);

        ModelAssert.Equivalent(page, copy);
    }
}
