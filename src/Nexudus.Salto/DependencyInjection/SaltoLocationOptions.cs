using System.ComponentModel.DataAnnotations;
using Nexudus.Salto.CheckIns;
using Nexudus.Salto.Entitlements;

namespace Nexudus.Salto.DependencyInjection;

/// <summary>
/// One linked location, bound from an entry of <c>SaltoIntegration:Locations</c>: a Nexudus location,
/// the SALTO KS site of its doors, which SALTO access groups each pass, desk and resource grants, the
/// readers that record check-ins, and the location's booking and pass policy.
/// </summary>
/// <remarks>
/// Links may also come from Nexudus itself (the <c>AccessControlGroupId(s)</c> fields); configuration
/// wins for every item it names. <see cref="ToLocationLinks"/> hands these settings to
/// <see cref="LinkMapBuilder"/>; links that name unknown items are reported by the sample's
/// <c>doctor</c> command and in every sync's link issues, not at start-up (that needs Nexudus data).
/// </remarks>
public sealed class SaltoLocationOptions
{
    /// <summary>Gets or sets the Nexudus business (location) id.</summary>
    /// <value>Required; a positive id, unique among the locations.</value>
    public long NexudusBusinessId { get; set; }

    /// <summary>Gets or sets the SALTO KS site id of the location's doors.</summary>
    /// <value>Required; unique among the locations.</value>
    [Required(AllowEmptyStrings = false, ErrorMessage = "{0} is required.")]
    public string SaltoSiteId { get; set; } = string.Empty;

    /// <summary>Gets the SALTO access groups each pass definition (Nexudus <c>TimePass</c> id) grants.</summary>
    /// <value>Empty by default. An item listed with no groups is unlinked, whatever Nexudus says.</value>
    public IDictionary<long, IList<string>> TimePassGroups { get; } = new Dictionary<long, IList<string>>();

    /// <summary>Gets the SALTO access groups each floor-plan desk or office grants (through contracts and desk bookings).</summary>
    /// <value>Empty by default.</value>
    public IDictionary<long, IList<string>> FloorPlanDeskGroups { get; } = new Dictionary<long, IList<string>>();

    /// <summary>Gets the SALTO access groups each bookable resource grants (through bookings).</summary>
    /// <value>Empty by default.</value>
    public IDictionary<long, IList<string>> ResourceGroups { get; } = new Dictionary<long, IList<string>>();

    /// <summary>
    /// Gets the locks whose entries the check-in bridge turns into Nexudus check-ins: lock id →
    /// <see cref="ReaderRole.CheckIn"/> (a successful entry opens a check-in) or <see cref="ReaderRole.CheckOut"/>
    /// (it closes the customer's open one).
    /// </summary>
    /// <value>Empty by default: no check-ins are bridged for the location. Lock ids compare ignoring case; a lock may be a reader of one location only.</value>
    public IDictionary<string, ReaderRole> Readers { get; } = new Dictionary<string, ReaderRole>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Gets the ownership of groups that are not <see cref="Entitlements.GroupOwnership.Shared"/>. In a
    /// <c>Shared</c> group the SDK removes only members it added itself; in an <c>Exclusive</c> group it
    /// removes everyone who is not entitled.
    /// </summary>
    /// <value>Empty by default: every group is <c>Shared</c>.</value>
    public IDictionary<string, GroupOwnership> GroupOwnership { get; } = new Dictionary<string, GroupOwnership>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets or sets how long before a booking's start access begins.</summary>
    /// <value>15 minutes; never negative.</value>
    public TimeSpan BookingAccessBefore { get; set; } = EntitlementPolicy.DefaultBookingBuffer;

    /// <summary>Gets or sets how long after a booking's end access lasts.</summary>
    /// <value>15 minutes; never negative.</value>
    public TimeSpan BookingAccessAfter { get; set; } = EntitlementPolicy.DefaultBookingBuffer;

    /// <summary>Gets or sets whether tentative bookings (awaiting approval) grant access.</summary>
    /// <value><see langword="false"/>.</value>
    public bool IncludeTentativeBookings { get; set; }

    /// <summary>Gets or sets the local time of day at which a pass day starts.</summary>
    /// <value>00:00; at least zero and less than one day.</value>
    public TimeSpan PassDayCutoff { get; set; }

    /// <summary>
    /// Gets or sets whether a pass's <c>ExpireDate</c> is the location's wall-clock time rather than UTC
    /// (which one Nexudus sends is unconfirmed).
    /// </summary>
    /// <value><see langword="false"/>: read as UTC, like every plain Nexudus date.</value>
    public bool PassExpireDateIsLocal { get; set; }

    /// <summary>
    /// Gets or sets whether the <c>AccessControlGroupId(s)</c> fields of Nexudus passes, desks and
    /// resources add links. Turn it off when those fields hold something other than SALTO group ids.
    /// </summary>
    /// <value><see langword="true"/>.</value>
    public bool UseNexudusLinkFields { get; set; } = true;

    /// <summary>
    /// Gets or sets whether a linked pass's Nexudus time slots are written as its SALTO groups' time
    /// schedules, so "morning" and "afternoon" passes open doors only in their hours.
    /// </summary>
    /// <value><see langword="false"/>: schedules are opt-in per location.</value>
    public bool WritePassSchedules { get; set; }

