using System.Globalization;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Testing;

/// <summary>
/// A small coworking space, seeded consistently into a <see cref="NexudusSandbox"/> and a <see cref="SaltoKsSandbox"/>:
/// two locations in different time zones, each with its SALTO site, doors and access groups, customers who show
/// every rule at work, and the configuration that links them. The sample's <c>demo</c> command runs on it; use it for
/// integration tests of a host of your own.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>London (Europe/London): a day pass and a "morning" pass with time slots; an office held on contract
/// by a company whose team shares it; a meeting room booked now, soon, and tentatively; a suspended customer
/// who still holds a pass; a facilities contractor added by hand to the members' group.</item>
/// <item>New York (America/New_York): a day pass; a boardroom linked in Nexudus itself (its
/// <c>AccessControlGroupId</c>), booked later today; a customer whose e-mail SALTO already knows.</item>
/// <item>Door entries on the readers: one rejected, one by a user Nexudus does not know, one exit by the inside handle,
/// all minutes before <c>now</c> and on the location's current local day (<see cref="RecentEntryTime"/>).</item>
/// </list>
/// Times are relative to <c>now</c>, so the bookings are always "around now" whenever the space is created. The SALTO
/// ids are fixed UUIDs, the same in every space; the Nexudus ids are the sandbox's, read from <see cref="Seed"/>.
/// </remarks>
public sealed class DemoSpace
{
    /// <summary>The London location's name.</summary>
    public const string London = "London Shoreditch";

    /// <summary>The New York location's name.</summary>
    public const string NewYork = "New York Flatiron";

    // SALTO ids are UUIDs; fixed ones keep the demo's output the same from run to run.
    /// <summary>The London SALTO site's id.</summary>
    public const string LondonSite = "5a170000-0000-4000-8000-000000000001";

    /// <summary>The New York SALTO site's id.</summary>
    public const string NewYorkSite = "5a170000-0000-4000-8000-000000000002";

    /// <summary>The id of the access group "London members" (front door and exit gate), linked to the London Day Pass; a shared group.</summary>
    public const string LondonMembers = "6a000000-0000-4000-8000-00000000a001";

    /// <summary>The id of the access group "London mornings" (front door and exit gate), linked to the London Morning Pass, whose time slots become its schedule.</summary>
    public const string LondonMornings = "6a000000-0000-4000-8000-00000000a002";

    /// <summary>The id of the access group "Office 3A" (front door, exit gate and office door), linked to the desk "Office 3A"; an exclusive group.</summary>
    public const string LondonOffice = "6a000000-0000-4000-8000-00000000a003";

    /// <summary>The id of the access group "Thames meeting room", linked to the resource "Thames Meeting Room".</summary>
    public const string LondonMeetingRoom = "6a000000-0000-4000-8000-00000000a004";

    /// <summary>The id of the access group "New York members" (lobby turnstile and exit), linked to the New York Day Pass.</summary>
    public const string NewYorkMembers = "6a000000-0000-4000-8000-00000000b001";

    /// <summary>The id of the access group "Hudson boardroom", linked in Nexudus itself (the resource's <c>AccessControlGroupId</c>).</summary>
    public const string NewYorkBoardroom = "6a000000-0000-4000-8000-00000000b002";

    /// <summary>The id of London's front door, a check-in reader.</summary>
    public const string LondonFrontDoor = "7b000000-0000-4000-8000-00000000a001";

    /// <summary>The id of London's exit gate, a check-out reader.</summary>
    public const string LondonExitGate = "7b000000-0000-4000-8000-00000000a002";

    /// <summary>The id of the door of Office 3A.</summary>
    public const string LondonOfficeDoor = "7b000000-0000-4000-8000-00000000a003";

    /// <summary>The id of the Thames meeting room's door.</summary>
    public const string LondonMeetingRoomDoor = "7b000000-0000-4000-8000-00000000a004";

    /// <summary>The id of New York's lobby turnstile, a check-in reader.</summary>
    public const string NewYorkLobby = "7b000000-0000-4000-8000-00000000b001";

    /// <summary>The id of New York's lobby exit, a check-out reader.</summary>
    public const string NewYorkLobbyExit = "7b000000-0000-4000-8000-00000000b002";

    /// <summary>The id of the Hudson boardroom's door.</summary>
    public const string NewYorkBoardroomDoor = "7b000000-0000-4000-8000-00000000b003";

