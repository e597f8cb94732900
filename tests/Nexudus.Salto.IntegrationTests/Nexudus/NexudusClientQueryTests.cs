using System.Globalization;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.Testing;

namespace Nexudus.Salto.IntegrationTests.Nexudus;

/// <summary>
/// The typed filters, date ranges and batch chunking of the real client against the sandbox's
/// standard world; the sandbox rejects any parameter it does not understand.
/// </summary>
public sealed class NexudusClientQueryTests : IClassFixture<NexudusWorldFixture>
{
    private readonly NexudusSandboxEnvironment _env;

    public NexudusClientQueryTests(NexudusWorldFixture fixture)
    {
        _env = fixture.Environment;
        _env.Sandbox.Requests.Clear();
    }

    /// <summary>One typed filter: the query, the value it must send and which stored records it must return.</summary>
    private sealed record FilterCase(string Set, Func<NexudusSandbox, (NexudusQuery Query, string Value, Func<NexudusEntity, bool> Matches)> Build);

    // Keyed by the parameter the notes document: equality as {Entity}_{Field}, foreign
    // keys by their navigation name without "Id", related fields as {Entity}_{Nav}_{Field}.
    private static readonly Dictionary<string, FilterCase> Filters = new()
    {
        ["Business_Name"] = new("Businesses", s => (new BusinessQuery { Name = "Garden" }, "Garden", r => ((Business)r).Name == "Garden")),
        ["SimpleTimeZone_Name"] = new("SimpleTimeZones", s => (new SimpleTimeZoneQuery { Name = "Asia/Tokyo" }, "Asia/Tokyo", r => ((SimpleTimeZone)r).Name == "Asia/Tokyo")),
        ["Coworker_Email"] = new("Coworkers", s => (new CoworkerQuery { Email = NexudusWorld.Member(2) }, NexudusWorld.Member(2), r => ((Coworker)r).Email == NexudusWorld.Member(2))),
        ["Coworker_FullName"] = new("Coworkers", s => (new CoworkerQuery { FullName = "Guest 3" }, "Guest 3", r => ((Coworker)r).FullName == "Guest 3")),
        ["Coworker_InvoicingBusiness"] = new("Coworkers", s => ByLocation("Central", id => new CoworkerQuery { InvoicingBusinessId = id }, (Coworker r) => r.InvoicingBusinessId, s)),
        ["Team_PayingMember"] = new("Teams", s => ByCustomer(NexudusWorld.Member(3), id => new TeamQuery { PayingMemberId = id }, (Team r) => r.PayingMemberId, s)),
        ["Team_Business"] = new("Teams", s => ByLocation("Harbour", id => new TeamQuery { BusinessId = id }, (Team r) => r.BusinessId, s)),
        ["TimePass_Business"] = new("TimePasses", s => ByLocation("Summit", id => new TimePassQuery { BusinessId = id }, (TimePass r) => r.BusinessId, s)),
        ["TimePassTimeSlot_TimePass"] = new("TimePassTimeSlots", s => ByPass("Day Pass 2", id => new TimePassTimeSlotQuery { TimePassId = id }, (TimePassTimeSlot r) => r.TimePassId, s)),
        ["TimePassTimeSlot_DayOfWeek"] = new("TimePassTimeSlots", s => (new TimePassTimeSlotQuery { DayOfWeek = (int)System.DayOfWeek.Monday }, "1", r => ((TimePassTimeSlot)r).DayOfWeek == 1)),
        ["CoworkerTimePass_Coworker"] = new("CoworkerTimePasses", s => ByCustomer(NexudusWorld.Guest(2), id => new CoworkerTimePassQuery { CoworkerId = id }, (CoworkerTimePass r) => r.CoworkerId, s)),
        ["CoworkerTimePass_TimePass"] = new("CoworkerTimePasses", s => ByPass("Day Pass 4", id => new CoworkerTimePassQuery { TimePassId = id }, (CoworkerTimePass r) => r.TimePassId, s)),
        ["CoworkerTimePass_Business"] = new("CoworkerTimePasses", s => ByLocation("Riverside", id => new CoworkerTimePassQuery { BusinessId = id }, (CoworkerTimePass r) => r.BusinessId, s)),
        ["CoworkerTimePass_Used"] = new("CoworkerTimePasses", s => (new CoworkerTimePassQuery { Used = false }, "false", r => ((CoworkerTimePass)r).Used == false)),
        ["Tariff_Business"] = new("Tariffs", s => ByLocation("Garden", id => new TariffQuery { BusinessId = id }, (Tariff r) => r.BusinessId, s)),
        ["Tariff_SystemTariffType"] = new("Tariffs", s => (new TariffQuery { SystemTariffType = SystemTariffType.FullTimeHotDesk }, "5", r => ((Tariff)r).SystemTariffType == SystemTariffType.FullTimeHotDesk)),
        ["TariffTimePass_Tariff"] = new("TariffTimePasses", s => ByPlan("Plan 3", id => new TariffTimePassQuery { TariffId = id }, (TariffTimePass r) => r.TariffId, s)),
        ["TariffTimePass_TimePass"] = new("TariffTimePasses", s => ByPass("Day Pass 1", id => new TariffTimePassQuery { TimePassId = id }, (TariffTimePass r) => r.TimePassId, s)),
        ["CoworkerContract_Coworker"] = new("CoworkerContracts", s => ByCustomer(NexudusWorld.Member(4), id => new CoworkerContractQuery { CoworkerId = id }, (CoworkerContract r) => r.CoworkerId, s)),
        ["CoworkerContract_Tariff"] = new("CoworkerContracts", s => ByPlan("Plan 5", id => new CoworkerContractQuery { TariffId = id }, (CoworkerContract r) => r.TariffId, s)),
        ["FloorPlanDesk_Coworker"] = new("FloorPlanDesks", s => ByCustomer(NexudusWorld.Member(1), id => new FloorPlanDeskQuery { CoworkerId = id }, (FloorPlanDesk r) => r.CoworkerId, s)),
        ["FloorPlanDesk_FloorPlan_Business_Id"] = new("FloorPlanDesks", s => ByLocation("Harbour", id => new FloorPlanDeskQuery { BusinessId = id }, (FloorPlanDesk r) => r.FloorPlanBusinessId, s)),
        ["FloorPlanDesk_ItemType"] = new("FloorPlanDesks", s => (new FloorPlanDeskQuery { ItemType = FloorPlanItemType.Office }, "1", r => ((FloorPlanDesk)r).ItemType == FloorPlanItemType.Office)),
        ["Resource_Business"] = new("Resources", s => ByLocation("Summit", id => new ResourceQuery { BusinessId = id }, (Resource r) => r.BusinessId, s)),
        ["Resource_Name"] = new("Resources", s => (new ResourceQuery { Name = "Room 2" }, "Room 2", r => ((Resource)r).Name == "Room 2")),
        ["Booking_Resource"] = new("Bookings", s => ByResource("Room 1", id => new BookingQuery { ResourceId = id }, (Booking r) => r.ResourceId, s)),
        ["Booking_Coworker"] = new("Bookings", s => ByCustomer(NexudusWorld.Member(5), id => new BookingQuery { CoworkerId = id }, (Booking r) => r.CoworkerId, s)),
        ["CancelledBooking_Coworker"] = new("CancelledBookings", s => ByCustomer(NexudusWorld.Guest(1), id => new CancelledBookingQuery { CoworkerId = id }, (CancelledBooking r) => r.CoworkerId, s)),
        ["CancelledBooking_Resource"] = new("CancelledBookings", s => ByResource("Room 4", id => new CancelledBookingQuery { ResourceId = id }, (CancelledBooking r) => r.ResourceId, s)),
        ["Checkin_Coworker"] = new("CheckIns", s => ByCustomer(NexudusWorld.Member(2), id => new CheckInQuery { CoworkerId = id }, (CheckIn r) => r.CoworkerId, s)),
        ["Checkin_Business"] = new("CheckIns", s => ByLocation("Central", id => new CheckInQuery { BusinessId = id }, (CheckIn r) => r.BusinessId, s)),
        ["WebHook_Business"] = new("Webhooks", s => ByLocation("Riverside", id => new WebhookQuery { BusinessId = id }, (Webhook r) => r.BusinessId, s)),
        ["WebHook_Action"] = new("Webhooks", s => (new WebhookQuery { Action = WebhookAction.BookingCreate }, "6", r => ((Webhook)r).Action == WebhookAction.BookingCreate)),
    };

