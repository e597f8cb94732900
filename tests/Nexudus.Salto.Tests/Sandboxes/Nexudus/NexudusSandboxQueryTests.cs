using System.Net;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.Testing;
using static Nexudus.Salto.Tests.Sandboxes.Nexudus.NexudusSandboxHttp;

namespace Nexudus.Salto.Tests.Sandboxes.Nexudus;

/// <summary>Filters, ordering and date conventions.</summary>
public sealed class NexudusSandboxQueryTests
{
    private static NexudusSeed SeedBookings(NexudusSandbox sandbox) => sandbox.Seed(b => b
        .Location("Central", TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid"))
        .Customer("sam@example.com", "Sam Example")
        .Customer("kim@example.com", "Kim Other")
        .Resource("Room A")
        .Resource("Room B")
        .Booking("sam@example.com", "Room A", Now.AddHours(1), Now.AddHours(2))
        .Booking("kim@example.com", "Room B", Now.AddHours(3), Now.AddHours(4))
        .Booking("sam@example.com", "Room B", Now.AddDays(1), Now.AddDays(1).AddHours(1)));

    [Fact]
    public async Task Filter_ForeignKeyWithoutIdSuffix_MatchesTheReferencedRecord()
    {
        await using var sandbox = await StartAsync();
        var seed = SeedBookings(sandbox);
        using var client = Client(sandbox);
        var roomB = seed.Resource("Room B").Id;

        var records = (await client.GetJsonAsync($"api/spaces/bookings?Booking_Resource={roomB}")).GetProperty("Records");

        Assert.Equal(2, records.GetArrayLength());
        Assert.All(records.EnumerateArray(), r => Assert.Equal(roomB, r.GetProperty("ResourceId").GetInt64()));
    }

    [Fact]
    public async Task Filter_Boolean_MatchesTheFlag()
    {
        await using var sandbox = await StartAsync();
        sandbox.Seed(b => b
            .Location("Central")
            .Customer("sam@example.com", "Sam Example")
            .Pass("Day Pass")
            .CustomerPass("sam@example.com", "Day Pass")
            .CustomerPass("sam@example.com", "Day Pass", p => p with { Used = true, UsedDate = Now.AddDays(-3) }));
        using var client = Client(sandbox);

        var records = (await client.GetJsonAsync("api/billing/coworkertimepasses?CoworkerTimePass_Used=false")).GetProperty("Records");

        Assert.False(Assert.Single(records.EnumerateArray()).GetProperty("Used").GetBoolean());
    }

    [Fact]
    public async Task Filter_SeveralFilters_AreCombinedWithAnd()
    {
        await using var sandbox = await StartAsync();
        var seed = SeedBookings(sandbox);
        using var client = Client(sandbox);
        var sam = seed.Customer("sam@example.com").Id;
        var roomB = seed.Resource("Room B").Id;

        var records = (await client.GetJsonAsync($"api/spaces/bookings?Booking_Coworker={sam}&Booking_Resource={roomB}")).GetProperty("Records");

        Assert.Single(records.EnumerateArray());
    }

    [Fact]
    public async Task Filter_RelatedPropertyCarriedFlattened_MatchesByName()
    {
        await using var sandbox = await StartAsync();
        SeedBookings(sandbox);
        using var client = Client(sandbox);

        var records = (await client.GetJsonAsync("api/spaces/bookings?Booking_Resource_Name=room%20a")).GetProperty("Records");

        Assert.Equal("Room A", Assert.Single(records.EnumerateArray()).GetProperty("ResourceName").GetString());
    }

    [Theory]
    [InlineData("2025-01-15T12:00")]
    [InlineData("2025-01-15T12:00:00Z")]
    public async Task Filter_FromAndToOnADate_AcceptBothDocumentedFormats(string from)
    {
        await using var sandbox = await StartAsync();
        SeedBookings(sandbox);
        using var client = Client(sandbox);

        var records = (await client.GetJsonAsync($"api/spaces/bookings?from_Booking_FromTime={from}&to_Booking_FromTime=2025-01-15T23:59")).GetProperty("Records");

        Assert.Equal("2025-01-15T13:30:00Z", Assert.Single(records.EnumerateArray()).GetProperty("FromTime").GetString());
    }

    [Fact]
    public async Task Filter_FromOnANumber_IsInclusive()
    {
        await using var sandbox = await StartAsync();
        sandbox.Seed(b => b
            .Location("Central")
            .Customer("sam@example.com", "Sam Example")
            .Pass("Ten Pass")
            .CustomerPass("sam@example.com", "Ten Pass", p => p with { RemainingUses = 3 })
            .CustomerPass("sam@example.com", "Ten Pass", p => p with { RemainingUses = 2 }));
        using var client = Client(sandbox);

        var records = (await client.GetJsonAsync("api/billing/coworkertimepasses?from_CoworkerTimePass_RemainingUses=3")).GetProperty("Records");

        Assert.Equal(3, Assert.Single(records.EnumerateArray()).GetProperty("RemainingUses").GetInt32());
    }

    [Fact]
    public async Task Filter_MisspeltName_IsIgnoredByDefault()
    {
        await using var sandbox = await StartAsync();
        SeedBookings(sandbox);
        using var client = Client(sandbox);

        var page = await client.GetJsonAsync("api/spaces/bookings?Booking_ResourceIdentifier=1");

        Assert.Equal(3, page.GetProperty("TotalItems").GetInt32());
    }

    [Fact]
    public async Task Filter_MisspeltNameWhenRejecting_Returns400()
    {
        await using var sandbox = await StartAsync(o => o.RejectUnknownQueryParameters = true);
        using var client = Client(sandbox);

        using var response = await client.GetAsync("api/spaces/bookings?Booking_ResourceIdentifier=1");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task List_Bookings_DefaultToFromTimeAscending()
    {
        await using var sandbox = await StartAsync();
        var seed = SeedBookings(sandbox);
        using var client = Client(sandbox);

        var page = await client.GetJsonAsync("api/spaces/bookings");

        Assert.Equal(seed.All<Booking>().OrderBy(b => b.FromTime).Select(b => b.Id), page.GetProperty("Records").Ids());
    }

    [Fact]
    public async Task List_CheckIns_DefaultToFromTimeDescending()
    {
        await using var sandbox = await StartAsync();
        var seed = sandbox.Seed(b => b
            .Location("Central")
            .Customer("sam@example.com", "Sam Example")
            .CheckIn("sam@example.com", Now.AddDays(-2), Now.AddDays(-2).AddHours(8))
            .CheckIn("sam@example.com", Now)
            .CheckIn("sam@example.com", Now.AddDays(-1), Now.AddDays(-1).AddHours(8)));
        using var client = Client(sandbox);

        var page = await client.GetJsonAsync("api/spaces/checkins");

        Assert.Equal(seed.All<CheckIn>().OrderByDescending(c => c.FromTime).Select(c => c.Id), page.GetProperty("Records").Ids());
        Assert.Equal(1, page.GetProperty("CurrentSortDirection").GetInt32());
    }

    [Theory]
    [InlineData(NexudusSortDirectionEncodings.All, "1", true)]
    [InlineData(NexudusSortDirectionEncodings.All, "0", false)]
    [InlineData(NexudusSortDirectionEncodings.All, "-1", true)]
    [InlineData(NexudusSortDirectionEncodings.All, "Descending", true)]
    [InlineData(NexudusSortDirectionEncodings.ZeroAscendingOneDescending, "1", true)]
    [InlineData(NexudusSortDirectionEncodings.ZeroAscendingOneDescending, "-1", false)]
    [InlineData(NexudusSortDirectionEncodings.OneAscendingMinusOneDescending, "1", false)]
    [InlineData(NexudusSortDirectionEncodings.OneAscendingMinusOneDescending, "-1", true)]
    [InlineData(NexudusSortDirectionEncodings.OneAscendingMinusOneDescending, "descending", false)]
    [InlineData(NexudusSortDirectionEncodings.Words, "descending", true)]
    [InlineData(NexudusSortDirectionEncodings.Words, "1", false)]
    public async Task OrderBy_Dir_IsReadInTheAcceptedEncodings(NexudusSortDirectionEncodings accepted, string dir, bool descending)
    {
        await using var sandbox = await StartAsync(o => o.SortDirectionEncodings = accepted);
        var seed = sandbox.Seed(b => b.Location("Central").Customers(5));
        using var client = Client(sandbox);

        var page = await client.GetJsonAsync($"api/spaces/coworkers?orderBy=Email&dir={dir}");

        var emails = seed.All<Coworker>().Select(c => c.Email!).Order(StringComparer.OrdinalIgnoreCase).ToList();
        if (descending)
        {
            emails.Reverse();
        }

        Assert.Equal(emails, page.GetProperty("Records").EnumerateArray().Select(r => r.GetProperty("Email").GetString()!));
        Assert.Equal("Email", page.GetProperty("CurrentOrderField").GetString());
    }

    [Fact]
    public async Task OrderBy_LowerCaseKey_IsAccepted()
    {
        await using var sandbox = await StartAsync();
        var seed = SeedBookings(sandbox);
        using var client = Client(sandbox);

        var page = await client.GetJsonAsync("api/spaces/bookings?orderby=FromTime&dir=Descending");

        Assert.Equal(seed.All<Booking>().OrderByDescending(b => b.FromTime).Select(b => b.Id), page.GetProperty("Records").Ids());
    }

    [Fact]
    public async Task Dates_WithLocalTwin_ServePlainAsUtcAndLocalAsTheLocationsWallClock()
    {
        await using var sandbox = await StartAsync();
        var seed = SeedBookings(sandbox);
        using var client = Client(sandbox);
        var first = seed.All<Booking>().MinBy(b => b.FromTime)!;

        var booking = await client.GetJsonAsync($"api/spaces/bookings/{first.Id}");

        Assert.Equal("2025-01-15T11:30:00Z", booking.GetProperty("FromTime").GetString());
        Assert.Equal("2025-01-15T12:30:00", booking.GetProperty("FromTimeLocal").GetString());
    }

    [Fact]
    public async Task Dates_WhenPlainIsLocal_ServeTheWallClockWithAMisleadingZ()
    {
        await using var sandbox = await StartAsync(o => o.PlainDateReading = NexudusPlainDateReading.Local);
        var seed = SeedBookings(sandbox);
        using var client = Client(sandbox);
        var first = seed.All<Booking>().MinBy(b => b.FromTime)!;

        var booking = await client.GetJsonAsync($"api/spaces/bookings/{first.Id}");

        Assert.Equal("2025-01-15T12:30:00Z", booking.GetProperty("FromTime").GetString());
        Assert.Equal("2025-01-15T12:30:00", booking.GetProperty("FromTimeLocal").GetString());
    }

    [Fact]
    public async Task Dates_WhenPlainIsLocal_RangeFiltersCompareWithTheWallClock()
    {
        await using var sandbox = await StartAsync(o => o.PlainDateReading = NexudusPlainDateReading.Local);
        SeedBookings(sandbox);
        using var client = Client(sandbox);

        // 11:30Z is 12:30 in Madrid: a UTC bound of 12:00 catches it only under the local reading.
        var records = (await client.GetJsonAsync("api/spaces/bookings?from_Booking_FromTime=2025-01-15T12:00&to_Booking_FromTime=2025-01-15T13:00")).GetProperty("Records");

        Assert.Single(records.EnumerateArray());
    }
}
