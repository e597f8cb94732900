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
/// <item>teams, then full records (for <c>TeamMembers</c>) only of teams whose paying member holds an active
/// contract (read alongside the contracts' full records, not after them);</item>
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
/// <para>
/// The lists are read at once, and the pages of a long list too once the first page tells the total: a few calls
/// are in flight together while the client's rate limiter paces their starts, so the read takes about as long as
/// the limits allow rather than the sum of every response's latency.
/// </para>
/// <para>A part that fails is left empty and reported; the guard then holds the run's removals.</para>
/// </remarks>
internal sealed partial class NexudusSnapshotReader(INexudusClient client, ILogger logger, int concurrency = 6)
{
    private const int BatchChunk = 100;
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
        var ct = cancellationToken;

        // Calls in flight at once. The client's rate limiter paces their starts; overlapping them hides each
        // response's latency behind the wait for the next start, so a read takes about as long as the limits allow.
        var gate = new ReadGate(concurrency);

        // Every list at once, the long ones first; full records as soon as the lists they depend on are in.
        var unusedPasses = PartAsync("customer passes", failures, () => ListAsync<CoworkerTimePass>(gate,
            (c, t) => client.GetCoworkerTimePassesPageAsync(
                incremental ? new CoworkerTimePassQuery { UpdatedOn = cache.Since("CoworkerTimePass") } : new CoworkerTimePassQuery { Used = false }, c, t), ct));
        var customers = PartAsync("customers", failures, () => ListAsync<Coworker>(gate,
            (c, t) => client.GetCoworkersPageAsync(
                incremental ? new CoworkerQuery { UpdatedOn = cache.Since("Coworker") } : new CoworkerQuery { Active = true, Archived = false }, c, t), ct));
        var contracts = PartAsync("contracts", failures, () => ListAsync<CoworkerContract>(gate,
            (c, t) => client.GetCoworkerContractsPageAsync(
                incremental ? new CoworkerContractQuery { UpdatedOn = cache.Since("CoworkerContract") } : new CoworkerContractQuery { Active = true }, c, t), ct));
        var teams = PartAsync("teams", failures, () => ListAsync<Team>(gate,
            (c, t) => client.GetTeamsPageAsync(new TeamQuery { UpdatedOn = Since(cache, "Team", incremental) }, c, t), ct));
        var fullContracts = FullContractsAsync(cache, customers, contracts, gate, failures, ct);
        var fullTeams = FullTeamsAsync(cache, contracts, teams, gate, failures, ct);
        var usedPasses = incremental ? Task.FromResult<List<CoworkerTimePass>?>([]) : PartAsync("customer passes", failures, () => ListAsync<CoworkerTimePass>(gate,
            (c, t) => client.GetCoworkerTimePassesPageAsync(
                new CoworkerTimePassQuery { Used = true, UsedDate = NexudusDateRange.Since(request.Now - UsedPassHorizon) }, c, t), ct));
        var zones = incremental ? Task.FromResult<Dictionary<long, TimeZoneInfo>?>(null) : PartAsync("locations", failures, () => ReadZonesAsync(gate, request.BusinessIds, ct));
        var passes = PartAsync("pass definitions", failures, () => ListAsync<TimePass>(gate,
            (c, t) => client.GetTimePassesPageAsync(new TimePassQuery { UpdatedOn = Since(cache, "TimePass", incremental) }, c, t), ct));
        var desks = PartAsync("floor-plan desks", failures, () => ListAsync<FloorPlanDesk>(gate,
            (c, t) => client.GetFloorPlanDesksPageAsync(new FloorPlanDeskQuery { UpdatedOn = Since(cache, "FloorPlanDesk", incremental) }, c, t), ct));
        var resources = PartAsync("resources", failures, () => ListAsync<Resource>(gate,
            (c, t) => client.GetResourcesPageAsync(new ResourceQuery { UpdatedOn = Since(cache, "Resource", incremental) }, c, t), ct));
        var slots = !request.ReadTimeSlots ? Task.FromResult<List<TimePassTimeSlot>?>([]) : PartAsync("pass time slots", failures, () => ListAsync<TimePassTimeSlot>(gate,
            (c, t) => client.GetTimePassTimeSlotsPageAsync(new TimePassTimeSlotQuery { UpdatedOn = Since(cache, "TimePassTimeSlot", incremental && cache.HasSlots) }, c, t), ct));
        var bookings = PartAsync("bookings", failures, () => ListAsync<Booking>(gate, (c, t) => client.GetBookingsPageAsync(BookingWindow(request), c, t), ct));
        var listsRead = incremental || request.ListsRead is null
            ? Task.CompletedTask
            : TellListsReadAsync(request.ListsRead, zones, customers, passes, unusedPasses, usedPasses, desks, resources, bookings);
        await Task.WhenAll(zones, customers, passes, unusedPasses, usedPasses, contracts, teams, desks, resources, slots, bookings, fullContracts, fullTeams, listsRead)
            .ConfigureAwait(false);

