using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Nexudus.Salto.Entitlements;
using Nexudus.Salto.Nexudus;
using static Nexudus.Salto.Tests.Entitlements.TestWorld;

namespace Nexudus.Salto.Tests.Entitlements;

/// <summary>
/// A small random Nexudus world for property tests: a few customers (some suspended, archived or
/// with missing flags), teams, passes, contracts and bookings around <see cref="Now"/>, at two
/// locations (London and Los Angeles) with random policies, and <see cref="Now"/> often on a
/// daylight-saving night.
/// </summary>
public sealed record RandomWorld(NexudusSnapshot Snapshot, IReadOnlyList<LocationLinks> Locations, DateTimeOffset Now)
{
    public LinkMap Links => LinkMapBuilder.Build(Locations, Snapshot);

    public DesiredAccess Resolve(DateTimeOffset at) => new EntitlementResolver().Resolve(Snapshot, Links, at);

    public DesiredAccess Resolve() => Resolve(Now);

    public int RemovableCount => Snapshot.CoworkerTimePasses.Count + Snapshot.CoworkerContracts.Count + Snapshot.Bookings.Count;

    /// <summary>The same world without one pass, contract or booking (numbered across the three lists).</summary>
    public RandomWorld Without(int item)
    {
        var passes = Snapshot.CoworkerTimePasses.Count;
        var contracts = Snapshot.CoworkerContracts.Count;
        return item < passes
            ? this with { Snapshot = Snapshot with { CoworkerTimePasses = Except(Snapshot.CoworkerTimePasses, item) } }
            : item < passes + contracts
                ? this with { Snapshot = Snapshot with { CoworkerContracts = Except(Snapshot.CoworkerContracts, item - passes) } }
                : this with { Snapshot = Snapshot with { Bookings = Except(Snapshot.Bookings, item - passes - contracts) } };
    }

    /// <summary>The same world with every list in another order.</summary>
    public RandomWorld Shuffled(int seed)
    {
        var random = new Random(seed);
        T[] Shuffle<T>(IReadOnlyList<T> items) => [.. items.OrderBy(_ => random.Next())];
        return this with
        {
            Snapshot = Snapshot with
            {
                Coworkers = Shuffle(Snapshot.Coworkers),
                Teams = Shuffle(Snapshot.Teams),
                CoworkerTimePasses = Shuffle(Snapshot.CoworkerTimePasses),
                CoworkerContracts = Shuffle(Snapshot.CoworkerContracts),
                FloorPlanDesks = Shuffle(Snapshot.FloorPlanDesks),
                Resources = Shuffle(Snapshot.Resources),
                Bookings = Shuffle(Snapshot.Bookings),
            },
        };
    }

    public bool IsEligible(long customer)
    {
        var records = Snapshot.Coworkers.Where(c => c.Id == customer).ToList();
        return records.Count > 0 && records.All(c => c.Active == true && c.Archived == false);
    }

    private static T[] Except<T>(IReadOnlyList<T> items, int index) => [.. items.Where((_, i) => i != index)];

