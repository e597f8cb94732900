using System.Text;
using Nexudus.Salto.CheckIns;
using Nexudus.Salto.IntegrationTests.CheckIns;
using Nexudus.Salto.Reports;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.IntegrationTests.Reports;

/// <summary>
/// Access reports against both sandboxes, for "Central" in Europe/London, on the two days its clocks
/// change in 2025: Sunday 30 March (01:00 GMT becomes 02:00 BST) and Sunday 26 October (02:00 BST
/// becomes 01:00 GMT, so 01:00–02:00 happens twice).
/// </summary>
public sealed class AccessReportTests
{
    private static readonly DateTimeOffset SpringDay = new(2025, 3, 30, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset AutumnDay = new(2025, 10, 25, 23, 0, 0, TimeSpan.Zero); // 26 October, 00:00 BST

    private static async Task<CheckInWorld> SpringWorldAsync()
    {
        var world = await CheckInWorld.StartAsync();
        world.Salto.Seed(b => b.UseSite(CheckInWorld.SiteId)
            .Entry(CheckInWorld.FrontDoor, SpringDay.AddMinutes(30), CheckInWorld.Ada, EntryEventCategory.LockOpened, id: "e1")
            .Entry(CheckInWorld.Exit, SpringDay.AddMinutes(90), CheckInWorld.Ada, EntryEventCategory.LockOpened, id: "e2")
            .Entry(CheckInWorld.FrontDoor, SpringDay.AddHours(8).AddMinutes(15), CheckInWorld.Bob, EntryEventCategory.LockRejected, "no_access", id: "e3")
            .Entry(CheckInWorld.SideDoor, SpringDay.AddHours(9), CheckInWorld.Eve, EntryEventCategory.LockOpened, id: "e4")
            .Entry(CheckInWorld.FrontDoor, SpringDay.AddHours(9).AddMinutes(5), CheckInWorld.Bob, EntryEventCategory.LockOpened, id: "e5")
            .Entry(CheckInWorld.FrontDoor, SpringDay.AddDays(1), CheckInWorld.Bob, EntryEventCategory.LockOpened, id: "next-day"));

        // Move the clock past the seeded days before any client call, so every token is fresh.
        world.Time.Advance(new DateTimeOffset(2025, 11, 1, 0, 0, 0, TimeSpan.Zero) - world.Time.GetUtcNow());
        return world;
    }

    private static AccessReportBuilder Builder(CheckInWorld world) =>
        new(world.NexudusClient, world.SaltoClient, world.Store, new AccessReportOptions { Locations = world.Options().Locations });

    [Fact]
    public async Task WriteEntriesAsync_DayClocksGoForward_WritesExactCsvOnLondonTime()
    {
        await using var world = await SpringWorldAsync();
        var text = new StringWriter();

        await AccessReportCsvWriter.WriteEntriesAsync(Builder(world).GetRowsAsync(SpringDay, SpringDay.AddDays(1)), text);

        var ada = world.CustomerId("ada@example.com");
        var bob = world.CustomerId("bob@example.com");
        Assert.Equal(
            "LocalTime,Location,Door,Customer,Email,Result,Detail,CustomerId,EntryId\r\n" +
            $"2025-03-30T00:30:00+00:00,Central,Front door,Ada Lovelace,ada@example.com,Opened,lock_opened,{ada},e1\r\n" +
            $"2025-03-30T02:30:00+01:00,Central,Exit,Ada Lovelace,ada@example.com,Opened,lock_opened,{ada},e2\r\n" +
            $"2025-03-30T09:15:00+01:00,Central,Front door,Bob Example,bob@example.com,Rejected,lock_rejected/no_access,{bob},e3\r\n" +
            "2025-03-30T10:00:00+01:00,Central,Side door,,,Opened,lock_opened,,e4\r\n" +
            $"2025-03-30T10:05:00+01:00,Central,Front door,Bob Example,bob@example.com,Opened,lock_opened,{bob},e5\r\n",
            text.ToString());
    }

    [Fact]
    public async Task WriteDailyAsync_DayClocksGoForward_WritesExactSummary()
    {
        await using var world = await SpringWorldAsync();
        var daily = await DailyPresenceSummary.SummarizeAsync(Builder(world).GetRowsAsync(SpringDay, SpringDay.AddDays(1)));
        var text = new StringWriter();

        await AccessReportCsvWriter.WriteDailyAsync(daily, text);

        Assert.Equal(
            "Date,Location,Customer,Email,FirstIn,LastOut,Entries,CustomerId\r\n" +
            $"2025-03-30,Central,Ada Lovelace,ada@example.com,2025-03-30T00:30:00+00:00,2025-03-30T02:30:00+01:00,2,{world.CustomerId("ada@example.com")}\r\n" +
            $"2025-03-30,Central,Bob Example,bob@example.com,2025-03-30T10:05:00+01:00,2025-03-30T10:05:00+01:00,2,{world.CustomerId("bob@example.com")}\r\n",
            text.ToString());
    }

    [Fact]
    public async Task WriteAsync_DayClocksGoForward_WritesExactJson()
    {
        await using var world = await SpringWorldAsync();
        var rows = Builder(world).GetRowsAsync(SpringDay.AddMinutes(30), SpringDay.AddHours(8).AddMinutes(16));
        using var stream = new MemoryStream();

        await AccessReportJsonWriter.WriteAsync(rows, stream, SpringDay.AddMinutes(30), SpringDay.AddHours(8).AddMinutes(16));

        var ada = world.CustomerId("ada@example.com");
        var bob = world.CustomerId("bob@example.com");
        var central = world.CentralId;
        Assert.Equal(
            $$"""
            {
              "from": "2025-03-30T00:30:00+00:00",
              "to": "2025-03-30T08:16:00+00:00",
              "entries": [
                {
                  "entryId": "e1",
                  "siteId": "{{CheckInWorld.SiteId}}",
                  "nexudusBusinessId": {{central}},
                  "location": "Central",
                  "occurredAt": "2025-03-30T00:30:00+00:00",
                  "localTime": "2025-03-30T00:30:00+00:00",
                  "lockId": "{{CheckInWorld.FrontDoor}}",
                  "door": "Front door",
                  "doorRole": "CheckIn",
                  "customerId": {{ada}},
                  "customerName": "Ada Lovelace",
                  "email": "ada@example.com",
                  "result": "Opened",
                  "detail": "lock_opened"
                },
                {
                  "entryId": "e2",
                  "siteId": "{{CheckInWorld.SiteId}}",
                  "nexudusBusinessId": {{central}},
                  "location": "Central",
                  "occurredAt": "2025-03-30T01:30:00+00:00",
                  "localTime": "2025-03-30T02:30:00+01:00",
                  "lockId": "{{CheckInWorld.Exit}}",
                  "door": "Exit",
                  "doorRole": "CheckOut",
                  "customerId": {{ada}},
                  "customerName": "Ada Lovelace",
                  "email": "ada@example.com",
                  "result": "Opened",
                  "detail": "lock_opened"
                },
                {
                  "entryId": "e3",
                  "siteId": "{{CheckInWorld.SiteId}}",
                  "nexudusBusinessId": {{central}},
                  "location": "Central",
                  "occurredAt": "2025-03-30T08:15:00+00:00",
                  "localTime": "2025-03-30T09:15:00+01:00",
                  "lockId": "{{CheckInWorld.FrontDoor}}",
                  "door": "Front door",
                  "doorRole": "CheckIn",
                  "customerId": {{bob}},
                  "customerName": "Bob Example",
                  "email": "bob@example.com",
                  "result": "Rejected",
                  "detail": "lock_rejected/no_access"
                }
              ],
              "daily": [
                {
                  "date": "2025-03-30",
                  "nexudusBusinessId": {{central}},
                  "location": "Central",
                  "customerId": {{ada}},
                  "customerName": "Ada Lovelace",
                  "email": "ada@example.com",
                  "firstIn": "2025-03-30T00:30:00+00:00",
                  "lastOut": "2025-03-30T02:30:00+01:00",
                  "entries": 2
                },
                {
                  "date": "2025-03-30",
                  "nexudusBusinessId": {{central}},
                  "location": "Central",
                  "customerId": {{bob}},
                  "customerName": "Bob Example",
                  "email": "bob@example.com",
                  "firstIn": null,
                  "lastOut": null,
                  "entries": 1
                }
              ]
            }
            """,
            Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public async Task WriteEntriesAsync_DayClocksGoBack_TellsTheRepeatedHourApartByOffset()
    {
        await using var world = await CheckInWorld.StartAsync();
        world.Salto.Seed(b => b.UseSite(CheckInWorld.SiteId)
            .Entry(CheckInWorld.FrontDoor, new DateTimeOffset(2025, 10, 26, 0, 30, 0, TimeSpan.Zero), CheckInWorld.Ada, EntryEventCategory.LockOpened, id: "first-0130")
            .Entry(CheckInWorld.Exit, new DateTimeOffset(2025, 10, 26, 1, 30, 0, TimeSpan.Zero), CheckInWorld.Ada, EntryEventCategory.LockOpened, id: "second-0130")
            .Entry(CheckInWorld.FrontDoor, new DateTimeOffset(2025, 10, 26, 23, 30, 0, TimeSpan.Zero), CheckInWorld.Ada, EntryEventCategory.LockOpened, id: "late-evening"));
        world.Time.Advance(new DateTimeOffset(2025, 11, 1, 0, 0, 0, TimeSpan.Zero) - world.Time.GetUtcNow());
        var text = new StringWriter();

        var daily = await AccessReportCsvWriter.WriteEntriesAsync(Builder(world).GetRowsAsync(AutumnDay, AutumnDay.AddHours(25)), text);

        var ada = world.CustomerId("ada@example.com");
        Assert.Equal(
            "LocalTime,Location,Door,Customer,Email,Result,Detail,CustomerId,EntryId\r\n" +
            $"2025-10-26T01:30:00+01:00,Central,Front door,Ada Lovelace,ada@example.com,Opened,lock_opened,{ada},first-0130\r\n" +
            $"2025-10-26T01:30:00+00:00,Central,Exit,Ada Lovelace,ada@example.com,Opened,lock_opened,{ada},second-0130\r\n" +
            $"2025-10-26T23:30:00+00:00,Central,Front door,Ada Lovelace,ada@example.com,Opened,lock_opened,{ada},late-evening\r\n",
            text.ToString());
        var day = Assert.Single(daily);
        Assert.Equal((new DateOnly(2025, 10, 26), 3), (day.Date, day.Entries));
        Assert.Equal(new DateTimeOffset(2025, 10, 26, 1, 30, 0, TimeSpan.Zero), day.LastOut);
    }

    [Fact]
    public async Task GetRowsAsync_ManyPages_LooksCustomersUpInBatchesNotPerEntry()
    {
        await using var world = await CheckInWorld.StartAsync();
        world.Salto.Seed(b =>
        {
            b.UseSite(CheckInWorld.SiteId);
            for (var i = 0; i < 12; i++)
            {
                b.Entry(CheckInWorld.FrontDoor, SpringDay.AddMinutes(i), i % 2 == 0 ? CheckInWorld.Ada : CheckInWorld.Bob, EntryEventCategory.LockOpened, id: $"e{i:00}");
            }
        });
        world.Time.Advance(new DateTimeOffset(2025, 11, 1, 0, 0, 0, TimeSpan.Zero) - world.Time.GetUtcNow());

        var rows = await Builder(world).GetRowsAsync(SpringDay, SpringDay.AddDays(1)).ToListAsync();

        Assert.Equal(12, rows.Count);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => $"e{i:00}"), rows.Select(r => r.EntryId));
        Assert.True(world.Salto.Requests.Count("GET", "/v1.1/sites/{site_id}/entries") >= 4); // three entries a page
        var customerReads = world.Nexudus.Requests.GetRequests().Count(r => r.Path.StartsWith("/api/spaces/coworkers", StringComparison.Ordinal));
        Assert.Equal(1, customerReads);
    }

    [Fact]
    public async Task WriteAsync_Html_ContainsTheChartsAndTheDailyTable()
    {
        await using var world = await SpringWorldAsync();
        var text = new StringWriter();

        await AccessReportHtmlWriter.WriteAsync(Builder(world).GetRowsAsync(SpringDay, SpringDay.AddDays(1)), text, SpringDay, SpringDay.AddDays(1));

        var html = text.ToString();
        Assert.Equal(2, html.Split("<svg ").Length - 1);
        Assert.Contains("<title>00: 1 opened, 0 refused or other</title>", html, StringComparison.Ordinal);
        Assert.Contains("<title>09: 0 opened, 1 refused or other</title>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Ada Lovelace</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }
}