        // Merged one after another, in a fixed order, so the snapshot does not depend on which call finished first.
        if (await zones.ConfigureAwait(false) is { } zoneMap)
        {
            foreach (var (business, zone) in zoneMap)
            {
                cache.Zones[business] = zone;
            }
        }

        Merge(cache, "Coworker", cache.Customers, await customers.ConfigureAwait(false));
        Merge(cache, "TimePass", cache.Passes, await passes.ConfigureAwait(false));
        Merge(cache, "CoworkerTimePass", cache.CustomerPasses, Concat(await unusedPasses.ConfigureAwait(false), await usedPasses.ConfigureAwait(false)));
        cache.FullContracts.ExceptWith(Merge(cache, "CoworkerContract", cache.Contracts, await contracts.ConfigureAwait(false)) ?? []);
        cache.FullTeams.ExceptWith(Merge(cache, "Team", cache.Teams, await teams.ConfigureAwait(false)) ?? []);
        Merge(cache, "FloorPlanDesk", cache.Desks, await desks.ConfigureAwait(false));
        Merge(cache, "Resource", cache.Resources, await resources.ConfigureAwait(false));
        if (request.ReadTimeSlots)
        {
            Merge(cache, "TimePassTimeSlot", cache.Slots, await slots.ConfigureAwait(false));
        }

        foreach (var contract in await fullContracts.ConfigureAwait(false) ?? [])
        {
            cache.Contracts[contract.Id] = contract;
            cache.FullContracts.Add(contract.Id);
        }

        foreach (var team in await fullTeams.ConfigureAwait(false) ?? [])
        {
            cache.Teams[team.Id] = team;
            cache.FullTeams.Add(team.Id);
        }

