using Nexudus.Salto.Entitlements;
using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Sync;

// NexudusSnapshotReader, the targeted reads: only what decides the access of named customers, on the definitions of the previous read.
internal sealed partial class NexudusSnapshotReader
{
    /// <summary>Gets whether a previous read can serve a targeted read its locations, pass definitions, desks and resources.</summary>
    public bool CanReadTargeted => _cache is not null;

    /// <summary>
    /// Reads only what decides the access of <paramref name="customers"/>: their records, passes, active contracts
    /// (full records), bookings in the window, the teams they belong to and, for <paramref name="teamPayers"/>, the
    /// teams they pay for (whose members join the scope). The paying members of those teams are read too (their
    /// record and active contracts), since a team grants only through its payer's contract. Locations, pass
    /// definitions, desks and resources come from the previous read, which must exist (<see cref="CanReadTargeted"/>);
    /// the previous read itself is left as it is.
    /// </summary>
    /// <returns>The snapshot, and <paramref name="scope"/> filled with the customers whose access it fully decides.</returns>
    public async Task<SnapshotReadResult> ReadCustomersAsync(
        SnapshotReadRequest request, IReadOnlyCollection<long> customers, IReadOnlyCollection<long> teamPayers, HashSet<long> scope, CancellationToken cancellationToken)
    {
        var cache = _cache ?? throw new InvalidOperationException("A targeted read needs a previous read.");
        var failures = new List<(string Part, Exception Error)>();
        var gate = new ReadGate(concurrency);
        var ct = cancellationToken;
        scope.UnionWith(customers);

        // The teams the payers pay for: their members' access hangs on the payer's contracts.
        var paidTeamIds = new HashSet<long>();
        foreach (var list in await Task.WhenAll(teamPayers.Distinct().Order().Select(payer => PartAsync("teams", failures, () => ListAsync<Team>(gate,
                     (c, t) => client.GetTeamsPageAsync(new TeamQuery { PayingMemberId = payer }, c, t), ct)))).ConfigureAwait(false))
        {
            paidTeamIds.UnionWith((list ?? []).Select(t => t.Id));
        }

        var people = new Dictionary<long, Coworker>();
        var teams = new Dictionary<long, Team>();
        var payers = new HashSet<long>();
        var asked = new HashSet<long>();
        var teamsAsked = new HashSet<long>();
        for (var round = 0; round < 4; round++)
        {
            var toRead = scope.Concat(payers).Where(asked.Add).Order().ToList();
            foreach (var person in await PartAsync("customers", failures, () => BatchAsync(gate, toRead, client.GetCoworkersAsync, ct)).ConfigureAwait(false) ?? [])
            {
                people[person.Id] = person;
            }

            var teamIds = paidTeamIds.Concat(scope.SelectMany(id => people.TryGetValue(id, out var p) ? p.Teams ?? [] : [])).Where(teamsAsked.Add).Order().ToList();
            foreach (var team in await PartAsync("teams", failures, () => BatchAsync(gate, teamIds, client.GetTeamsAsync, ct)).ConfigureAwait(false) ?? [])
            {
                teams[team.Id] = team;
            }

            foreach (var team in teams.Values)
            {
                if (paidTeamIds.Contains(team.Id))
                {
                    scope.UnionWith(team.TeamMembers ?? []);
                }

                if (team.PayingMemberId is { } payer && (team.TeamMembers ?? []).Any(scope.Contains))
                {
                    payers.Add(payer);
                }
            }

            if (!scope.Concat(payers).Any(id => !asked.Contains(id)))
            {
                break;
            }
        }

        var holders = scope.Concat(payers).Distinct().Order().ToList();
        var passLists = scope.Order().Select(id => PartAsync("customer passes", failures, () => ListAsync<CoworkerTimePass>(gate,
            (c, t) => client.GetCoworkerTimePassesPageAsync(new CoworkerTimePassQuery { CoworkerId = id }, c, t), ct))).ToList();
        var bookingLists = scope.Order().Select(id => PartAsync("bookings", failures, () => ListAsync<Booking>(gate,
            (c, t) => client.GetBookingsPageAsync(BookingWindow(request) with { CoworkerId = id }, c, t), ct))).ToList();
        var contractLists = holders.Select(id => PartAsync("contracts", failures, () => ListAsync<CoworkerContract>(gate,
            (c, t) => client.GetCoworkerContractsPageAsync(new CoworkerContractQuery { CoworkerId = id, Active = true }, c, t), ct))).ToList();
        await Task.WhenAll(passLists.Concat<Task>(bookingLists).Concat(contractLists)).ConfigureAwait(false);

        var activeContracts = (await Task.WhenAll(contractLists).ConfigureAwait(false)).SelectMany(l => l ?? [])
            .Where(c => c.Active == true).Select(c => c.Id).Distinct().Order().ToList();
        var fullContracts = await PartAsync("contracts", failures, () => BatchAsync(gate, activeContracts, client.GetCoworkerContractsAsync, ct)).ConfigureAwait(false) ?? [];

        // Customers Nexudus did not return (deleted, or a short answer) are left to the next whole read: nothing is
        // concluded about them here.
        scope.IntersectWith(people.Keys);
        var snapshot = new NexudusSnapshot
        {
            Coworkers = [.. people.Values.OrderBy(c => c.Id)],
            Teams = [.. teams.Values.OrderBy(t => t.Id)],
            TimePasses = [.. cache.Passes.Values.OrderBy(p => p.Id)],
            CoworkerTimePasses = [.. (await Task.WhenAll(passLists).ConfigureAwait(false)).SelectMany(l => l ?? []).DistinctBy(p => p.Id).OrderBy(p => p.Id)],
            CoworkerContracts = [.. fullContracts.DistinctBy(c => c.Id).OrderBy(c => c.Id)],
            FloorPlanDesks = [.. cache.Desks.Values.OrderBy(d => d.Id)],
            Resources = [.. cache.Resources.Values.OrderBy(r => r.Id)],
            Bookings = [.. (await Task.WhenAll(bookingLists).ConfigureAwait(false)).SelectMany(l => l ?? []).DistinctBy(b => b.Id).OrderBy(b => b.Id)],
            TimeZones = new Dictionary<long, TimeZoneInfo>(cache.Zones),
        };
        return new SnapshotReadResult(snapshot, [], failures, SnapshotReadKind.Targeted);
    }

