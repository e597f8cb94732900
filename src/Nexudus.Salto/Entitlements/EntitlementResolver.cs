namespace Nexudus.Salto.Entitlements;

/// <summary>
/// Turns Nexudus passes, contracts, teams and bookings into the SALTO KS access-group memberships
/// customers should have right now: <c>(NexudusSnapshot, LinkMap, now) → DesiredAccess</c>.
/// </summary>
/// <remarks>
/// <para>
/// Pure and deterministic: no I/O, no clock, no logging; the same inputs always give the same
/// result, whatever the machine's time zone. Safe to call from several threads at once.
/// </para>
/// <para>The rules, with the readings this SDK takes where Nexudus leaves room:</para>
/// <list type="number">
/// <item><b>Eligibility.</b> A customer is eligible only when <c>Active == true</c> and
/// <c>Archived == false</c>; a missing value is not eligible. An ineligible customer gets nothing:
/// no pass, contract, team or booking access.</item>
/// <item><b>Time pass.</b> A <c>CoworkerTimePass</c> belongs to the location of its <c>BusinessId</c>
/// and grants the groups linked to its <c>TimePassId</c> while <c>ExpireDate</c> is missing or later
/// than now, <c>RemainingUses</c> is missing or above zero, and it is unused (<c>Used == false</c>) or
/// was used (<c>UsedDate</c>) on the current pass day. Pass days start at the location's
/// <see cref="EntitlementPolicy.PassDayCutoff"/>, local time. A pass marked used without a
/// <c>UsedDate</c>, or whose <c>Used</c> flag is missing and has no <c>UsedDate</c>, grants nothing;
/// a missing flag with a <c>UsedDate</c> is read as used then. Valid until the expiry, or for a used
/// pass the end of its pass day, whichever is earlier. With
/// <see cref="EntitlementPolicy.PassExpireDateIsLocal"/> the expiry's clock digits are local time.</item>
/// <item><b>Contract.</b> A <c>CoworkerContract</c> grants the groups linked to each of its
/// <c>Desks</c> (at the desk's location, <c>FloorPlanBusinessId</c>) while <c>Active == true</c>,
/// <c>StartDate</c> ≤ now, <c>InPausedPeriod == false</c> and before the end of its cancellation
/// date; a missing value grants nothing. The cancellation date is the last day of access,
/// inclusive, in local time: its calendar date is taken from <c>CancellationDateLocal</c> when present,
/// else from <c>CancellationDate</c> converted to local time, and access ends at the next local
/// midnight. A contract marked <c>Cancelled</c> with no cancellation date grants nothing.</item>
/// <item><b>Team.</b> When a granting contract's holder is the <c>PayingMemberId</c> of a team, every
/// eligible member in the team's <c>TeamMembers</c> gets the same groups with the same validity. The
/// paying member must be eligible too: a suspended company suspends its team.</item>
/// <item><b>Booking.</b> A booking of a linked resource (location: the resource's <c>BusinessId</c>),
/// or of a linked floor-plan desk (<c>FloorPlanDeskId</c>; location: the desk's
/// <c>FloorPlanBusinessId</c>), grants its groups to the booking's <c>CoworkerId</c> for
/// [<c>FromTime</c> − before, <c>ToTime</c> + after). Tentative bookings (and bookings whose
/// <c>Tentative</c> flag is missing) count only when the policy includes them; bookings without a
/// customer grant nothing.</item>
/// </list>
/// <para>
/// Each membership carries every grant as lineage and is valid until the latest end among them
/// (open-ended when any is). <see cref="DesiredAccess.NextEdge"/> is the first instant after now at
/// which the set of memberships changes by itself; it is exact, never an instant at which nothing
/// changes.
/// </para>
/// <para>
/// Wall-clock times that happen twice when clocks go back are read as their first occurrence, and
/// wall-clock times that never happen when clocks go forward as the instant of the jump.
/// </para>
/// </remarks>
public class EntitlementResolver
{
    /// <summary>Resolves who should be in which access group at <paramref name="now"/>.</summary>
    /// <param name="snapshot">The Nexudus data.</param>
    /// <param name="links">Which groups each pass, desk and resource grants, per location.</param>
    /// <param name="now">The instant to resolve for; any offset, it is used as an instant.</param>
    /// <returns>The desired memberships with lineage, the managed groups, the next edge and the link issues.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> or <paramref name="links"/> is <see langword="null"/>.</exception>
    public virtual DesiredAccess Resolve(NexudusSnapshot snapshot, LinkMap links, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(links);
        return new EntitlementEvaluation(snapshot, links, now).Evaluate();
    }
}