    public static TheoryData<string> FilterNames() => [.. Filters.Keys];

    [Theory]
    [MemberData(nameof(FilterNames))]
    public async Task ListAsync_TypedFilter_SendsTheDocumentedParameterAndReturnsOnlyTheMatchingRecords(string parameter)
    {
        var filter = Filters[parameter];
        var set = NexudusEntitySet.All[filter.Set];
        var (query, value, matches) = filter.Build(_env.Sandbox);
        var stored = set.Stored(_env.Sandbox);
        var expected = stored.Where(matches).Select(r => r.Id).Order().ToList();

        var listed = await set.List(_env.Client, query).Select(r => r.Id).ToListAsync();

        Assert.NotEmpty(expected);
        Assert.True(expected.Count < stored.Count, "the filter must leave something out to prove anything");
        Assert.Equal(expected, listed.Order());
        Assert.All(_env.Sandbox.Requests.GetRequests().Where(r => r.Path == set.Path), r => Assert.Contains((parameter, value), Parameters(r.Query)));
    }

    [Theory]
    [InlineData(NexudusFilterDateFormat.Minutes, "2025-03-05T00:00", "2025-03-06T12:00")]
    [InlineData(NexudusFilterDateFormat.SecondsUtc, "2025-03-05T00:00:00Z", "2025-03-06T12:00:00Z")]
    public async Task ListBookingsAsync_FromTimeRangeInEitherDateFormat_ReturnsTheBookingsStartingInIt(NexudusFilterDateFormat format, string from, string to)
    {
        var client = _env.CreateIndependentClient(o => o.FilterDateFormat = format);
        var range = NexudusDateRange.Between(
            new DateTimeOffset(2025, 3, 5, 1, 0, 0, TimeSpan.FromHours(1)), // 00:00 UTC, given in another offset
            new DateTimeOffset(2025, 3, 6, 12, 0, 0, TimeSpan.Zero));
        var expected = _env.Sandbox.GetAll<Booking>()
            .Where(b => b.FromTime >= range.From && b.FromTime <= range.To)
            .Select(b => b.Id).Order().ToList();

        var listed = await client.ListBookingsAsync(new BookingQuery { FromTime = range }).Select(b => b.Id).ToListAsync();

        Assert.Equal(2, expected.Count);
        Assert.Equal(expected, listed.Order());
        var query = Parameters(_env.Sandbox.Requests.GetRequests().First(r => r.Path == "/api/spaces/bookings").Query);
        Assert.Contains(("from_Booking_FromTime", from), query);
        Assert.Contains(("to_Booking_FromTime", to), query);
    }

