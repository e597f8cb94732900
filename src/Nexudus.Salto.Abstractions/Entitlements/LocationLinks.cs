using System.Collections.ObjectModel;

namespace Nexudus.Salto.Entitlements;

/// <summary>
/// One location's links as configured: an entry of <c>SaltoIntegration:Locations</c>.
/// <c>LinkMapBuilder</c> merges it with the links Nexudus itself holds and checks it against a
/// snapshot to make a <see cref="LinkMap"/>.
/// </summary>
/// <remarks>
/// Configuration wins for every item it names: an item listed here ignores its Nexudus
/// <c>AccessControlGroupId</c> field, and listing an item with no groups unlinks it.
/// </remarks>
public sealed record LocationLinks
{
    /// <summary>Gets the Nexudus business (location) id.</summary>
    /// <value>A positive id; required.</value>
    public long NexudusBusinessId { get; init; }

    /// <summary>Gets the SALTO KS site the location's doors belong to.</summary>
    /// <value>A site id; required.</value>
    public string SaltoSiteId { get; init; } = string.Empty;

    /// <summary>Gets the SALTO access groups each pass definition (<c>TimePass</c> id) grants.</summary>
    /// <value>Empty by default.</value>
    public IReadOnlyDictionary<long, IReadOnlyList<string>> TimePassGroups { get; init; } =
        ReadOnlyDictionary<long, IReadOnlyList<string>>.Empty;

    /// <summary>Gets the SALTO access groups each floor-plan desk or office grants (through contracts and desk bookings).</summary>
    /// <value>Empty by default.</value>
    public IReadOnlyDictionary<long, IReadOnlyList<string>> FloorPlanDeskGroups { get; init; } =
        ReadOnlyDictionary<long, IReadOnlyList<string>>.Empty;

    /// <summary>Gets the SALTO access groups each bookable resource grants (through bookings).</summary>
    /// <value>Empty by default.</value>
    public IReadOnlyDictionary<long, IReadOnlyList<string>> ResourceGroups { get; init; } =
        ReadOnlyDictionary<long, IReadOnlyList<string>>.Empty;

    /// <summary>Gets the ownership of groups that are not <see cref="GroupOwnership.Shared"/>.</summary>
    /// <value>Empty by default: every group is shared.</value>
    public IReadOnlyDictionary<string, GroupOwnership> GroupOwnership { get; init; } =
        ReadOnlyDictionary<string, GroupOwnership>.Empty;

    /// <summary>Gets how long before a booking's start access begins.</summary>
    /// <value>15 minutes by default.</value>
    public TimeSpan BookingAccessBefore { get; init; } = EntitlementPolicy.DefaultBookingBuffer;

    /// <summary>Gets how long after a booking's end access lasts.</summary>
    /// <value>15 minutes by default.</value>
    public TimeSpan BookingAccessAfter { get; init; } = EntitlementPolicy.DefaultBookingBuffer;

    /// <summary>Gets whether tentative bookings grant access.</summary>
    /// <value><see langword="false"/> by default.</value>
    public bool IncludeTentativeBookings { get; init; }

    /// <summary>Gets the local time of day at which a pass day starts.</summary>
    /// <value>00:00 by default.</value>
    public TimeSpan PassDayCutoff { get; init; }

    /// <summary>
    /// Gets whether pass expiry dates are the location's wall-clock time rather than UTC (unconfirmed
    /// in Nexudus; see <see cref="EntitlementPolicy.PassExpireDateIsLocal"/>).
    /// </summary>
    /// <value><see langword="false"/> by default.</value>
    public bool PassExpireDateIsLocal { get; init; }

    /// <summary>
    /// Gets whether the <c>AccessControlGroupId(s)</c> fields of Nexudus passes, desks and resources
    /// add links. Whether Nexudus' own SALTO KS integration keeps SALTO group ids there is
    /// unconfirmed; turn this off when those fields hold something else.
    /// </summary>
    /// <value><see langword="true"/> by default.</value>
    public bool UseNexudusLinkFields { get; init; } = true;
}
