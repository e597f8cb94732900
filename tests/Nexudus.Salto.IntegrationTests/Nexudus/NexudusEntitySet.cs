using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.Testing;

namespace Nexudus.Salto.IntegrationTests.Nexudus;

/// <summary>
/// One of the 19 entity sets the client reads, with its four read operations behind one shape,
/// so each operation can be run against the sandbox for every set by one theory.
/// </summary>
internal sealed class NexudusEntitySet
{
    private NexudusEntitySet(string name, string path)
    {
        Name = name;
        Path = path;
    }

    public static IReadOnlyDictionary<string, NexudusEntitySet> All { get; } = new[]
    {
        Of<Business, BusinessQuery>("Businesses", "/api/sys/businesses", (c, q, t) => c.ListBusinessesAsync(q, t), (c, q, p, t) => c.GetBusinessesPageAsync(q, p, t), (c, id, t) => c.GetBusinessAsync(id, t), (c, ids, t) => c.GetBusinessesAsync(ids, t)),
        Of<SimpleTimeZone, SimpleTimeZoneQuery>("SimpleTimeZones", "/api/sys/simpletimezones", (c, q, t) => c.ListSimpleTimeZonesAsync(q, t), (c, q, p, t) => c.GetSimpleTimeZonesPageAsync(q, p, t), (c, id, t) => c.GetSimpleTimeZoneAsync(id, t), (c, ids, t) => c.GetSimpleTimeZonesAsync(ids, t)),
        Of<Coworker, CoworkerQuery>("Coworkers", "/api/spaces/coworkers", (c, q, t) => c.ListCoworkersAsync(q, t), (c, q, p, t) => c.GetCoworkersPageAsync(q, p, t), (c, id, t) => c.GetCoworkerAsync(id, t), (c, ids, t) => c.GetCoworkersAsync(ids, t)),
        Of<Team, TeamQuery>("Teams", "/api/spaces/teams", (c, q, t) => c.ListTeamsAsync(q, t), (c, q, p, t) => c.GetTeamsPageAsync(q, p, t), (c, id, t) => c.GetTeamAsync(id, t), (c, ids, t) => c.GetTeamsAsync(ids, t)),
        Of<TimePass, TimePassQuery>("TimePasses", "/api/billing/timepasses", (c, q, t) => c.ListTimePassesAsync(q, t), (c, q, p, t) => c.GetTimePassesPageAsync(q, p, t), (c, id, t) => c.GetTimePassAsync(id, t), (c, ids, t) => c.GetTimePassesAsync(ids, t)),
        Of<TimePassTimeSlot, TimePassTimeSlotQuery>("TimePassTimeSlots", "/api/billing/timepasstimeslots", (c, q, t) => c.ListTimePassTimeSlotsAsync(q, t), (c, q, p, t) => c.GetTimePassTimeSlotsPageAsync(q, p, t), (c, id, t) => c.GetTimePassTimeSlotAsync(id, t), (c, ids, t) => c.GetTimePassTimeSlotsAsync(ids, t)),
        Of<CoworkerTimePass, CoworkerTimePassQuery>("CoworkerTimePasses", "/api/billing/coworkertimepasses", (c, q, t) => c.ListCoworkerTimePassesAsync(q, t), (c, q, p, t) => c.GetCoworkerTimePassesPageAsync(q, p, t), (c, id, t) => c.GetCoworkerTimePassAsync(id, t), (c, ids, t) => c.GetCoworkerTimePassesAsync(ids, t)),
        Of<Tariff, TariffQuery>("Tariffs", "/api/billing/tariffs", (c, q, t) => c.ListTariffsAsync(q, t), (c, q, p, t) => c.GetTariffsPageAsync(q, p, t), (c, id, t) => c.GetTariffAsync(id, t), (c, ids, t) => c.GetTariffsAsync(ids, t)),
        Of<TariffTimePass, TariffTimePassQuery>("TariffTimePasses", "/api/billing/tarifftimepasses", (c, q, t) => c.ListTariffTimePassesAsync(q, t), (c, q, p, t) => c.GetTariffTimePassesPageAsync(q, p, t), (c, id, t) => c.GetTariffTimePassAsync(id, t), (c, ids, t) => c.GetTariffTimePassesAsync(ids, t)),
        Of<CoworkerContract, CoworkerContractQuery>("CoworkerContracts", "/api/billing/coworkercontracts", (c, q, t) => c.ListCoworkerContractsAsync(q, t), (c, q, p, t) => c.GetCoworkerContractsPageAsync(q, p, t), (c, id, t) => c.GetCoworkerContractAsync(id, t), (c, ids, t) => c.GetCoworkerContractsAsync(ids, t)),
        Of<FloorPlanDesk, FloorPlanDeskQuery>("FloorPlanDesks", "/api/sys/floorplandesks", (c, q, t) => c.ListFloorPlanDesksAsync(q, t), (c, q, p, t) => c.GetFloorPlanDesksPageAsync(q, p, t), (c, id, t) => c.GetFloorPlanDeskAsync(id, t), (c, ids, t) => c.GetFloorPlanDesksAsync(ids, t)),
        Of<Resource, ResourceQuery>("Resources", "/api/spaces/resources", (c, q, t) => c.ListResourcesAsync(q, t), (c, q, p, t) => c.GetResourcesPageAsync(q, p, t), (c, id, t) => c.GetResourceAsync(id, t), (c, ids, t) => c.GetResourcesAsync(ids, t)),
        Of<Booking, BookingQuery>("Bookings", "/api/spaces/bookings", (c, q, t) => c.ListBookingsAsync(q, t), (c, q, p, t) => c.GetBookingsPageAsync(q, p, t), (c, id, t) => c.GetBookingAsync(id, t), (c, ids, t) => c.GetBookingsAsync(ids, t)),
        Of<CancelledBooking, CancelledBookingQuery>("CancelledBookings", "/api/spaces/cancelledbookings", (c, q, t) => c.ListCancelledBookingsAsync(q, t), (c, q, p, t) => c.GetCancelledBookingsPageAsync(q, p, t), (c, id, t) => c.GetCancelledBookingAsync(id, t), (c, ids, t) => c.GetCancelledBookingsAsync(ids, t)),
        Of<CoworkerInvoice, CoworkerInvoiceQuery>("CoworkerInvoices", "/api/billing/coworkerinvoices", (c, q, t) => c.ListCoworkerInvoicesAsync(q, t), (c, q, p, t) => c.GetCoworkerInvoicesPageAsync(q, p, t), (c, id, t) => c.GetCoworkerInvoiceAsync(id, t), (c, ids, t) => c.GetCoworkerInvoicesAsync(ids, t)),
        Of<Visitor, VisitorQuery>("Visitors", "/api/spaces/visitors", (c, q, t) => c.ListVisitorsAsync(q, t), (c, q, p, t) => c.GetVisitorsPageAsync(q, p, t), (c, id, t) => c.GetVisitorAsync(id, t), (c, ids, t) => c.GetVisitorsAsync(ids, t)),
        Of<BookingVisitor, BookingVisitorQuery>("BookingVisitors", "/api/spaces/bookingvisitors", (c, q, t) => c.ListBookingVisitorsAsync(q, t), (c, q, p, t) => c.GetBookingVisitorsPageAsync(q, p, t), (c, id, t) => c.GetBookingVisitorAsync(id, t), (c, ids, t) => c.GetBookingVisitorsAsync(ids, t)),
        Of<CheckIn, CheckInQuery>("CheckIns", "/api/spaces/checkins", (c, q, t) => c.ListCheckInsAsync(q, t), (c, q, p, t) => c.GetCheckInsPageAsync(q, p, t), (c, id, t) => c.GetCheckInAsync(id, t), (c, ids, t) => c.GetCheckInsAsync(ids, t)),
        Of<Webhook, WebhookQuery>("Webhooks", "/api/sys/webhooks", (c, q, t) => c.ListWebhooksAsync(q, t), (c, q, p, t) => c.GetWebhooksPageAsync(q, p, t), (c, id, t) => c.GetWebhookAsync(id, t), (c, ids, t) => c.GetWebhooksAsync(ids, t)),
    }.ToDictionary(s => s.Name);

