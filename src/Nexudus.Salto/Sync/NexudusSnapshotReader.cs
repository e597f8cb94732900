using Microsoft.Extensions.Logging;
using Nexudus.Salto.Entitlements;
using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Sync;

/// <summary>
/// Reads the <see cref="NexudusSnapshot"/> a sync run resolves, at the least cost in calls the Nexudus rate
/// limits allow: lists at the client's page size, batch gets only for records whose collections matter, bookings
/// only in the window that can matter, and between full reads only what changed since (by <c>UpdatedOn</c>).
/// </summary>
/// <remarks>
/// <para>A full read:</para>
/// <list type="bullet">
/// <item>the configured locations and their time zones, by batch get;</item>
/// <item>eligible customers only (<c>Active</c> and not <c>Archived</c>: nobody else gets anything);</item>
/// <item>pass definitions, and customers' passes that are unused or were used in the last two days (older used
/// passes cannot grant: a pass day is at most a day long);</item>
/// <item>active contracts, then full records (for <c>Desks</c>) only of those held by eligible customers;</item>
/// <item>teams, then full records (for <c>TeamMembers</c>) only of teams whose paying member holds such a
/// contract with desks;</item>
/// <item>floor-plan desks and resources (their link fields are in the list records);</item>
/// <item>bookings whose window can touch [now, now + look-ahead], widened by a day each way because which clock
/// the booking filters use is unconfirmed.</item>
/// </list>
/// <para>
/// An incremental read asks every list only for records updated since the last one it saw (less five minutes,
/// for the filter's minute precision), without the eligibility or state filters (a customer who was archived or
/// a pass that was used must be seen), and merges them into the previous snapshot. Records deleted in Nexudus
/// are noticed at the next full read; bookings are always read in full for their window.
/// </para>
/// <para>A part that fails is left empty and reported; the guard then holds the run's removals.</para>
/// </remarks>
internal sealed class NexudusSnapshotReader(INexudusClient client, ILogger logger)
{
    private static readonly TimeSpan WatermarkOverlap = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan BookingFilterMargin = TimeSpan.FromDays(1);
    private static readonly TimeSpan UsedPassHorizon = TimeSpan.FromDays(2);
    private static readonly TimeSpan EmptyListMargin = TimeSpan.FromHours(1);

    private Cache? _cache;

