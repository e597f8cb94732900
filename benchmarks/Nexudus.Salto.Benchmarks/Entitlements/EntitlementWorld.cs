using Nexudus.Salto.Entitlements;
using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Benchmarks.Entitlements;

/// <summary>
/// A deterministic (fixed-seed) Nexudus world of the size the resolver is measured on: 50,000
/// customers, 200,000 held passes, 20,000 contracts and 100,000 bookings at two locations
/// (London and Los Angeles), with teams, linked and unlinked items, and every state the rules look
/// at (suspended and archived customers, expired, used and exhausted passes, future, paused and
/// cancelled contracts, tentative and past bookings).
/// </summary>
public sealed class EntitlementWorld
{
    public const int Seed = 20260115;
    public static readonly DateTimeOffset Now = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    private const long FirstCustomer = 1415000000;
    private const long FirstPassDefinition = 1414999000;
    private const long FirstDesk = 1417000000;
    private const long FirstResource = 1414925000;
    private static readonly long[] Businesses = [1414000001, 1414000002];
    private static readonly string[] Sites = ["site-london", "site-los-angeles"];

    private EntitlementWorld(NexudusSnapshot snapshot, IReadOnlyList<LocationLinks> locations)
    {
        Snapshot = snapshot;
        Locations = locations;
    }

    public NexudusSnapshot Snapshot { get; }

    public IReadOnlyList<LocationLinks> Locations { get; }

    public static EntitlementWorld Create(
        int customers = 50_000, int passes = 200_000, int contracts = 20_000, int bookings = 100_000,
        int passDefinitions = 100, int desks = 10_000, int resources = 400, int teams = 2_000)
    {
        var random = new Random(Seed);
        DateTimeOffset Around(int days) => Now.AddMinutes(random.Next(-days * 24 * 4, days * 24 * 4) * 15);

        var coworkers = new Coworker[customers];
        for (var i = 0; i < customers; i++)
        {
            var roll = random.Next(100);
            coworkers[i] = new Coworker
            {
                Id = FirstCustomer + i,
                FullName = $"Customer {i}",
                Email = $"customer{i}@example.com",
                Active = roll >= 5,
                Archived = roll is >= 5 and < 8,
            };
        }

        long Customer() => FirstCustomer + random.Next(customers);

        var definitions = new TimePass[passDefinitions];
        for (var i = 0; i < passDefinitions; i++)
        {
            definitions[i] = new TimePass { Id = FirstPassDefinition + i, BusinessId = Businesses[i % 2], Name = $"Pass {i}" };
        }

        var floorPlanDesks = new FloorPlanDesk[desks];
        for (var i = 0; i < desks; i++)
        {
            floorPlanDesks[i] = new FloorPlanDesk { Id = FirstDesk + i, FloorPlanBusinessId = Businesses[i % 2], Name = $"Desk {i}" };
        }

        var bookable = new Resource[resources];
        for (var i = 0; i < resources; i++)
        {
            bookable[i] = new Resource { Id = FirstResource + i, BusinessId = Businesses[i % 2], Name = $"Room {i}" };
        }

        var held = new CoworkerTimePass[passes];
        for (var i = 0; i < passes; i++)
        {
            var definition = random.Next(passDefinitions);
            var used = random.Next(100) < 60;
            held[i] = new CoworkerTimePass
            {
                Id = 1420000000 + i,
                CoworkerId = Customer(),
                BusinessId = Businesses[definition % 2],
                TimePassId = FirstPassDefinition + definition,
                ExpireDate = random.Next(100) < 30 ? null : Around(60),
                Used = used,
                // A used pass was used in the last sixty days, one in twenty of them today.
                UsedDate = used ? (random.Next(20) == 0 ? Now.AddMinutes(-random.Next(0, 600)) : Now.AddDays(-random.Next(1, 60))) : null,
                RemainingUses = random.Next(100) < 70 ? null : random.Next(0, 10),
            };
        }

        var held2 = new CoworkerContract[contracts];
        var holders = new long[contracts];
        for (var i = 0; i < contracts; i++)
        {
            var business = random.Next(2);
            var desk = (random.Next(desks / 2) * 2) + business;
            var cancelled = random.Next(100) < 10;
            holders[i] = Customer();
            held2[i] = new CoworkerContract
            {
                Id = 1430000000 + i,
                CoworkerId = holders[i],
                Active = random.Next(100) < 95,
                InPausedPeriod = random.Next(100) < 2,
                StartDate = Now.AddDays(-random.Next(-30, 730)),
                Cancelled = cancelled,
                CancellationDate = cancelled ? Around(60) : null,
                Desks = random.Next(100) < 20 ? [FirstDesk + desk, FirstDesk + ((desk + 2) % desks)] : [FirstDesk + desk],
            };
        }

        // Teams are paid for by contract holders, so they propagate.
        var groupsOfTeams = new Team[teams];
        for (var i = 0; i < teams; i++)
        {
            var members = new long[random.Next(1, 11)];
            for (var m = 0; m < members.Length; m++)
            {
                members[m] = Customer();
            }

            groupsOfTeams[i] = new Team { Id = 1440000000 + i, BusinessId = Businesses[i % 2], PayingMemberId = holders[random.Next(contracts)], TeamMembers = members };
        }

        var booked = new Booking[bookings];
        for (var i = 0; i < bookings; i++)
        {
            var from = Around(30);
            var onDesk = random.Next(100) < 5;
            booked[i] = new Booking
            {
                Id = 1450000000 + i,
                CoworkerId = random.Next(100) < 2 ? null : Customer(),
                ResourceId = onDesk ? null : FirstResource + random.Next(resources),
                FloorPlanDeskId = onDesk ? FirstDesk + random.Next(desks) : null,
                FromTime = from,
                ToTime = from.AddMinutes(30 * random.Next(1, 9)),
                Tentative = random.Next(100) < 10,
            };
        }

        var snapshot = new NexudusSnapshot
        {
            Coworkers = coworkers,
            Teams = groupsOfTeams,
            TimePasses = definitions,
            CoworkerTimePasses = held,
            CoworkerContracts = held2,
            FloorPlanDesks = floorPlanDesks,
            Resources = bookable,
            Bookings = booked,
            TimeZones = new Dictionary<long, TimeZoneInfo>
            {
                [Businesses[0]] = TimeZoneInfo.FindSystemTimeZoneById("Europe/London"),
                [Businesses[1]] = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles"),
            },
        };

        return new EntitlementWorld(snapshot, [Location(0, passDefinitions, desks, resources), Location(1, passDefinitions, desks, resources)]);
    }