    /// <summary>
    /// Gets the definitions the previous read holds (locations' time zones, pass definitions, desks and resources),
    /// with no customer record: what links are checked against before a targeted read. Empty before any read.
    /// </summary>
    public NexudusSnapshot Definitions => _cache is not { } cache
        ? new NexudusSnapshot()
        : new NexudusSnapshot
        {
            TimePasses = [.. cache.Passes.Values.OrderBy(p => p.Id)],
            FloorPlanDesks = [.. cache.Desks.Values.OrderBy(d => d.Id)],
            Resources = [.. cache.Resources.Values.OrderBy(r => r.Id)],
            TimeZones = new Dictionary<long, TimeZoneInfo>(cache.Zones),
        };

    /// <summary>
    /// Reads only the records and the bookings (in the window) of <paramref name="customers"/>, for a targeted run
    /// about bookings only: two reads for one customer, sent together (the records by one batch get, the bookings by
    /// one filtered list each). Passes, contracts and teams are not read, so the snapshot decides only the groups
    /// nothing but bookings grants; the caller must narrow its plan to them. Definitions come from the previous read
    /// (<see cref="CanReadTargeted"/>).
    /// </summary>
    /// <returns>The snapshot, and <paramref name="scope"/> filled with the customers Nexudus returned.</returns>
    public async Task<SnapshotReadResult> ReadCustomerBookingsAsync(
        SnapshotReadRequest request, IReadOnlyCollection<long> customers, HashSet<long> scope, CancellationToken cancellationToken)
    {
        var cache = _cache ?? throw new InvalidOperationException("A targeted read needs a previous read.");
        var failures = new List<(string Part, Exception Error)>();
        var gate = new ReadGate(concurrency);
        var ct = cancellationToken;
        var ids = customers.Distinct().Order().ToList();
        var people = PartAsync("customers", failures, () => BatchAsync(gate, ids, client.GetCoworkersAsync, ct));
        var bookingLists = ids.Select(id => PartAsync("bookings", failures, () => ListAsync<Booking>(gate,
            (c, t) => client.GetBookingsPageAsync(BookingWindow(request) with { CoworkerId = id }, c, t), ct))).ToList();
        await Task.WhenAll(bookingLists.Append<Task>(people)).ConfigureAwait(false);

        var records = (await people.ConfigureAwait(false) ?? []).Where(p => ids.Contains(p.Id)).DistinctBy(p => p.Id).ToList();

        // Customers Nexudus did not return (deleted, or a short answer) are left to the next whole read.
        scope.UnionWith(records.Select(p => p.Id));
        var snapshot = new NexudusSnapshot
        {
            Coworkers = [.. records.OrderBy(c => c.Id)],
            TimePasses = [.. cache.Passes.Values.OrderBy(p => p.Id)],
            FloorPlanDesks = [.. cache.Desks.Values.OrderBy(d => d.Id)],
            Resources = [.. cache.Resources.Values.OrderBy(r => r.Id)],
            Bookings = [.. (await Task.WhenAll(bookingLists).ConfigureAwait(false)).SelectMany(l => l ?? []).DistinctBy(b => b.Id).OrderBy(b => b.Id)],
            TimeZones = new Dictionary<long, TimeZoneInfo>(cache.Zones),
        };
        return new SnapshotReadResult(snapshot, [], failures, SnapshotReadKind.Targeted);
    }
}