    public async Task<SnapshotReadResult> ReadAsync(SnapshotReadRequest request, CancellationToken cancellationToken)
    {
        var failures = new List<(string Part, Exception Error)>();
        var incremental = _cache is { } previous &&
                          request.FullReadInterval > TimeSpan.Zero &&
                          request.Now - previous.FullReadAt < request.FullReadInterval &&
                          previous.BusinessIds.SetEquals(request.BusinessIds) &&
                          (previous.HasSlots || !request.ReadTimeSlots);
        var cache = incremental ? _cache! : new Cache(request.Now, request.BusinessIds, request.ReadTimeSlots);

        if (!incremental)
        {
            await PartAsync("locations", failures, () => ReadZonesAsync(cache, request.BusinessIds, cancellationToken)).ConfigureAwait(false);
        }

        await PartAsync("customers", failures, () => ReadCustomersAsync(cache, incremental, cancellationToken)).ConfigureAwait(false);
        await PartAsync("pass definitions", failures, () => ReadListAsync(cache, "TimePass", cache.Passes,
            since => client.ListTimePassesAsync(new TimePassQuery { UpdatedOn = since }, cancellationToken), incremental)).ConfigureAwait(false);
        await PartAsync("customer passes", failures, () => ReadCustomerPassesAsync(cache, request.Now, incremental, cancellationToken)).ConfigureAwait(false);
        await PartAsync("contracts", failures, () => ReadContractsAsync(cache, incremental, cancellationToken)).ConfigureAwait(false);
        await PartAsync("teams", failures, () => ReadTeamsAsync(cache, incremental, cancellationToken)).ConfigureAwait(false);
        await PartAsync("floor-plan desks", failures, () => ReadListAsync(cache, "FloorPlanDesk", cache.Desks,
            since => client.ListFloorPlanDesksAsync(new FloorPlanDeskQuery { UpdatedOn = since }, cancellationToken), incremental)).ConfigureAwait(false);
        await PartAsync("resources", failures, () => ReadListAsync(cache, "Resource", cache.Resources,
            since => client.ListResourcesAsync(new ResourceQuery { UpdatedOn = since }, cancellationToken), incremental)).ConfigureAwait(false);
        if (request.ReadTimeSlots)
        {
            await PartAsync("pass time slots", failures, () => ReadListAsync(cache, "TimePassTimeSlot", cache.Slots,
                since => client.ListTimePassTimeSlotsAsync(new TimePassTimeSlotQuery { UpdatedOn = since }, cancellationToken), incremental)).ConfigureAwait(false);
        }

        IReadOnlyList<Booking> bookings = [];
        await PartAsync("bookings", failures, async () => bookings = await ReadBookingsAsync(request, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);

        // A failed full read is not a base for later increments; a failed increment is retried from its old watermark.
        _cache = failures.Count == 0 || incremental ? cache : null;

        var snapshot = new NexudusSnapshot
        {
            Coworkers = [.. cache.Customers.Values.OrderBy(c => c.Id)],
            Teams = [.. cache.Teams.Values.OrderBy(t => t.Id)],
            TimePasses = [.. cache.Passes.Values.OrderBy(p => p.Id)],
            CoworkerTimePasses = [.. cache.CustomerPasses.Values.OrderBy(p => p.Id)],
            CoworkerContracts = [.. cache.Contracts.Values.OrderBy(c => c.Id)],
            FloorPlanDesks = [.. cache.Desks.Values.OrderBy(d => d.Id)],
            Resources = [.. cache.Resources.Values.OrderBy(r => r.Id)],
            Bookings = bookings,
            TimeZones = cache.Zones,
        };
        return new SnapshotReadResult(snapshot, [.. cache.Slots.Values.OrderBy(s => s.Id)], failures, incremental ? SnapshotReadKind.Incremental : SnapshotReadKind.Full);
    }

    private async Task PartAsync(string part, List<(string, Exception)> failures, Func<Task> read)
    {
        try
        {
            await read().ConfigureAwait(false);
        }
        catch (NexudusApiException ex)
        {
            SyncLog.NexudusReadFailed(logger, part, ex);
            failures.Add((part, ex));
        }
    }

    private async Task ReadZonesAsync(Cache cache, IReadOnlyCollection<long> businessIds, CancellationToken cancellationToken)
    {
        if (businessIds.Count == 0)
        {
            return;
        }

        var businesses = await client.GetBusinessesAsync(businessIds, cancellationToken).ConfigureAwait(false);
        var zoneIds = businesses.Where(b => b.SimpleTimeZoneId is not null).Select(b => b.SimpleTimeZoneId!.Value).Distinct().ToList();
        var zones = zoneIds.Count == 0 ? [] : await client.GetSimpleTimeZonesAsync(zoneIds, cancellationToken).ConfigureAwait(false);
        var byId = zones.ToDictionary(z => z.Id);
        foreach (var business in businesses)
        {
            // A location whose zone cannot be read is not resolved at all (the resolver reports it).
            if (business.SimpleTimeZoneId is { } zoneId && byId.TryGetValue(zoneId, out var zone) && NexudusTimeZones.TryResolve(zone, out var info))
            {
                cache.Zones[business.Id] = info;
            }
        }
    }

    private async Task ReadCustomersAsync(Cache cache, bool incremental, CancellationToken cancellationToken)
    {
        // A full read needs only eligible customers; an increment must also see those who stopped being eligible.
        var query = incremental
            ? new CoworkerQuery { UpdatedOn = cache.Since("Coworker") }
            : new CoworkerQuery { Active = true, Archived = false };
        await MergeAsync(cache, "Coworker", cache.Customers, client.ListCoworkersAsync(query, cancellationToken)).ConfigureAwait(false);
    }

    private async Task ReadCustomerPassesAsync(Cache cache, DateTimeOffset now, bool incremental, CancellationToken cancellationToken)
    {
        if (incremental)
        {
            await MergeAsync(cache, "CoworkerTimePass", cache.CustomerPasses,
                client.ListCoworkerTimePassesAsync(new CoworkerTimePassQuery { UpdatedOn = cache.Since("CoworkerTimePass") }, cancellationToken)).ConfigureAwait(false);
            return;
        }

        await MergeAsync(cache, "CoworkerTimePass", cache.CustomerPasses,
            client.ListCoworkerTimePassesAsync(new CoworkerTimePassQuery { Used = false }, cancellationToken)).ConfigureAwait(false);
        await MergeAsync(cache, "CoworkerTimePass", cache.CustomerPasses,
            client.ListCoworkerTimePassesAsync(new CoworkerTimePassQuery { Used = true, UsedDate = NexudusDateRange.Since(now - UsedPassHorizon) }, cancellationToken))
            .ConfigureAwait(false);
    }

    private async Task ReadContractsAsync(Cache cache, bool incremental, CancellationToken cancellationToken)
    {
        var query = incremental ? new CoworkerContractQuery { UpdatedOn = cache.Since("CoworkerContract") } : new CoworkerContractQuery { Active = true };
        var changed = await MergeAsync(cache, "CoworkerContract", cache.Contracts, client.ListCoworkerContractsAsync(query, cancellationToken)).ConfigureAwait(false);
        cache.FullContracts.ExceptWith(changed);

        // Desks are in full records only; fetch them for the contracts that can grant and are not yet full.
        var needed = cache.Contracts.Values
            .Where(c => c.Active == true && c.CoworkerId is { } holder && cache.IsEligible(holder) && !cache.FullContracts.Contains(c.Id))
            .Select(c => c.Id)
            .ToList();
        if (needed.Count > 0)
        {
            foreach (var contract in await client.GetCoworkerContractsAsync(needed, cancellationToken).ConfigureAwait(false))
            {
                cache.Contracts[contract.Id] = contract;
                cache.FullContracts.Add(contract.Id);
            }
        }
    }

    private async Task ReadTeamsAsync(Cache cache, bool incremental, CancellationToken cancellationToken)
    {
        var changed = await MergeAsync(cache, "Team", cache.Teams,
            client.ListTeamsAsync(new TeamQuery { UpdatedOn = incremental ? cache.Since("Team") : null }, cancellationToken)).ConfigureAwait(false);
        cache.FullTeams.ExceptWith(changed);

        // Members are in full records only, and matter only for teams whose paying member holds a contract with desks.
        var payers = cache.Contracts.Values
            .Where(c => cache.FullContracts.Contains(c.Id) && c.Desks is { Count: > 0 } && c.CoworkerId is not null)
            .Select(c => c.CoworkerId!.Value)
            .ToHashSet();
        var needed = cache.Teams.Values
            .Where(t => t.PayingMemberId is { } payer && payers.Contains(payer) && !cache.FullTeams.Contains(t.Id))
            .Select(t => t.Id)
            .ToList();
        if (needed.Count > 0)
        {
            foreach (var team in await client.GetTeamsAsync(needed, cancellationToken).ConfigureAwait(false))
            {
                cache.Teams[team.Id] = team;
                cache.FullTeams.Add(team.Id);
            }
        }
    }

    private async Task<IReadOnlyList<Booking>> ReadBookingsAsync(SnapshotReadRequest request, CancellationToken cancellationToken)
    {
        // A booking matters when its widened window [From − before, To + after) meets [now, now + look-ahead].
        var query = new BookingQuery
        {
            FromTime = NexudusDateRange.Until(request.Now + request.BookingLookAhead + request.BookingAccessBefore + BookingFilterMargin),
            ToTime = NexudusDateRange.Since(request.Now - request.BookingAccessAfter - BookingFilterMargin),
        };
        var bookings = new List<Booking>();
        await foreach (var booking in client.ListBookingsAsync(query, cancellationToken).ConfigureAwait(false))
        {
            bookings.Add(booking);
        }

        return bookings;
    }

    private static Task<HashSet<long>> ReadListAsync<T>(Cache cache, string entity, Dictionary<long, T> target, Func<NexudusDateRange?, IAsyncEnumerable<T>> list, bool incremental)
        where T : NexudusEntity =>
        MergeAsync(cache, entity, target, list(incremental ? cache.Since(entity) : null));

    private static async Task<HashSet<long>> MergeAsync<T>(Cache cache, string entity, Dictionary<long, T> target, IAsyncEnumerable<T> records)
        where T : NexudusEntity
    {
        var seen = new HashSet<long>();
        DateTimeOffset? newest = cache.Watermarks.GetValueOrDefault(entity);
        await foreach (var record in records.ConfigureAwait(false))
        {
            target[record.Id] = record;
            seen.Add(record.Id);
            if (record.UpdatedOn is { } updated && (newest is null || updated > newest))
            {
                newest = updated;
            }
        }

        // A list with no records yet is read from well before this read from now on: the margin covers a server
        // clock that runs behind ours.
        cache.Watermarks[entity] = newest ?? cache.FullReadAt - EmptyListMargin;
        return seen;
    }

    /// <summary>The previous read, kept for incremental reads.</summary>
    private sealed class Cache(DateTimeOffset fullReadAt, IReadOnlyCollection<long> businessIds, bool hasSlots)
    {
        public DateTimeOffset FullReadAt { get; } = fullReadAt;

        public HashSet<long> BusinessIds { get; } = [.. businessIds];

        public bool HasSlots { get; } = hasSlots;

        public Dictionary<long, TimeZoneInfo> Zones { get; } = [];

        public Dictionary<long, Coworker> Customers { get; } = [];

        public Dictionary<long, TimePass> Passes { get; } = [];

        public Dictionary<long, CoworkerTimePass> CustomerPasses { get; } = [];

        public Dictionary<long, CoworkerContract> Contracts { get; } = [];

        public HashSet<long> FullContracts { get; } = [];

        public Dictionary<long, Team> Teams { get; } = [];

        public HashSet<long> FullTeams { get; } = [];

        public Dictionary<long, FloorPlanDesk> Desks { get; } = [];

        public Dictionary<long, Resource> Resources { get; } = [];

        public Dictionary<long, TimePassTimeSlot> Slots { get; } = [];

        public Dictionary<string, DateTimeOffset?> Watermarks { get; } = new(StringComparer.Ordinal);

        public bool IsEligible(long customerId) =>
            Customers.TryGetValue(customerId, out var customer) && customer.Active == true && customer.Archived == false;

        // No watermark: read the whole list again rather than miss a change.
        public NexudusDateRange? Since(string entity) =>
            Watermarks.GetValueOrDefault(entity) is { } mark ? NexudusDateRange.Since(mark - WatermarkOverlap) : null;
    }
}