    /// <summary>
    /// Gets or sets whether a linked group that has no time schedule gets the always-open one (every weekday,
    /// 00:00–23:59). SALTO KS never rolls a group without a schedule out to the locks; every sync report and
    /// <c>doctor</c> list such groups either way.
    /// </summary>
    /// <value><see langword="false"/>: opt-in per location; without it the run only warns.</value>
    public bool CreateMissingGroupSchedules { get; set; }

    /// <summary>
    /// Gets or sets after how many days past its due date an unpaid invoice of this location suspends the customer's
    /// door access (<c>SaltoIntegration:Locations:N:SuspendAfterOverdueDays</c>): the memberships the SDK granted for
    /// this location are removed (the revocation guard applies) and restored on the first sync after the invoice is
    /// paid, voided or credited. An invoice counts when it is issued (not a draft), not paid, not void and not a credit
    /// note. When invoices cannot be read, nobody new is suspended and nobody suspended is restored that run.
    /// </summary>
    /// <value><see langword="null"/>: payment-aware access is off for the location. From 0 to 365.</value>
    public int? SuspendAfterOverdueDays { get; set; }

    /// <summary>
    /// Gets or sets whether the guests of this location's bookings (Nexudus booking visitors) get door access
    /// (<c>SaltoIntegration:Locations:N:BookingGuests</c>): each becomes a SALTO KS guest user (alias only, no e-mail,
    /// no invitation) created when the booking's window opens (<see cref="BookingAccessBefore"/> before it starts), given
    /// a PIN that goes to the registered <c>IGuestCredentialSink</c>, added to the groups the booked resource is linked
    /// to, and deleted when the window closes (<see cref="BookingAccessAfter"/> after the end), freeing its seat.
    /// </summary>
    /// <value><see langword="false"/>: opt-in per location.</value>
    public bool BookingGuests { get; set; }

    /// <summary>
    /// Gets or sets the groups an expected visitor gets once the host approved the visit
    /// (<c>SaltoIntegration:Locations:N:VisitorGroups</c>; Nexudus host approval <c>AcceptedAndGrant</c>), from
    /// <see cref="VisitorAccessBefore"/> before the expected arrival until the end of that day at the location.
    /// </summary>
    /// <value>Empty: visitors get no door access.</value>
    public IList<string> VisitorGroups { get; set; } = [];

    /// <summary>
    /// Gets or sets how long before a visitor's expected arrival the visitor's access starts
    /// (<c>SaltoIntegration:Locations:N:VisitorAccessBefore</c>).
    /// </summary>
    /// <value>30 minutes. From zero to 12 hours.</value>
    public TimeSpan VisitorAccessBefore { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Gets or sets how many of the site's seats guests never take (<c>SaltoIntegration:Locations:N:GuestSeatReserve</c>):
    /// a guest that would leave fewer free seats is not created, and the sync report says why. A guest holds a seat
    /// until it is deleted.
    /// </summary>
    /// <value>0. From 0 to 100000.</value>
    public int GuestSeatReserve { get; set; }

    /// <summary>
    /// Makes the location as every part of the integration takes it (the sync engine, the check-in bridge, the
    /// reports): the one mapping from this entry of configuration to <see cref="IntegrationLocation"/>. The result is a
    /// copy; later changes to these options do not reach it.
    /// </summary>
    /// <returns>The location, with its links (<see cref="ToLocationLinks"/>), readers and sync settings.</returns>
    public IntegrationLocation ToLocation() => new()
    {
        Links = ToLocationLinks(),
        Readers = new Dictionary<string, ReaderRole>(Readers, StringComparer.OrdinalIgnoreCase).AsReadOnly(),
        WritePassSchedules = WritePassSchedules,
        CreateMissingGroupSchedules = CreateMissingGroupSchedules,
        SuspendAfterOverdueDays = SuspendAfterOverdueDays,
        BookingGuests = BookingGuests,
        VisitorGroups = [.. (VisitorGroups ?? []).Where(g => !string.IsNullOrWhiteSpace(g)).Select(g => g.Trim())],
        VisitorAccessBefore = VisitorAccessBefore,
        GuestSeatReserve = GuestSeatReserve,
    };

    /// <summary>Makes the resolver's view of this location: the single mapping from configuration to <see cref="LocationLinks"/>.</summary>
    /// <returns>The location's links and policy, as <see cref="LinkMapBuilder.Build"/> takes them.</returns>
    public LocationLinks ToLocationLinks() => new()
    {
        NexudusBusinessId = NexudusBusinessId,
        SaltoSiteId = SaltoSiteId?.Trim() ?? string.Empty,
        TimePassGroups = Freeze(TimePassGroups),
        FloorPlanDeskGroups = Freeze(FloorPlanDeskGroups),
        ResourceGroups = Freeze(ResourceGroups),
        GroupOwnership = new Dictionary<string, GroupOwnership>(GroupOwnership, StringComparer.OrdinalIgnoreCase).AsReadOnly(),
        BookingAccessBefore = BookingAccessBefore,
        BookingAccessAfter = BookingAccessAfter,
        IncludeTentativeBookings = IncludeTentativeBookings,
        PassDayCutoff = PassDayCutoff,
        PassExpireDateIsLocal = PassExpireDateIsLocal,
        UseNexudusLinkFields = UseNexudusLinkFields,
    };

    // A copy, so later changes to these mutable options cannot reach a link map in use.
    private static System.Collections.ObjectModel.ReadOnlyDictionary<long, IReadOnlyList<string>> Freeze(IDictionary<long, IList<string>> links) =>
        links.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)[.. pair.Value ?? []]).AsReadOnly();
}