    [Fact]
    public async Task GetCoworkersAsync_MoreIdsThanTheBatchSize_AsksInChunksOfTheBatchSize()
    {
        var client = _env.CreateIndependentClient(o => o.BatchSize = 2);
        var ids = _env.Sandbox.GetAll<Coworker>().Take(5).Select(c => c.Id).ToList();

        var coworkers = await client.GetCoworkersAsync(ids);

        Assert.Equal(ids, coworkers.Select(c => c.Id));
        Assert.Equal(
            [
                $"GET /api/spaces/coworkers/?id=[{ids[0]},{ids[1]}] 200",
                $"GET /api/spaces/coworkers/?id=[{ids[2]},{ids[3]}] 200",
                $"GET /api/spaces/coworkers/?id=[{ids[4]}] 200",
            ],
            _env.RequestsTo("/api/spaces/coworkers"));
    }

    /// <summary>The query-string parameters of a logged request, decoded.</summary>
    internal static List<(string Name, string Value)> Parameters(string query) =>
        [.. query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => (Uri.UnescapeDataString(p[0]), Uri.UnescapeDataString(p.Length > 1 ? p[1] : string.Empty)))];

    private static (NexudusQuery, string, Func<NexudusEntity, bool>) By<T>(
        long id, Func<long, NexudusQuery> query, Func<T, long?> key)
        where T : NexudusEntity =>
        (query(id), id.ToString(CultureInfo.InvariantCulture), r => key((T)r) == id);

    private static (NexudusQuery, string, Func<NexudusEntity, bool>) ByCustomer<T>(string email, Func<long, NexudusQuery> query, Func<T, long?> key, NexudusSandbox sandbox)
        where T : NexudusEntity =>
        By<T>(sandbox.GetAll<Coworker>().Single(c => c.Email == email).Id, query, key);

    private static (NexudusQuery, string, Func<NexudusEntity, bool>) ByLocation<T>(string name, Func<long, NexudusQuery> query, Func<T, long?> key, NexudusSandbox sandbox)
        where T : NexudusEntity =>
        By<T>(sandbox.GetAll<Business>().Single(b => b.Name == name).Id, query, key);

    private static (NexudusQuery, string, Func<NexudusEntity, bool>) ByPass<T>(string name, Func<long, NexudusQuery> query, Func<T, long?> key, NexudusSandbox sandbox)
        where T : NexudusEntity =>
        By<T>(sandbox.GetAll<TimePass>().Single(p => p.Name == name).Id, query, key);

    private static (NexudusQuery, string, Func<NexudusEntity, bool>) ByPlan<T>(string name, Func<long, NexudusQuery> query, Func<T, long?> key, NexudusSandbox sandbox)
        where T : NexudusEntity =>
        By<T>(sandbox.GetAll<Tariff>().Single(p => p.Name == name).Id, query, key);

    private static (NexudusQuery, string, Func<NexudusEntity, bool>) ByResource<T>(string name, Func<long, NexudusQuery> query, Func<T, long?> key, NexudusSandbox sandbox)
        where T : NexudusEntity =>
        By<T>(sandbox.GetAll<Resource>().Single(r => r.Name == name).Id, query, key);
}