        // A failed full read is not a base for later increments; a failed increment is retried from its old watermarks.
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
            Bookings = [.. (await bookings.ConfigureAwait(false) ?? []).DistinctBy(b => b.Id).OrderBy(b => b.Id)],
            TimeZones = cache.Zones,
        };
        return new SnapshotReadResult(snapshot, [.. cache.Slots.Values.OrderBy(s => s.Id)], failures, incremental ? SnapshotReadKind.Incremental : SnapshotReadKind.Full);
    }

    /// <summary>
    /// Once every list but the contracts and teams is in (and none failed), tells the caller what they hold: a
    /// snapshot that can only entitle fewer customers than the whole one, since the rules only grant.
    /// </summary>
    private static async Task TellListsReadAsync(
        Action<NexudusSnapshot> listsRead,
        Task<Dictionary<long, TimeZoneInfo>?> zones,
        Task<List<Coworker>?> customers,
        Task<List<TimePass>?> passes,
        Task<List<CoworkerTimePass>?> unusedPasses,
        Task<List<CoworkerTimePass>?> usedPasses,
        Task<List<FloorPlanDesk>?> desks,
        Task<List<Resource>?> resources,
        Task<List<Booking>?> bookings)
    {
        await Task.WhenAll(zones, customers, passes, unusedPasses, usedPasses, desks, resources, bookings).ConfigureAwait(false);
        if (await zones.ConfigureAwait(false) is not { } zoneMap || await customers.ConfigureAwait(false) is not { } people ||
            await passes.ConfigureAwait(false) is not { } definitions || Concat(await unusedPasses.ConfigureAwait(false), await usedPasses.ConfigureAwait(false)) is not { } held ||
            await desks.ConfigureAwait(false) is not { } deskList || await resources.ConfigureAwait(false) is not { } resourceList ||
            await bookings.ConfigureAwait(false) is not { } bookingList)
        {
            return;
        }

        listsRead(new NexudusSnapshot
        {
            Coworkers = LastById(people),
            TimePasses = LastById(definitions),
            CoworkerTimePasses = LastById(held),
            FloorPlanDesks = LastById(deskList),
            Resources = LastById(resourceList),
            Bookings = [.. bookingList.DistinctBy(b => b.Id).OrderBy(b => b.Id)], // as the whole snapshot keeps them
            TimeZones = new Dictionary<long, TimeZoneInfo>(zoneMap),
        });
    }

    /// <summary>
    /// Reads the full records (for <c>Desks</c>) of the active contracts of eligible customers that the cache does not
    /// already hold in full, as soon as the customers and contracts lists are in.
    /// </summary>
    private Task<List<CoworkerContract>?> FullContractsAsync(
        Cache cache, Task<List<Coworker>?> customers, Task<List<CoworkerContract>?> contracts, ReadGate gate,
        List<(string, Exception)> failures, CancellationToken cancellationToken) =>
        PartAsync("contracts", failures, async () =>
        {
            var listed = await contracts.ConfigureAwait(false);
            var people = await customers.ConfigureAwait(false);
            if (listed is null)
            {
                return [];
            }

            // A list may repeat a record (the same Id twice): the last one read counts, as Merge keeps it.
            var read = new Dictionary<long, Coworker>();
            foreach (var person in people ?? [])
            {
                read[person.Id] = person;
            }

            bool Eligible(long id) => read.TryGetValue(id, out var c) ? c.Active == true && c.Archived == false : cache.IsEligible(id);

            var changed = listed.Select(c => c.Id).ToHashSet();
            var needed = Overlay(cache.Contracts, listed)
                .Where(c => c.Active == true && c.CoworkerId is { } holder && Eligible(holder) && (changed.Contains(c.Id) || !cache.FullContracts.Contains(c.Id)))
                .Select(c => c.Id).Order().ToList();
            return AllOf(await BatchAsync(gate, needed, client.GetCoworkerContractsAsync, cancellationToken).ConfigureAwait(false), needed, "contracts");
        });

    /// <summary>
    /// Reads the full records (for <c>TeamMembers</c>) of teams whose paying member holds an active contract and that
    /// the cache does not already hold in full, as soon as the contracts and teams lists are in: the contract list
    /// says who pays, so the teams are read alongside the contracts' full records rather than after them.
    /// </summary>
    private Task<List<Team>?> FullTeamsAsync(
        Cache cache, Task<List<CoworkerContract>?> contracts, Task<List<Team>?> teams,
        ReadGate gate, List<(string, Exception)> failures, CancellationToken cancellationToken) =>
        PartAsync("teams", failures, async () =>
        {
            var listed = await teams.ConfigureAwait(false);
            var listedContracts = await contracts.ConfigureAwait(false);
            if (listed is null || listedContracts is null)
            {
                return [];
            }

            var payers = Overlay(cache.Contracts, listedContracts)
                .Where(c => c.Active == true && c.CoworkerId is not null)
                .Select(c => c.CoworkerId!.Value)
                .ToHashSet();
            var changed = listed.Select(t => t.Id).ToHashSet();
            var needed = Overlay(cache.Teams, listed)
                .Where(t => t.PayingMemberId is { } payer && payers.Contains(payer) && (changed.Contains(t.Id) || !cache.FullTeams.Contains(t.Id)))
                .Select(t => t.Id).Order().ToList();
            return AllOf(await BatchAsync(gate, needed, client.GetTeamsAsync, cancellationToken).ConfigureAwait(false), needed, "teams");
        });

    private static Dictionary<long, T>.ValueCollection Overlay<T>(Dictionary<long, T> cached, List<T> listed)
        where T : NexudusEntity
    {
        var merged = new Dictionary<long, T>(cached);
        foreach (var record in listed)
        {
            merged[record.Id] = record;
        }

        return merged.Values;
    }

    /// <summary>One record per id, the last one listed (as <see cref="Merge{T}"/> keeps it), in id order.</summary>
    private static List<T> LastById<T>(List<T> records)
        where T : NexudusEntity
    {
        var byId = new Dictionary<long, T>();
        foreach (var record in records)
        {
            byId[record.Id] = record;
        }

        return [.. byId.Values.OrderBy(r => r.Id)];
    }

    private static NexudusDateRange? Since(Cache cache, string entity, bool incremental) => incremental ? cache.Since(entity) : null;

    private static List<T>? Concat<T>(List<T>? first, List<T>? second) => first is null || second is null ? null : [.. first, .. second];
    /// <summary>Merges records into the cache and moves the watermark; <see langword="null"/> records (a failed part) change nothing.</summary>
    private HashSet<long>? Merge<T>(Cache cache, string entity, Dictionary<long, T> target, List<T>? records)
        where T : NexudusEntity
    {
        if (records is null)
        {
            return null;
        }

        var seen = new HashSet<long>();
        var repeated = 0;
        var newest = cache.Watermarks.GetValueOrDefault(entity);
        foreach (var record in records)
        {
            target[record.Id] = record;
            repeated += seen.Add(record.Id) ? 0 : 1;
            if (record.UpdatedOn is { } updated && (newest is null || updated > newest))
            {
                newest = updated;
            }
        }

        // A list with no records yet is read from well before this read from now on: the margin covers a server
        // clock that runs behind ours.
        cache.Watermarks[entity] = newest ?? cache.FullReadAt - EmptyListMargin;
        if (repeated > 0)
        {
            // Tolerated (the last copy counts) and reported: a list that repeats records may also have skipped some.
            SyncLog.RepeatedRecords(logger, entity, repeated);
        }

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
