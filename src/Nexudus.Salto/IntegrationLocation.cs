using System.Collections.ObjectModel;
using Nexudus.Salto.CheckIns;
using Nexudus.Salto.Entitlements;
using Nexudus.Salto.Sync;

namespace Nexudus.Salto;

/// <summary>
/// One configured location (an entry of <c>SaltoIntegration:Locations</c>): a Nexudus location and its SALTO KS site,
/// with everything the sync engine, the check-in bridge and the access reports need of it. It is the one location
/// model: <see cref="DependencyInjection.SaltoLocationOptions.ToLocation"/> makes it from configuration, and
/// <see cref="AccessSyncOptions"/>, <see cref="CheckInBridgeOptions"/> and <see cref="Reports.AccessReportOptions"/> take it.
/// </summary>
public sealed record IntegrationLocation
{
    /// <summary>
    /// Gets the location's ids, links and entitlement policy: the part the entitlement resolver reads
    /// (<see cref="EntitlementResolver"/>, <see cref="NexudusSnapshotReading"/>).
    /// </summary>
    /// <value>The Nexudus business, the SALTO site and which groups each item grants.</value>
    public required LocationLinks Links { get; init; }

    /// <summary>Gets the Nexudus business (location) id, from <see cref="Links"/>.</summary>
    /// <value>A positive id once validated.</value>
    public long NexudusBusinessId => Links.NexudusBusinessId;

    /// <summary>Gets the SALTO KS site whose doors belong to the location, from <see cref="Links"/>.</summary>
    /// <value>The site's UUID once validated.</value>
    public string SaltoSiteId => Links.SaltoSiteId;

    /// <summary>
    /// Gets the role of each door reader for the check-in bridge and the reports: SALTO lock id →
    /// <see cref="ReaderRole.CheckIn"/> or <see cref="ReaderRole.CheckOut"/>.
    /// </summary>
    /// <value>Empty by default: no lock makes check-ins. Lock ids compare without regard to case.</value>
    public IReadOnlyDictionary<string, ReaderRole> Readers { get; init; } = ReadOnlyDictionary<string, ReaderRole>.Empty;

    /// <summary>
    /// Gets whether the time slots of the location's linked passes are written as their groups' SALTO time
    /// schedules, so a "morning" pass opens doors only in the morning.
    /// </summary>
    /// <value><see langword="false"/> by default (opt-in).</value>
    public bool WritePassSchedules { get; init; }

    /// <summary>
    /// Gets whether a linked group of the location that has no time schedule gets the always-open one (every
    /// weekday, 00:00–23:59). SALTO KS never rolls a group without a schedule out to the locks, so its members are
    /// rejected at the door; every run reports such groups either way.
    /// </summary>
    /// <value><see langword="false"/> by default (opt-in): the run only warns.</value>
    public bool CreateMissingGroupSchedules { get; init; }

    /// <summary>
    /// Gets after how many days past its due date an unpaid invoice of the location suspends the customer's access at it;
    /// see <see cref="PaymentSuspension"/>.
    /// </summary>
    /// <value><see langword="null"/>: invoices do not affect access (the default).</value>
    public int? SuspendAfterOverdueDays { get; init; }

    /// <summary>
    /// Gets whether the guests of the location's bookings (Nexudus booking visitors) get a SALTO KS guest user with a
    /// PIN for the booking's window with its buffers, in the groups the booked resource is linked to.
    /// </summary>
    /// <value><see langword="false"/> by default (opt-in).</value>
    public bool BookingGuests { get; init; }

    /// <summary>
    /// Gets the groups an expected visitor approved by the host gets, from <see cref="VisitorAccessBefore"/> before the
    /// expected arrival until the end of that day at the location.
    /// </summary>
    /// <value>Empty by default: visitors get no guest user.</value>
    public IReadOnlyList<string> VisitorGroups { get; init; } = [];

    /// <summary>Gets how long before a visitor's expected arrival the visitor's access starts.</summary>
    /// <value>30 minutes by default.</value>
    public TimeSpan VisitorAccessBefore { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Gets how many of the site's seats guests never take, so members keep theirs.</summary>
    /// <value>0 by default.</value>
    public int GuestSeatReserve { get; init; }
}
