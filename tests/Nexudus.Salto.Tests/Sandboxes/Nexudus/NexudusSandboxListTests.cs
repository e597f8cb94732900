using System.Net;
using System.Text.Json;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.Testing;
using static Nexudus.Salto.Tests.Sandboxes.Nexudus.NexudusSandboxHttp;

namespace Nexudus.Salto.Tests.Sandboxes.Nexudus;

/// <summary>Listing, paging, partial records, batch get and get by id.</summary>
public sealed class NexudusSandboxListTests
{
    [Fact]
    public async Task List_WithoutSize_ServesPagesOf25InTheDocumentedEnvelope()
    {
        await using var sandbox = await StartAsync();
        sandbox.Seed(b => b.Location("Central").Customers(30));
        using var client = Client(sandbox);

        var page = await client.GetJsonAsync("api/spaces/coworkers");

        Assert.Equal(25, page.GetProperty("Records").GetArrayLength());
        Assert.Equal(1, page.GetProperty("CurrentPage").GetInt32());
        Assert.Equal(25, page.GetProperty("CurrentPageSize").GetInt32());
        Assert.Equal("FullName", page.GetProperty("CurrentOrderField").GetString());
        Assert.Equal(0, page.GetProperty("CurrentSortDirection").GetInt32());
        Assert.Equal(1, page.GetProperty("FirstItem").GetInt32());
        Assert.Equal(25, page.GetProperty("LastItem").GetInt32());
        Assert.Equal(30, page.GetProperty("TotalItems").GetInt32());
        Assert.Equal(2, page.GetProperty("TotalPages").GetInt32());
        Assert.True(page.GetProperty("HasNextPage").GetBoolean());
        Assert.False(page.GetProperty("HasPreviousPage").GetBoolean());
    }

    [Fact]
    public async Task List_AfterARecordChanges_ServesTheChangedRecord()
    {
        // The sandbox keeps records' wire form between list calls; a write must be seen by the next list.
        await using var sandbox = await StartAsync();
        sandbox.Seed(b => b.Location("Central").Customers(3));
        using var client = Client(sandbox);
        var before = await client.GetJsonAsync("api/spaces/coworkers");
        var first = sandbox.GetAll<Coworker>().OrderBy(c => c.FullName, StringComparer.Ordinal).First();

        sandbox.Put(first with { FullName = "Aaron Changed" });
        var after = await client.GetJsonAsync("api/spaces/coworkers");

        Assert.NotEqual("Aaron Changed", before.GetProperty("Records")[0].GetProperty("FullName").GetString());
        Assert.Equal("Aaron Changed", after.GetProperty("Records")[0].GetProperty("FullName").GetString());
    }

    [Fact]
    public async Task List_ManyPagesAtOnce_EachServesItsOwnRecordsWithoutCollections()
    {
        await using var sandbox = await StartAsync();
        sandbox.Seed(b => b.Location("Central").Customers(40));
        using var client = Client(sandbox);

        var pages = await Task.WhenAll(Enumerable.Range(1, 8).Select(p => client.GetJsonAsync($"api/spaces/coworkers?page={p}&size=5")));

        var ids = pages.SelectMany(p => p.GetProperty("Records").EnumerateArray().Select(r => r.GetProperty("Id").GetInt64())).ToList();
        Assert.Equal(40, ids.Distinct().Count());
        Assert.All(pages.SelectMany(p => p.GetProperty("Records").EnumerateArray()), r => Assert.False(r.TryGetProperty("Businesses", out _)));
    }

    [Fact]
    public async Task List_SizeAboveTheCap_ServesTheCapAndReportsTheSizeHonoured()
    {
        await using var sandbox = await StartAsync(o => o.MaxPageSize = 10);
        sandbox.Seed(b => b.Location("Central").Customers(15));
        using var client = Client(sandbox);

        var page = await client.GetJsonAsync("api/spaces/coworkers?size=500");

        Assert.Equal(10, page.GetProperty("Records").GetArrayLength());
        Assert.Equal(10, page.GetProperty("CurrentPageSize").GetInt32());
        Assert.True(page.GetProperty("HasNextPage").GetBoolean());
    }