    // A readable counter-example when a property fails.
    public override string ToString()
    {
        var text = new StringBuilder();
        string T(DateTimeOffset? t) => t is { } v ? (v - Now).ToString("c", CultureInfo.InvariantCulture) : "-";
        text.Append(CultureInfo.InvariantCulture, $"now={Now:O}\n");
        foreach (var l in Locations)
        {
            text.Append(CultureInfo.InvariantCulture, $"location {l.NexudusBusinessId}: cutoff={l.PassDayCutoff} before={l.BookingAccessBefore} after={l.BookingAccessAfter} tentative={l.IncludeTentativeBookings} localExpiry={l.PassExpireDateIsLocal}\n");
        }

        foreach (var c in Snapshot.Coworkers)
        {
            text.Append(CultureInfo.InvariantCulture, $"customer {c.Id}: active={c.Active} archived={c.Archived}\n");
        }

        foreach (var t in Snapshot.Teams)
        {
            text.Append(CultureInfo.InvariantCulture, $"team {t.Id}: payer={t.PayingMemberId} members={string.Join(',', t.TeamMembers ?? [])}\n");
        }

        foreach (var p in Snapshot.CoworkerTimePasses)
        {
            text.Append(CultureInfo.InvariantCulture, $"pass {p.Id}: customer={p.CoworkerId} at={p.BusinessId} def={p.TimePassId} expires={T(p.ExpireDate)} used={p.Used} usedDate={T(p.UsedDate)} remaining={p.RemainingUses}\n");
        }

        foreach (var c in Snapshot.CoworkerContracts)
        {
            text.Append(CultureInfo.InvariantCulture, $"contract {c.Id}: holder={c.CoworkerId} start={T(c.StartDate)} desks={string.Join(',', c.Desks ?? [])} active={c.Active} paused={c.InPausedPeriod} cancelled={c.Cancelled} cancel={T(c.CancellationDate)} cancelLocal={c.CancellationDateLocal:O}\n");
        }

        foreach (var b in Snapshot.Bookings)
        {
            text.Append(CultureInfo.InvariantCulture, $"booking {b.Id}: customer={b.CoworkerId} resource={b.ResourceId} desk={b.FloorPlanDeskId} from={T(b.FromTime)} to={T(b.ToTime)} tentative={b.Tentative}\n");
        }

        return text.ToString();
    }
}

/// <summary>The FsCheck generator of <see cref="RandomWorld"/>s.</summary>
public static class RandomWorlds
{
    private const long LondonPass2 = 1414999011;
    private const long LondonOfficeDesk = LondonOffice;
    private const long UnknownItem = 1499999999;

    // The nights clocks change in London and Los Angeles in 2026, and an ordinary winter day.
    private static readonly DateTimeOffset[] Anchors =
    [
        Utc(2026, 3, 29, 1), Utc(2026, 10, 25, 1), Utc(2026, 3, 8, 10), Utc(2026, 11, 1, 9), Utc(2026, 1, 15, 12),
    ];

    public static Arbitrary<RandomWorld> Worlds() => Arb.From(World);

    public static Gen<RandomWorld> World =>
        from anchor in Gen.Elements(Anchors)
        from shift in Gen.Choose(-36 * 4, 36 * 4)
        from seconds in Gen.Frequency((4, Gen.Constant(0)), (1, Gen.Choose(0, 899)))
        let now = anchor.AddMinutes(15 * shift).AddSeconds(seconds)
        from london in Location(London, LondonSite)
        from losAngeles in Location(LosAngeles, LosAngelesSite)
        from statuses in Gen.ArrayOf(Status, 4)
        from teams in Gen.Choose(0, 2).SelectMany(n => Gen.ArrayOf(TeamOf, n))
        from passes in Gen.Choose(0, 10).SelectMany(n => Gen.ArrayOf(PassAround(now), n))
        from contracts in Gen.Choose(0, 5).SelectMany(n => Gen.ArrayOf(ContractAround(now), n))
        from bookings in Gen.Choose(0, 14).SelectMany(n => Gen.ArrayOf(BookingAround(now), n))
        select new RandomWorld(
            new NexudusSnapshot
            {
                Coworkers = [.. statuses.Select((s, i) => new Coworker { Id = i + 1, Active = s.Active, Archived = s.Archived })],
                Teams = [.. teams.Select((t, i) => t with { Id = 7700 + i })],
                TimePasses =
                [
                    new TimePass { Id = LondonPass, BusinessId = London },
                    new TimePass { Id = LondonPass2, BusinessId = London },
                    new TimePass { Id = LosAngelesPass, BusinessId = LosAngeles },
                ],
                CoworkerTimePasses = [.. passes.Select((p, i) => p with { Id = 100 + i })],
                CoworkerContracts = [.. contracts.Select((c, i) => c with { Id = 200 + i })],
                FloorPlanDesks =
                [
                    new FloorPlanDesk { Id = LondonDesk, FloorPlanBusinessId = London },
                    new FloorPlanDesk { Id = LondonOfficeDesk, FloorPlanBusinessId = London },
                    new FloorPlanDesk { Id = LosAngelesDesk, FloorPlanBusinessId = LosAngeles },
                ],
                Resources =
                [
                    new Resource { Id = LondonRoom, BusinessId = London },
                    new Resource { Id = LosAngelesRoom, BusinessId = LosAngeles },
                ],
                Bookings = [.. bookings.Select((b, i) => b with { Id = 300 + i })],
                TimeZones = new Dictionary<long, TimeZoneInfo> { [London] = LondonZone, [LosAngeles] = LosAngelesZone },
            },
            [london, losAngeles],
            now);