    /// <summary>Gets the name of the set, as the client's methods spell it (<c>Coworkers</c>).</summary>
    public string Name { get; }

    /// <summary>Gets the collection path the sandbox serves, for example <c>/api/spaces/coworkers</c>.</summary>
    public string Path { get; }

    /// <summary>Gets the record type's JSON metadata, for comparing records field by field.</summary>
    public JsonTypeInfo TypeInfo { get; private init; } = null!;

    /// <summary>Streams every record (<c>List…Async</c>).</summary>
    public Func<INexudusClient, NexudusQuery?, IAsyncEnumerable<NexudusEntity>> List { get; private init; } = null!;

    /// <summary>Reads one page (<c>Get…PageAsync</c>).</summary>
    public Func<INexudusClient, NexudusQuery?, NexudusPageCursor?, Task<NexudusPage<NexudusEntity>>> Page { get; private init; } = null!;

    /// <summary>Reads one record by id (<c>Get…Async(id)</c>).</summary>
    public Func<INexudusClient, long, Task<NexudusEntity>> Get { get; private init; } = null!;

    /// <summary>Reads records by batch get (<c>Get…Async(ids)</c>).</summary>
    public Func<INexudusClient, IEnumerable<long>, Task<IReadOnlyList<NexudusEntity>>> Batch { get; private init; } = null!;