    [Fact]
    public async Task List_FollowingHasNextPage_ReturnsEveryRecordOnce()
    {
        await using var sandbox = await StartAsync(o => o.MaxPageSize = 7);
        var seed = sandbox.Seed(b => b.Location("Central").Customers(23));
        using var client = Client(sandbox);

        var seen = new List<long>();
        var page = 1;
        JsonElement envelope;
        do
        {
            envelope = await client.GetJsonAsync($"api/spaces/coworkers?page={page++}&size=100");
            seen.AddRange(envelope.GetProperty("Records").Ids());
        }
        while (envelope.GetProperty("HasNextPage").GetBoolean());

        Assert.Equal(seed.All<Coworker>().Select(c => c.Id).Order(), seen.Order());
        Assert.Equal(4, page - 1);
    }

    [Fact]
    public async Task List_PageBeyondTheLast_IsEmptyWithoutNextPage()
    {
        await using var sandbox = await StartAsync();
        sandbox.Seed(b => b.Location("Central").Customers(3));
        using var client = Client(sandbox);

        var page = await client.GetJsonAsync("api/spaces/coworkers?page=5");

        Assert.Equal(0, page.GetProperty("Records").GetArrayLength());
        Assert.False(page.GetProperty("HasNextPage").GetBoolean());
        Assert.True(page.GetProperty("HasPreviousPage").GetBoolean());
    }

    [Theory]
    [InlineData("api/spaces/coworkers", "Teams")]
    [InlineData("api/spaces/coworkers", "Businesses")]
    [InlineData("api/spaces/teams", "TeamMembers")]
    [InlineData("api/spaces/teams", "TeamAdministrators")]
    [InlineData("api/billing/coworkercontracts", "Desks")]
    [InlineData("api/billing/timepasses", "Tariffs")]
    public async Task List_Records_AreMissingTheirCollections(string path, string collection)
    {
        await using var sandbox = await StartAsync();
        SeedCentral(sandbox);
        using var client = Client(sandbox);

        var records = (await client.GetJsonAsync(path)).GetProperty("Records");

        Assert.NotEqual(0, records.GetArrayLength());
        Assert.All(records.EnumerateArray(), r => Assert.False(r.TryGetProperty(collection, out _)));
    }

    [Theory]
    [InlineData("api/spaces/coworkers", "Teams")]
    [InlineData("api/spaces/teams", "TeamMembers")]
    [InlineData("api/billing/coworkercontracts", "Desks")]
    public async Task GetById_Record_HasItsCollections(string path, string collection)
    {
        await using var sandbox = await StartAsync();
        SeedCentral(sandbox);
        using var client = Client(sandbox);
        var id = (await client.GetJsonAsync(path)).GetProperty("Records")[0].GetProperty("Id").GetInt64();

        var record = await client.GetJsonAsync($"{path}/{id}");

        Assert.Equal(JsonValueKind.Array, record.GetProperty(collection).ValueKind);
        Assert.NotEqual(0, record.GetProperty(collection).GetArrayLength());
    }

    [Fact]
    public async Task GetById_UnknownId_Returns404()
    {
        await using var sandbox = await StartAsync();
        using var client = Client(sandbox);

        using var response = await client.GetAsync("api/spaces/coworkers/1499999999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task BatchGet_IdsInBrackets_ReturnsAPlainArrayOfFullRecordsSkippingUnknownIds()
    {
        await using var sandbox = await StartAsync();
        var seed = SeedCentral(sandbox);
        using var client = Client(sandbox);
        var sam = seed.Customer("sam@example.com").Id;
        var kim = seed.Customer("kim@example.com").Id;

        var records = await client.GetJsonAsync($"api/spaces/coworkers/?id=[{sam},1499999999,{kim}]");

        Assert.Equal(JsonValueKind.Array, records.ValueKind);
        Assert.Equal([sam, kim], records.Ids());
        Assert.All(records.EnumerateArray(), r => Assert.Equal(JsonValueKind.Array, r.GetProperty("Teams").ValueKind));
    }

    [Fact]
    public async Task BatchGet_MalformedIdList_Returns400()
    {
        await using var sandbox = await StartAsync();
        using var client = Client(sandbox);

        using var response = await client.GetAsync("api/spaces/coworkers?id=[1,x]");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task List_UnknownEntityPath_Returns404()
    {
        await using var sandbox = await StartAsync();
        using var client = Client(sandbox);

        using var response = await client.GetAsync("api/sys/coworkers");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Ids_OfSeededRecords_AreNearTheRealMagnitudeAndUniqueAcrossEntities()
    {
        await using var sandbox = await StartAsync();
        var seed = SeedCentral(sandbox);

        var ids = seed.Changed.Select(r => r.Id).ToList();

        Assert.All(ids, id => Assert.InRange(id, 1_400_000_000L, 1_500_000_000L));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
