using Nexudus.Salto.Entitlements;
using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Tests.Entitlements;

/// <summary>
/// A small Nexudus world for example tests: two locations (London and Los Angeles, each with its
/// own SALTO site) with one linked pass, desk and resource each, and helpers to add customers,
/// passes, contracts, teams and bookings.
/// </summary>
internal sealed class TestWorld
{
    public const long London = 1414000001;
    public const long LosAngeles = 1414000002;
    public const string LondonSite = "site-lon";
    public const string LosAngelesSite = "site-la";

    public const long LondonPass = 1414999001;
    public const long LondonDesk = 1417000001;
    public const long LondonOffice = 1417000002;
    public const long LondonRoom = 1414925001;
    public const long LosAngelesPass = 1414999002;
    public const long LosAngelesDesk = 1417000101;
    public const long LosAngelesRoom = 1414925101;

    public const string PassGroup = "g-lon-pass";
    public const string DeskGroup = "g-lon-desk";
    public const string OfficeGroup = "g-lon-office";
    public const string RoomGroup = "g-lon-room";
    public const string LaPassGroup = "g-la-pass";
    public const string LaDeskGroup = "g-la-desk";
    public const string LaRoomGroup = "g-la-room";

    public static readonly TimeZoneInfo LondonZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    public static readonly TimeZoneInfo LosAngelesZone = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    public List<Coworker> Coworkers { get; } = [];

    public List<Team> Teams { get; } = [];

    public List<TimePass> TimePasses { get; } =
    [
        new() { Id = LondonPass, BusinessId = London, Name = "Day pass" },
        new() { Id = LosAngelesPass, BusinessId = LosAngeles, Name = "LA day pass" },
    ];

    public List<CoworkerTimePass> Passes { get; } = [];

    public List<CoworkerContract> Contracts { get; } = [];

    public List<FloorPlanDesk> Desks { get; } =
    [
        new() { Id = LondonDesk, FloorPlanBusinessId = London, Name = "Desk 1" },
        new() { Id = LondonOffice, FloorPlanBusinessId = London, Name = "Office 101" },
        new() { Id = LosAngelesDesk, FloorPlanBusinessId = LosAngeles, Name = "LA desk" },
    ];

    public List<Resource> Resources { get; } =
    [
        new() { Id = LondonRoom, BusinessId = London, Name = "Meeting room" },
        new() { Id = LosAngelesRoom, BusinessId = LosAngeles, Name = "LA room" },
    ];

    public List<Booking> Bookings { get; } = [];

    public Dictionary<long, TimeZoneInfo> TimeZones { get; } = new() { [London] = LondonZone, [LosAngeles] = LosAngelesZone };

    public LocationLinks LondonLinks { get; set; } = new()
    {
        NexudusBusinessId = London,
        SaltoSiteId = LondonSite,
        TimePassGroups = new Dictionary<long, IReadOnlyList<string>> { [LondonPass] = [PassGroup] },
        FloorPlanDeskGroups = new Dictionary<long, IReadOnlyList<string>> { [LondonDesk] = [DeskGroup], [LondonOffice] = [OfficeGroup] },
        ResourceGroups = new Dictionary<long, IReadOnlyList<string>> { [LondonRoom] = [RoomGroup] },
    };

    public LocationLinks LosAngelesLinks { get; set; } = new()
    {
        NexudusBusinessId = LosAngeles,
        SaltoSiteId = LosAngelesSite,
        TimePassGroups = new Dictionary<long, IReadOnlyList<string>> { [LosAngelesPass] = [LaPassGroup] },
        FloorPlanDeskGroups = new Dictionary<long, IReadOnlyList<string>> { [LosAngelesDesk] = [LaDeskGroup] },
        ResourceGroups = new Dictionary<long, IReadOnlyList<string>> { [LosAngelesRoom] = [LaRoomGroup] },
    };

    public NexudusSnapshot Snapshot => new()
    {
        Coworkers = [.. Coworkers],
        Teams = [.. Teams],
        TimePasses = [.. TimePasses],
        CoworkerTimePasses = [.. Passes],
        CoworkerContracts = [.. Contracts],
        FloorPlanDesks = [.. Desks],
        Resources = [.. Resources],
        Bookings = [.. Bookings],
        TimeZones = new Dictionary<long, TimeZoneInfo>(TimeZones),
    };

    public LinkMap Links => LinkMapBuilder.Build([LondonLinks, LosAngelesLinks], Snapshot);

    public DesiredAccess Resolve(DateTimeOffset now) => new EntitlementResolver().Resolve(Snapshot, Links, now);

    public static DateTimeOffset Utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.Zero);

    public Coworker Customer(long id, bool? active = true, bool? archived = false)
    {
        var customer = new Coworker { Id = id, FullName = $"Customer {id}", Active = active, Archived = archived };
        Coworkers.Add(customer);
        return customer;
    }

    public CoworkerTimePass Pass(
        long id, long customer, long business = London, long timePassId = LondonPass,
        DateTimeOffset? expires = null, bool? used = false, DateTimeOffset? usedDate = null, int? remainingUses = null)
    {
        var pass = new CoworkerTimePass
        {
            Id = id,
            CoworkerId = customer,
            BusinessId = business,
            TimePassId = timePassId,
            ExpireDate = expires,
            Used = used,
            UsedDate = usedDate,
            RemainingUses = remainingUses,
        };
        Passes.Add(pass);
        return pass;
    }

    public CoworkerContract Contract(
        long id, long holder, DateTimeOffset start, long[]? desks = null, bool? active = true, bool? paused = false,
        DateTimeOffset? cancellation = null, DateTime? cancellationLocal = null, bool? cancelled = null)
    {
        var contract = new CoworkerContract
        {
            Id = id,
            CoworkerId = holder,
            StartDate = start,
            Desks = desks ?? [LondonDesk],
            Active = active,
            InPausedPeriod = paused,
            CancellationDate = cancellation,
            CancellationDateLocal = cancellationLocal,
            Cancelled = cancelled ?? (cancellation is not null || cancellationLocal is not null),
        };
        Contracts.Add(contract);
        return contract;
    }

    public Team Team(long id, long payer, params long[] members)
    {
        var team = new Team { Id = id, BusinessId = London, Name = $"Team {id}", PayingMemberId = payer, TeamMembers = [payer, .. members] };
        Teams.Add(team);
        return team;
    }

    public Booking Booking(
        long id, long? customer, DateTimeOffset from, DateTimeOffset to, long? resource = LondonRoom, long? desk = null, bool? tentative = false)
    {
        var booking = new Booking
        {
            Id = id,
            CoworkerId = customer,
            ResourceId = resource,
            FloorPlanDeskId = desk,
            FromTime = from,
            ToTime = to,
            Tentative = tentative,
        };
        Bookings.Add(booking);
        return booking;
    }
}

/// <summary>Reads a <see cref="DesiredAccess"/> the way the tests ask about it.</summary>
internal static class DesiredAccessReading
{
    public static bool Grants(this DesiredAccess access, long customer, string group) =>
        access.GetLineage(customer, group).Count > 0;

    public static DesiredMembership Membership(this DesiredAccess access, long customer, string group) =>
        Assert.Single(access.GetMembers(group), m => m.CustomerId == customer);

    public static IReadOnlyList<string> GroupsOf(this DesiredAccess access, long customer) =>
        [.. access.GetMemberships(customer).Select(m => m.GroupId)];

    public static HashSet<(string Site, string Group, long Customer)> Keys(this DesiredAccess access) =>
        [.. access.Memberships.Select(m => (m.SiteId, m.GroupId, m.CustomerId))];
}