    // Groups overlap on purpose (g1 comes from a pass, a second pass and a room) so grants merge.
    private static Gen<LocationLinks> Location(long business, string site) =>
        from cutoff in Gen.Elements(0, 4 * 60, 90, 150)
        from before in Gen.Elements(0, 15, 30)
        from after in Gen.Elements(0, 15, 30)
        from tentative in Gen.Elements(false, true)
        from localExpiry in Gen.Elements(false, true)
        select new LocationLinks
        {
            NexudusBusinessId = business,
            SaltoSiteId = site,
            PassDayCutoff = TimeSpan.FromMinutes(cutoff),
            BookingAccessBefore = TimeSpan.FromMinutes(before),
            BookingAccessAfter = TimeSpan.FromMinutes(after),
            IncludeTentativeBookings = tentative,
            PassExpireDateIsLocal = localExpiry,
            TimePassGroups = business == London
                ? new Dictionary<long, IReadOnlyList<string>> { [LondonPass] = ["g1"], [LondonPass2] = ["g1", "g2"] }
                : new Dictionary<long, IReadOnlyList<string>> { [LosAngelesPass] = ["g3"] },
            FloorPlanDeskGroups = business == London
                ? new Dictionary<long, IReadOnlyList<string>> { [LondonDesk] = ["g2"], [LondonOfficeDesk] = ["g4"] }
                : new Dictionary<long, IReadOnlyList<string>> { [LosAngelesDesk] = ["g3"] },
            ResourceGroups = business == London
                ? new Dictionary<long, IReadOnlyList<string>> { [LondonRoom] = ["g1"] }
                : new Dictionary<long, IReadOnlyList<string>> { [LosAngelesRoom] = ["g5"] },
        };

    private static Gen<(bool? Active, bool? Archived)> Status =>
        from active in Gen.Frequency((17, Gen.Constant<bool?>(true)), (2, Gen.Constant<bool?>(false)), (1, Gen.Constant<bool?>(null)))
        from archived in Gen.Frequency((17, Gen.Constant<bool?>(false)), (2, Gen.Constant<bool?>(true)), (1, Gen.Constant<bool?>(null)))
        select (active, archived);

    // Few customers, so grants often meet on one membership; customer 5 is not in the snapshot at all.
    private static Gen<long> Customer => Gen.Choose(1, 5).Select(c => (long)c);

    private static Gen<Team> TeamOf =>
        from payer in Customer
        from members in Gen.SubListOf(new long[] { 1, 2, 3, 4, 5 })
        select new Team { BusinessId = London, PayingMemberId = payer, TeamMembers = [.. members] };

    // Mostly whole quarter hours within half a day (so windows meet), sometimes within three days,
    // sometimes any second, sometimes exactly now or one buffer away.
    private static Gen<DateTimeOffset> Around(DateTimeOffset now) =>
        Gen.Frequency(
            (6, Gen.Choose(-12 * 4, 12 * 4).Select(q => now.AddMinutes(15 * q))),
            (2, Gen.Choose(-3 * 24 * 4, 3 * 24 * 4).Select(q => now.AddMinutes(15 * q))),
            (2, Gen.Choose(-24 * 3600, 24 * 3600).Select(s => now.AddSeconds(s))),
            (1, Gen.Elements(now, now.AddMinutes(15), now.AddMinutes(-15))));

