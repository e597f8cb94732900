using FsCheck;
using FsCheck.Fluent;
using Nexudus.Salto.Entitlements;
using Nexudus.Salto.Nexudus;
using static Nexudus.Salto.Tests.Entitlements.TestWorld;

namespace Nexudus.Salto.Tests.Entitlements;

/// <summary>
/// Random worlds for comparing the readable rules with the resolver's fast path: three resolvable
/// locations (London, Los Angeles, Sydney: daylight-saving in both hemispheres) with overlapping
/// groups and random policies, sometimes a fourth location the snapshot has no time zone for that
/// names one of London's groups in another case, customers some of whom are ineligible, passes
/// (unused, used on some pass day, expired, not yet used up, held at the wrong location), contracts
/// (active, paused, future, cancelled by a UTC or local date or without one, on desks of several
/// locations) with teams, and bookings (tentative or not, some cancelled and so missing, some across
/// local midnight, some a day long) around a <c>now</c> that is often on a daylight-saving night.
/// </summary>
public static class RuleWorlds
{
    public const long Sydney = 1414000003;
    public const long NoZone = 1414000004;
    public const string SydneySite = "site-syd";

    private const long LondonPass2 = 1414999011;
    private const long SydneyPass = 1414999003;
    private const long SydneyDesk = 1417000201;
    private const long SydneyOffice = 1417000202;
    private const long SydneyRoom = 1414925201;
    private const long NoZoneDesk = 1417000301;
    private const long UnknownItem = 1499999999;

    private static readonly TimeZoneInfo SydneyZone = TimeZoneInfo.FindSystemTimeZoneById("Australia/Sydney");

    private static readonly long[] Definitions = [LondonPass, LondonPass2, LosAngelesPass, SydneyPass];
    private static readonly long[] Desks = [LondonDesk, LondonOffice, LosAngelesDesk, SydneyDesk, SydneyOffice, NoZoneDesk, UnknownItem];
    private static readonly long[] Rooms = [LondonRoom, LosAngelesRoom, SydneyRoom, UnknownItem];

    // Clock changes in London, Los Angeles and Sydney in 2026, local midnights, and an ordinary day.
    private static readonly DateTimeOffset[] Anchors =
    [
        Utc(2026, 3, 29, 1), Utc(2026, 10, 25, 1), Utc(2026, 3, 8, 10), Utc(2026, 11, 1, 9),
        Utc(2026, 4, 4, 16), Utc(2026, 10, 3, 16), Utc(2026, 1, 15, 0), Utc(2026, 1, 15, 8), Utc(2026, 1, 15, 13),
    ];

    public static Arbitrary<RandomWorld> Worlds() => Arb.From(World, Shrink);

    // A failing world shrinks by leaving out the unresolvable location, a team, or one pass,
    // contract or booking at a time, so the counter-example shows only what matters.
    public static IEnumerable<RandomWorld> Shrink(RandomWorld world)
    {
        if (world.Locations.Count > 3)
        {
            yield return world with { Locations = [.. world.Locations.Take(3)] };
        }

        for (var team = 0; team < world.Snapshot.Teams.Count; team++)
        {
            var index = team;
            yield return world with { Snapshot = world.Snapshot with { Teams = [.. world.Snapshot.Teams.Where((_, i) => i != index)] } };
        }

        for (var item = 0; item < world.RemovableCount; item++)
        {
            yield return world.Without(item);
        }
    }