    /// <summary>Makes a query of the set's own type that lists everything.</summary>
    public Func<NexudusQuery> NewQuery { get; private init; } = null!;

    /// <summary>Reads what the sandbox stores, in id order.</summary>
    public Func<NexudusSandbox, IReadOnlyList<NexudusEntity>> Stored { get; private init; } = null!;

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var name in All.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    /// <summary>
    /// A record as JSON without its <c>*Local</c> twins, which the sandbox derives from the
    /// location's zone when it serves them; optionally without collections, which list records lack.
    /// </summary>
    public JsonObject Comparable(NexudusEntity record, bool withoutCollections = false)
    {
        var json = JsonSerializer.SerializeToNode(record, TypeInfo)!.AsObject();
        foreach (var name in json.Select(p => p.Key).Where(k => k.EndsWith("Local", StringComparison.Ordinal)).ToList())
        {
            json.Remove(name);
        }

        if (withoutCollections)
        {
            foreach (var name in json.Where(p => p.Value is JsonArray).Select(p => p.Key).ToList())
            {
                json[name] = null;
            }
        }

        return json;
    }

    /// <summary>Asserts that two records carry the same fields (see <see cref="Comparable"/>).</summary>
    public void AssertSame(NexudusEntity expected, NexudusEntity actual, bool withoutCollections = false)
    {
        var want = Comparable(expected, withoutCollections).ToJsonString();
        var got = Comparable(actual).ToJsonString();
        Assert.Equal(want, got);
    }

    public override string ToString() => Name;

    private static NexudusEntitySet Of<T, TQuery>(
        string name,
        string path,
        Func<INexudusClient, TQuery?, CancellationToken, IAsyncEnumerable<T>> list,
        Func<INexudusClient, TQuery?, NexudusPageCursor?, CancellationToken, Task<NexudusPage<T>>> page,
        Func<INexudusClient, long, CancellationToken, Task<T>> get,
        Func<INexudusClient, IEnumerable<long>, CancellationToken, Task<IReadOnlyList<T>>> batch)
        where T : NexudusEntity
        where TQuery : NexudusQuery, new() => new(name, path)
        {
            TypeInfo = NexudusJsonContext.Default.GetTypeInfo(typeof(T))!,
            List = (client, query) => list(client, (TQuery?)query, default).Select(r => (NexudusEntity)r),
            Page = async (client, query, cursor) =>
            {
                var result = await page(client, (TQuery?)query, cursor, default);
                return new NexudusPage<NexudusEntity>
                {
                    Records = [.. result.Records],
                    Cursor = result.Cursor,
                    NextCursor = result.NextCursor,
                    TotalItems = result.TotalItems,
                };
            },
            Get = async (client, id) => await get(client, id, default),
            Batch = async (client, ids) => [.. await batch(client, ids, default)],
            NewQuery = () => new TQuery(),
            Stored = sandbox => sandbox.GetAll<T>(),
        };
}