    /// <summary>Gets a contractor's SALTO user, added by hand to the London members' group; Nexudus does not know them.</summary>
    /// <value>Frank Facilities (facilities@contractor.example).</value>
    public static PlatformUserId Contractor { get; } = new("8c000000-0000-4000-8000-00000000c001");

    /// <summary>Gets the SALTO user SALTO already had for Margaret Hamilton before the integration ran.</summary>
    /// <value>Her user, with her e-mail spelt differently (<c>" Margaret@Example.com"</c>).</value>
    public static PlatformUserId Margaret { get; } = new("8c000000-0000-4000-8000-00000000c002");

    /// <summary>Gets a SALTO user on no customer Nexudus knows (a visitor's fob), who opened London's front door.</summary>
    /// <value>The visitor's user id.</value>
    public static PlatformUserId UnknownVisitor { get; } = new("8c000000-0000-4000-8000-00000000c0ff");

    /// <summary>Gets the London location's time zone.</summary>
    /// <value>Europe/London.</value>
    public static TimeZoneInfo LondonTimeZone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>Gets the New York location's time zone.</summary>
    /// <value>America/New_York.</value>
    public static TimeZoneInfo NewYorkTimeZone { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    // How far back the space's door entries go ("a few minutes ago"): RecentEntryTime's offsets are at most this.
    private static readonly TimeSpan RecentWindow = TimeSpan.FromMinutes(30);

    private readonly Dictionary<string, string> _names;

    private DemoSpace(NexudusSeed seed, Dictionary<string, string> names, IReadOnlyDictionary<string, string?> settings)
    {
        Seed = seed;
        _names = names;
        Settings = settings;
    }

    /// <summary>Gets what was seeded into Nexudus.</summary>
    /// <value>The seed, for its records' ids.</value>
    public NexudusSeed Seed { get; }

    /// <summary>
    /// Gets the configuration that points the SDK at the sandboxes and links the space: configuration keys
    /// (<c>Nexudus:*</c>, <c>SaltoKs:*</c>, <c>SaltoIntegration:*</c>), exactly what a deployment would write.
    /// </summary>
    /// <value>Flat configuration keys and values.</value>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>Seeds both sandboxes with the space.</summary>
    /// <param name="nexudus">The Nexudus sandbox, empty.</param>
    /// <param name="salto">The SALTO KS sandbox, empty.</param>
    /// <param name="now">The instant the space is built around: bookings, expiries and door entries are relative to it.</param>
    /// <param name="statePath">The SQLite state store file the configuration names (<c>SaltoIntegration:StatePath</c>).</param>
    /// <returns>The space.</returns>
    /// <exception cref="ArgumentNullException">A sandbox or <paramref name="statePath"/> is <see langword="null"/>.</exception>
    public static DemoSpace Create(NexudusSandbox nexudus, SaltoKsSandbox salto, DateTimeOffset now, string statePath)
    {
        ArgumentNullException.ThrowIfNull(nexudus);
        ArgumentNullException.ThrowIfNull(salto);
        ArgumentNullException.ThrowIfNull(statePath);
        var london = LondonTimeZone;
        var newYork = NewYorkTimeZone;
        DateTimeOffset InLondon(int minutesBefore) => RecentEntryTime(now, london, TimeSpan.FromMinutes(minutesBefore));
        DateTimeOffset InNewYork(int minutesBefore) => RecentEntryTime(now, newYork, TimeSpan.FromMinutes(minutesBefore));
        var hour = TimeSpan.FromHours(1);

        var seed = nexudus.Seed(b => b
            .Location(London, london)
            .Customer("ada@example.com", "Ada Lovelace")
            .Customer("grace@example.com", "Grace Hopper")
            .Customer("charles@example.com", "Charles Babbage")
            .Customer("alan@example.com", "Alan Turing")
            .Customer("katherine@example.com", "Katherine Johnson")
            .Customer("mallory@example.com", "Mallory Mayhem", c => c with { Active = false })
            .Pass("London Day Pass")
            .Pass("London Morning Pass")
            .PassTimeSlot("London Morning Pass", DayOfWeek.Monday, new TimeOnly(8, 0), new TimeOnly(13, 0))
            .PassTimeSlot("London Morning Pass", DayOfWeek.Tuesday, new TimeOnly(8, 0), new TimeOnly(13, 0))
            .PassTimeSlot("London Morning Pass", DayOfWeek.Wednesday, new TimeOnly(8, 0), new TimeOnly(13, 0))
            .PassTimeSlot("London Morning Pass", DayOfWeek.Thursday, new TimeOnly(8, 0), new TimeOnly(13, 0))
            .PassTimeSlot("London Morning Pass", DayOfWeek.Friday, new TimeOnly(8, 0), new TimeOnly(13, 0))
            .CustomerPass("ada@example.com", "London Day Pass")
            .CustomerPass("grace@example.com", "London Morning Pass", p => p with { ExpireDate = now.AddDays(30) })
            .CustomerPass("mallory@example.com", "London Day Pass")
            .Plan("Private Office", SystemTariffType.FullTimePrivateOffice)
            .Desk("Office 3A", FloorPlanItemType.Office)
            .Contract("charles@example.com", "Private Office", now.AddMonths(-3), ["Office 3A"])
            .Team("Analytical Engines Ltd", "charles@example.com", ["alan@example.com", "katherine@example.com"])
            .Resource("Thames Meeting Room")
            .Booking("grace@example.com", "Thames Meeting Room", now - (hour / 2), now + (hour / 2))
            .Booking("alan@example.com", "Thames Meeting Room", now + TimeSpan.FromMinutes(40), now + TimeSpan.FromMinutes(100))
            .Booking("ada@example.com", "Thames Meeting Room", now + (2 * hour), now + (3 * hour), bk => bk with { Tentative = true })
            .Location(NewYork, newYork)
            .Customer("margaret@example.com", "Margaret Hamilton")
            .Customer("linus@example.com", "Linus Torvalds")
            .Pass("New York Day Pass")
            .CustomerPass("margaret@example.com", "New York Day Pass")
            .Resource("Hudson Boardroom", accessControlGroupId: NewYorkBoardroom)
            .Booking("linus@example.com", "Hudson Boardroom", now + (3 * hour), now + (4 * hour)));

        salto.Seed(b => b
            .Site(LondonSite, London, timeZone: "Europe/London")
            .Lock(LondonFrontDoor, "Front door")
            .Lock(LondonExitGate, "Exit gate")
            .Lock(LondonOfficeDoor, "Office 3A door")
            .Lock(LondonMeetingRoomDoor, "Thames meeting room door")
            .AccessGroup(LondonMembers, "London members")
            .AccessGroup(LondonMornings, "London mornings")
            .AccessGroup(LondonOffice, "Office 3A")
            .AccessGroup(LondonMeetingRoom, "Thames meeting room")
            .GroupLock(LondonMembers, LondonFrontDoor)
            .GroupLock(LondonMembers, LondonExitGate)
            .GroupLock(LondonMornings, LondonFrontDoor)
            .GroupLock(LondonMornings, LondonExitGate)
            .GroupLock(LondonOffice, LondonFrontDoor)
            .GroupLock(LondonOffice, LondonExitGate)
            .GroupLock(LondonOffice, LondonOfficeDoor)
            .GroupLock(LondonMeetingRoom, LondonMeetingRoomDoor)

            // A group without a time schedule never reaches the locks: the demo's groups are open always, except the
            // morning group, whose schedule sync writes from the pass's time slots.
            .TimeSchedule(LondonMembers, AlwaysOpen("7a000000-0000-4000-8000-00000000a001"))
            .TimeSchedule(LondonOffice, AlwaysOpen("7a000000-0000-4000-8000-00000000a003"))
            .TimeSchedule(LondonMeetingRoom, AlwaysOpen("7a000000-0000-4000-8000-00000000a004"))
            .User(new SiteUserId("9d000000-0000-4000-8000-00000000c001"), Contractor, "facilities@contractor.example", "Frank", "Facilities")
            .Member(LondonMembers, Contractor)
            .Entry(LondonFrontDoor, InLondon(5), UnknownVisitor)

            // Someone left by the inside handle: SALTO lists it as an opening that names nobody; it is no check-out.
            .InsideHandleExit(LondonExitGate, InLondon(4))
            .Site(NewYorkSite, NewYork, timeZone: "America/New_York")
            .Lock(NewYorkLobby, "Lobby turnstile")
            .Lock(NewYorkLobbyExit, "Lobby exit")
            .Lock(NewYorkBoardroomDoor, "Hudson boardroom door")
            .AccessGroup(NewYorkMembers, "New York members")
            .AccessGroup(NewYorkBoardroom, "Hudson boardroom")
            .GroupLock(NewYorkMembers, NewYorkLobby)
            .GroupLock(NewYorkMembers, NewYorkLobbyExit)
            .GroupLock(NewYorkBoardroom, NewYorkBoardroomDoor)
            .TimeSchedule(NewYorkMembers, AlwaysOpen("7a000000-0000-4000-8000-00000000b001"))
            .TimeSchedule(NewYorkBoardroom, AlwaysOpen("7a000000-0000-4000-8000-00000000b002"))

            // SALTO already knows Margaret, with her e-mail spelt differently: she is matched, not created again.
            .User(new SiteUserId("9d000000-0000-4000-8000-00000000c002"), Margaret, " Margaret@Example.com", "Margaret", "Hamilton")
            .Entry(NewYorkLobby, InNewYork(25), Margaret, EntryEventCategory.LockRejected, eventDetail: "no_access")
            .Entry(NewYorkLobby, InNewYork(20), Margaret));

        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var site in new[] { LondonSite, NewYorkSite })
        {
            foreach (var group in salto.GetAccessGroups(site))
            {
                names[group.Id] = group.CustomerReference ?? group.Id;
            }
        }

        names[LondonFrontDoor] = "Front door";
        names[LondonExitGate] = "Exit gate";
        names[LondonOfficeDoor] = "Office 3A door";
        names[LondonMeetingRoomDoor] = "Thames meeting room door";
        names[NewYorkLobby] = "Lobby turnstile";
        names[NewYorkLobbyExit] = "Lobby exit";
        names[NewYorkBoardroomDoor] = "Hudson boardroom door";

        var settings = new Dictionary<string, string?>
        {
            ["Nexudus:BaseUrl"] = nexudus.BaseUrl.AbsoluteUri,
            ["Nexudus:Username"] = nexudus.Username,
            ["Nexudus:Password"] = nexudus.Password,

            // The sandbox enforces no rate limits here, so the client's own limiter is scaled down with it.
            ["Nexudus:MinRequestInterval"] = "00:00:00.005",
            ["SaltoKs:BaseUrl"] = salto.BaseUrl.AbsoluteUri,
            ["SaltoKs:IdentityUrl"] = salto.IdentityUrl.AbsoluteUri,
            ["SaltoKs:ClientId"] = salto.ClientId,
            ["SaltoKs:ClientSecret"] = salto.ClientSecret,
            ["SaltoKs:Username"] = salto.Username,
            ["SaltoKs:Password"] = salto.Password,
            ["SaltoIntegration:StatePath"] = statePath,
        };

        var londonId = seed.Location(London).Id;
        var newYorkId = seed.Location(NewYork).Id;
        AddLocation(settings, 0, londonId, LondonSite);
        AddLink(settings, 0, "TimePassGroups", seed.Pass("London Day Pass").Id, LondonMembers);
        AddLink(settings, 0, "TimePassGroups", seed.Pass("London Morning Pass").Id, LondonMornings);
        AddLink(settings, 0, "FloorPlanDeskGroups", seed.Desk("Office 3A").Id, LondonOffice);
        AddLink(settings, 0, "ResourceGroups", seed.Resource("Thames Meeting Room").Id, LondonMeetingRoom);
        settings["SaltoIntegration:Locations:0:Readers:" + LondonFrontDoor] = "CheckIn";
        settings["SaltoIntegration:Locations:0:Readers:" + LondonExitGate] = "CheckOut";
        settings["SaltoIntegration:Locations:0:GroupOwnership:" + LondonOffice] = "Exclusive";
        settings["SaltoIntegration:Locations:0:WritePassSchedules"] = "true";
        settings["SaltoIntegration:Locations:0:BookingGuests"] = "true";

        // New York's boardroom is linked in Nexudus itself (Resource.AccessControlGroupId), not here.
        AddLocation(settings, 1, newYorkId, NewYorkSite);
        AddLink(settings, 1, "TimePassGroups", seed.Pass("New York Day Pass").Id, NewYorkMembers);
        settings["SaltoIntegration:Locations:1:Readers:" + NewYorkLobby] = "CheckIn";
        settings["SaltoIntegration:Locations:1:Readers:" + NewYorkLobbyExit] = "CheckOut";

        return new DemoSpace(seed, names, settings);
    }