    private static Gen<CoworkerTimePass> PassAround(DateTimeOffset now) =>
        from customer in Customer
        from definition in Gen.Elements(LondonPass, LondonPass2, LosAngelesPass)
        from atHome in Gen.Frequency((6, Gen.Constant(true)), (1, Gen.Constant(false)))
        from expires in Gen.Frequency((1, Gen.Constant<DateTimeOffset?>(null)), (2, Around(now).Select(t => (DateTimeOffset?)t)))
        from used in Gen.Frequency((5, Gen.Constant<bool?>(false)), (4, Gen.Constant<bool?>(true)), (1, Gen.Constant<bool?>(null)))
        from usedDate in Gen.Frequency((1, Gen.Constant<DateTimeOffset?>(null)), (4, Around(now).Select(t => (DateTimeOffset?)t)))
        from remaining in Gen.Elements<int?>(null, null, null, 0, 1, 5)
        select new CoworkerTimePass
        {
            CoworkerId = customer,
            // Mostly held at the pass's own location; sometimes at the other, where it is not linked.
            BusinessId = (definition == LosAngelesPass) == atHome ? LosAngeles : London,
            TimePassId = definition,
            ExpireDate = expires,
            Used = used,
            UsedDate = usedDate,
            RemainingUses = remaining,
        };

    private static Gen<CoworkerContract> ContractAround(DateTimeOffset now) =>
        from holder in Customer
        from start in Around(now)
        from desks in Gen.SubListOf(new long[] { LondonDesk, LondonOfficeDesk, LosAngelesDesk, UnknownItem })
        from active in Gen.Frequency((10, Gen.Constant<bool?>(true)), (1, Gen.Constant<bool?>(false)), (1, Gen.Constant<bool?>(null)))
        from paused in Gen.Frequency((10, Gen.Constant<bool?>(false)), (1, Gen.Constant<bool?>(true)), (1, Gen.Constant<bool?>(null)))
        from cancellationKind in Gen.Elements(0, 0, 1, 2, 2, 3)
        from cancellation in Around(now)
        select new CoworkerContract
        {
            CoworkerId = holder,
            StartDate = start,
            Desks = [.. desks],
            Active = active,
            InPausedPeriod = paused,
            Cancelled = cancellationKind != 0,
            // 1: only the UTC value; 2: only the wall-clock date; 3: cancelled with no date at all.
            CancellationDate = cancellationKind == 1 ? cancellation : null,
            CancellationDateLocal = cancellationKind == 2 ? DateTime.SpecifyKind(cancellation.UtcDateTime.Date, DateTimeKind.Unspecified) : null,
        };

    private static Gen<Booking> BookingAround(DateTimeOffset now) =>
        from customer in Gen.Frequency((6, Customer.Select(c => (long?)c)), (1, Gen.Constant<long?>(null)))
        from item in Gen.Elements(0, 0, 1, 1, 2, 3, 4)
        from start in Around(now)
        from minutes in Gen.Elements(15, 30, 60, 120, 180)
        from tentative in Gen.Elements<bool?>(false, false, false, true, null)
        select new Booking
        {
            CoworkerId = customer,
            // 0: London room, 1: Los Angeles room, 2: London desk, 3: room and office together, 4: nothing linked.
            ResourceId = item switch { 0 or 3 => LondonRoom, 1 => LosAngelesRoom, 4 => UnknownItem, _ => null },
            FloorPlanDeskId = item switch { 2 => LondonDesk, 3 => LondonOfficeDesk, _ => null },
            FromTime = start,
            ToTime = start.AddMinutes(minutes),
            Tentative = tentative,
        };
}