    public static Gen<RandomWorld> World =>
        from anchor in Gen.Elements(Anchors)
        from shift in Gen.Choose(-36 * 4, 36 * 4)
        from seconds in Gen.Frequency((4, Gen.Constant(0)), (1, Gen.Choose(0, 899)))
        let now = anchor.AddMinutes(15 * shift).AddSeconds(seconds)
        from london in Location(London, LondonSite)
        from losAngeles in Location(LosAngeles, LosAngelesSite)
        from sydney in Location(Sydney, SydneySite)
        from withNoZone in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        from statuses in Gen.ArrayOf(Status, 5)
        from teams in Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(TeamOf, n))
        from passes in Gen.Choose(0, 12).SelectMany(n => Gen.ArrayOf(PassAround(now), n))
        from contracts in Gen.Choose(0, 6).SelectMany(n => Gen.ArrayOf(ContractAround(now), n))
        from bookings in Gen.Choose(0, 16).SelectMany(n => Gen.ArrayOf(BookingAround(now), n))
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
                    new TimePass { Id = SydneyPass, BusinessId = Sydney },
                ],
                CoworkerTimePasses = [.. passes.Select((p, i) => p with { Id = 100 + i })],
                CoworkerContracts = [.. contracts.Select((c, i) => c with { Id = 200 + i })],
                FloorPlanDesks =
                [
                    new FloorPlanDesk { Id = LondonDesk, FloorPlanBusinessId = London },
                    new FloorPlanDesk { Id = LondonOffice, FloorPlanBusinessId = London },
                    new FloorPlanDesk { Id = LosAngelesDesk, FloorPlanBusinessId = LosAngeles },
                    new FloorPlanDesk { Id = SydneyDesk, FloorPlanBusinessId = Sydney },
                    new FloorPlanDesk { Id = SydneyOffice, FloorPlanBusinessId = Sydney },
                    new FloorPlanDesk { Id = NoZoneDesk, FloorPlanBusinessId = NoZone },
                ],
                Resources =
                [
                    new Resource { Id = LondonRoom, BusinessId = London },
                    new Resource { Id = LosAngelesRoom, BusinessId = LosAngeles },
                    new Resource { Id = SydneyRoom, BusinessId = Sydney },
                ],
                // Cancelled bookings are not in Nexudus's bookings list.
                Bookings = [.. bookings.Select((b, i) => (Booking: b.Booking with { Id = 300 + i }, b.Cancelled)).Where(b => !b.Cancelled).Select(b => b.Booking)],
                TimeZones = new Dictionary<long, TimeZoneInfo> { [London] = LondonZone, [LosAngeles] = LosAngelesZone, [Sydney] = SydneyZone },
            },
            withNoZone ? [london, losAngeles, sydney, NoZoneLocation] : [london, losAngeles, sydney],
            now);

    // A location on London's site the snapshot has no time zone for: it cannot be resolved, so the
    // groups it names ("G1" is London's "g1" in another case) are left unmanaged everywhere.
    private static LocationLinks NoZoneLocation => new()
    {
        NexudusBusinessId = NoZone,
        SaltoSiteId = LondonSite,
        FloorPlanDeskGroups = new Dictionary<long, IReadOnlyList<string>> { [NoZoneDesk] = ["G1"] },
    };

    // Groups overlap on purpose (g1 comes from two passes and a room) so grants merge on one membership;
    // ids differ in case and white space between links so spellings are normalised.
    private static Gen<LocationLinks> Location(long business, string site) =>
        from cutoff in Gen.Elements(0, 4 * 60, 90, 150, 23 * 60)
        from before in Gen.Elements(0, 15, 30, 24 * 60)
        from after in Gen.Elements(0, 15, 30)
        from tentative in Gen.Elements(false, true)
        from localExpiry in Gen.Elements(false, true)
        from exclusive in Gen.Elements(false, true)
        select new LocationLinks
        {
            NexudusBusinessId = business,
            SaltoSiteId = site,
            PassDayCutoff = TimeSpan.FromMinutes(cutoff),
            BookingAccessBefore = TimeSpan.FromMinutes(before),
            BookingAccessAfter = TimeSpan.FromMinutes(after),
            IncludeTentativeBookings = tentative,
            PassExpireDateIsLocal = localExpiry,
            GroupOwnership = exclusive ? new Dictionary<string, GroupOwnership> { ["G2"] = GroupOwnership.Exclusive } : new Dictionary<string, GroupOwnership>(),
            TimePassGroups = business switch
            {
                London => new Dictionary<long, IReadOnlyList<string>> { [LondonPass] = ["g1"], [LondonPass2] = ["G1 ", "g2"] },
                LosAngeles => new Dictionary<long, IReadOnlyList<string>> { [LosAngelesPass] = ["g3"] },
                _ => new Dictionary<long, IReadOnlyList<string>> { [SydneyPass] = ["g1", "g6"] },
            },
            FloorPlanDeskGroups = business switch
            {
                London => new Dictionary<long, IReadOnlyList<string>> { [LondonDesk] = ["g2"], [LondonOffice] = ["g4", "g2"] },
                LosAngeles => new Dictionary<long, IReadOnlyList<string>> { [LosAngelesDesk] = ["g3"] },
                _ => new Dictionary<long, IReadOnlyList<string>> { [SydneyDesk] = ["g6"], [SydneyOffice] = ["g7"] },
            },
            ResourceGroups = business switch
            {
                London => new Dictionary<long, IReadOnlyList<string>> { [LondonRoom] = ["g1"] },
                LosAngeles => new Dictionary<long, IReadOnlyList<string>> { [LosAngelesRoom] = ["g5"] },
                _ => new Dictionary<long, IReadOnlyList<string>> { [SydneyRoom] = ["G6", "g8"] },
            },
        };

    private static Gen<(bool? Active, bool? Archived)> Status =>
        from active in Gen.Frequency((17, Gen.Constant<bool?>(true)), (2, Gen.Constant<bool?>(false)), (1, Gen.Constant<bool?>(null)))
        from archived in Gen.Frequency((17, Gen.Constant<bool?>(false)), (2, Gen.Constant<bool?>(true)), (1, Gen.Constant<bool?>(null)))
        select (active, archived);

    // Few customers, so grants often meet on one membership; customer 6 is not in the snapshot at all.
    private static Gen<long> Customer => Gen.Choose(1, 6).Select(c => (long)c);

    private static Gen<Team> TeamOf =>
        from payer in Customer
        from members in Gen.SubListOf(new long[] { 1, 2, 3, 4, 5, 6 })
        select new Team { BusinessId = London, PayingMemberId = payer, TeamMembers = [.. members] };

    // Mostly whole quarter hours within half a day (so windows meet), sometimes within three days,
    // sometimes any second, sometimes exactly now or one buffer away.
    private static Gen<DateTimeOffset> Around(DateTimeOffset now) =>
        Gen.Frequency(
            (6, Gen.Choose(-12 * 4, 12 * 4).Select(q => now.AddMinutes(15 * q))),
            (2, Gen.Choose(-3 * 24 * 4, 3 * 24 * 4).Select(q => now.AddMinutes(15 * q))),
            (2, Gen.Choose(-24 * 3600, 24 * 3600).Select(s => now.AddSeconds(s))),
            (1, Gen.Elements(now, now.AddMinutes(15), now.AddMinutes(-15), now.AddDays(-40), now.AddDays(40))));

    private static Gen<CoworkerTimePass> PassAround(DateTimeOffset now) =>
        from customer in Customer
        from definition in Gen.Elements(Definitions)
        from atHome in Gen.Frequency((6, Gen.Constant(true)), (1, Gen.Constant(false)))
        from expires in Gen.Frequency((1, Gen.Constant<DateTimeOffset?>(null)), (2, Around(now).Select(t => (DateTimeOffset?)t)))
        from used in Gen.Frequency((5, Gen.Constant<bool?>(false)), (4, Gen.Constant<bool?>(true)), (1, Gen.Constant<bool?>(null)))
        from usedDate in Gen.Frequency((1, Gen.Constant<DateTimeOffset?>(null)), (4, Around(now).Select(t => (DateTimeOffset?)t)))
        from remaining in Gen.Elements<int?>(null, null, null, 0, -1, 1, 5)
        select new CoworkerTimePass
        {
            CoworkerId = customer,
            BusinessId = atHome ? HomeOf(definition) : (HomeOf(definition) == London ? Sydney : London),
            TimePassId = definition,
            ExpireDate = expires,
            Used = used,
            UsedDate = usedDate,
            RemainingUses = remaining,
        };

    private static long HomeOf(long definition) => definition switch
    {
        LosAngelesPass => LosAngeles,
        SydneyPass => Sydney,
        _ => London,
    };

    private static Gen<CoworkerContract> ContractAround(DateTimeOffset now) =>
        from holder in Customer
        from start in Around(now)
        from desks in Gen.SubListOf(Desks)
        from active in Gen.Frequency((10, Gen.Constant<bool?>(true)), (1, Gen.Constant<bool?>(false)), (1, Gen.Constant<bool?>(null)))
        from paused in Gen.Frequency((10, Gen.Constant<bool?>(false)), (1, Gen.Constant<bool?>(true)), (1, Gen.Constant<bool?>(null)))
        from cancellationKind in Gen.Elements(0, 0, 1, 2, 2, 3, 4)
        from cancellation in Around(now)
        select new CoworkerContract
        {
            CoworkerId = holder,
            StartDate = start,
            Desks = [.. desks],
            Active = active,
            InPausedPeriod = paused,
            // 1: only the UTC value; 2: only the wall-clock date; 3: cancelled with no date at all;
            // 4: not cancelled yet, but with a cancellation date set.
            Cancelled = cancellationKind is not 0 and not 4,
            CancellationDate = cancellationKind is 1 or 4 ? cancellation : null,
            CancellationDateLocal = cancellationKind == 2 ? DateTime.SpecifyKind(cancellation.UtcDateTime.Date, DateTimeKind.Unspecified) : null,
        };

    private static Gen<(Booking Booking, bool Cancelled)> BookingAround(DateTimeOffset now) =>
        from customer in Gen.Frequency((6, Customer.Select(c => (long?)c)), (1, Gen.Constant<long?>(null)))
        from resource in Gen.Frequency((3, Gen.Elements(Rooms).Select(r => (long?)r)), (2, Gen.Constant<long?>(null)))
        from desk in Gen.Frequency((1, Gen.Elements(Desks).Select(d => (long?)d)), (2, Gen.Constant<long?>(null)))
        from start in Around(now)
        from minutes in Gen.Elements(15, 30, 60, 120, 180, 9 * 60, 26 * 60)
        from tentative in Gen.Elements<bool?>(false, false, false, true, null)
        from cancelled in Gen.Frequency((6, Gen.Constant(false)), (1, Gen.Constant(true)))
        select (new Booking
        {
            CoworkerId = customer,
            ResourceId = resource,
            FloorPlanDeskId = desk,
            FromTime = start,
            ToTime = start.AddMinutes(minutes),
            Tentative = tentative,
        }, cancelled);
}