    /// <summary>Names a SALTO group or lock as the space's operators named it.</summary>
    /// <param name="id">The group or lock id.</param>
    /// <returns>Its name, or the id when it is not one of the space's.</returns>
    public string NameOf(string id) => _names.TryGetValue(id, out var name) ? name : id;

    /// <summary>
    /// The instant of a door entry made <paramref name="before"/> before <paramref name="now"/> at a location, kept on
    /// the location's current local day: the space's entries, and any a test adds "a few minutes ago", are today's
    /// whenever it runs, so today's check-ins and reports show them even just after local midnight.
    /// </summary>
    /// <param name="now">The current instant.</param>
    /// <param name="timeZone">The location's time zone.</param>
    /// <param name="before">How long before <paramref name="now"/>: more than zero and at most 30 minutes.</param>
    /// <returns>
    /// <c>now - before</c> when the location's local day began more than 30 minutes before <paramref name="now"/>.
    /// Nearer local midnight, <paramref name="before"/> is scaled by the time since the day began over 30 minutes, so
    /// entries keep their order and land at or after the day's start and before <paramref name="now"/> (at
    /// <paramref name="now"/> itself only when <paramref name="now"/> is the very start of the day).
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="timeZone"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="before"/> is not more than zero and at most 30 minutes.</exception>
    public static DateTimeOffset RecentEntryTime(DateTimeOffset now, TimeZoneInfo timeZone, TimeSpan before)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(before, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(before, RecentWindow);

        // An entry on an earlier local day than today is no open check-in in Nexudus, and falls outside today's report:
        // near midnight, "minutes ago" must shrink into the minutes the day has had so far.
        var sinceDayStart = now - StartOfLocalDay(now, timeZone);
        if (sinceDayStart > RecentWindow)
        {
            return now - before;
        }

        // Rounded up, so an entry is before now whenever the day has begun (by at least a tick), and never before its start.
        var scaled = (long)(((Int128)before.Ticks * sinceDayStart.Ticks + RecentWindow.Ticks - 1) / RecentWindow.Ticks);
        return now - TimeSpan.FromTicks(scaled);
    }