    // Three in five pass definitions, four in five desks and three in four resources are linked,
    // to twenty groups per location (so groups have many members and grants merge).
    private static LocationLinks Location(int index, int passDefinitions, int desks, int resources)
    {
        var passGroups = new Dictionary<long, IReadOnlyList<string>>();
        for (var i = index; i < passDefinitions; i += 2)
        {
            if (i % 5 < 3)
            {
                passGroups[FirstPassDefinition + i] = [$"{Sites[index]}-pass-{i % 20}"];
            }
        }

        var deskGroups = new Dictionary<long, IReadOnlyList<string>>();
        for (var i = index; i < desks; i += 2)
        {
            if (i % 5 != 0)
            {
                deskGroups[FirstDesk + i] = [$"{Sites[index]}-floor-{i % 20}"];
            }
        }

        var resourceGroups = new Dictionary<long, IReadOnlyList<string>>();
        for (var i = index; i < resources; i += 2)
        {
            if (i % 4 != 0)
            {
                resourceGroups[FirstResource + i] = [$"{Sites[index]}-room-{i % 20}"];
            }
        }

        return new LocationLinks
        {
            NexudusBusinessId = Businesses[index],
            SaltoSiteId = Sites[index],
            TimePassGroups = passGroups,
            FloorPlanDeskGroups = deskGroups,
            ResourceGroups = resourceGroups,
            PassDayCutoff = TimeSpan.FromHours(index == 0 ? 0 : 4),
        };
    }
}