    /// <summary>The instant the local day holding <paramref name="now"/> began in <paramref name="zone"/>.</summary>
    /// <remarks>
    /// Local midnight with the zone's offset, where a daylight-saving change can make that offset either the one at
    /// <paramref name="now"/> or the one a day before; the day began at the latest such candidate, not after
    /// <paramref name="now"/>, where the local date turns to today. That covers midnights a zone skips (the day begins at
    /// the change) or repeats.
    /// </remarks>
    private static DateTimeOffset StartOfLocalDay(DateTimeOffset now, TimeZoneInfo zone)
    {
        var today = TimeZoneInfo.ConvertTime(now, zone).Date;
        DateTimeOffset? start = null;
        foreach (var offset in new[] { zone.GetUtcOffset(now), zone.GetUtcOffset(now.AddDays(-1)) })
        {
            var candidate = new DateTimeOffset(today, offset);
            if (candidate <= now &&
                TimeZoneInfo.ConvertTime(candidate, zone).Date == today &&
                TimeZoneInfo.ConvertTime(candidate.AddTicks(-1), zone).Date < today &&
                (start is null || candidate > start))
            {
                start = candidate;
            }
        }

        // No candidate qualifies only in a zone that changed its offset twice in a day; the wall clock then decides.
        return start ?? now - TimeZoneInfo.ConvertTime(now, zone).TimeOfDay;
    }

    private static void AddLocation(Dictionary<string, string?> settings, int index, long businessId, string siteId)
    {
        settings[$"SaltoIntegration:Locations:{index}:NexudusBusinessId"] = businessId.ToString(CultureInfo.InvariantCulture);
        settings[$"SaltoIntegration:Locations:{index}:SaltoSiteId"] = siteId;
    }

    private static void AddLink(Dictionary<string, string?> settings, int index, string kind, long itemId, params string[] groups)
    {
        for (var i = 0; i < groups.Length; i++)
        {
            settings[$"SaltoIntegration:Locations:{index}:{kind}:{itemId.ToString(CultureInfo.InvariantCulture)}:{i}"] = groups[i];
        }
    }

    private static TimeSchedule AlwaysOpen(string id) => new()
    {
        Id = id, Monday = true, Tuesday = true, Wednesday = true, Thursday = true, Friday = true, Saturday = true, Sunday = true,
        StartTime = new TimeOnly(0, 0), EndTime = new TimeOnly(23, 59, 59),
    };
}
