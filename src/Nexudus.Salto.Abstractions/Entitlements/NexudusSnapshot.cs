using System.Collections.ObjectModel;
using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Entitlements;

/// <summary>
/// Everything the <c>EntitlementResolver</c> reads from Nexudus Spaces, as read at one moment:
/// customers, teams, passes, contracts, floor-plan desks, resources, bookings, and each location's
/// time zone.
/// </summary>
/// <remarks>
/// <para>
/// The resolver trusts only what the records say. Nexudus list records are partial, so every
/// scalar on the models except <see cref="NexudusEntity.Id"/> is nullable; a field that is missing
/// never grants access (for example <see cref="Coworker.Active"/> <see langword="null"/> makes the
/// customer ineligible). Collections the rules need must therefore come from full records: teams
/// with <see cref="Team.TeamMembers"/>, contracts with <see cref="CoworkerContract.Desks"/>.
/// </para>
/// <para>
/// Cancelled bookings are simply absent (Nexudus removes them from the bookings list).
/// </para>
/// </remarks>
public sealed record NexudusSnapshot
{
    /// <summary>Gets the customers.</summary>
    /// <value>Every customer who may hold a pass, a contract, a team seat or a booking; empty by default.</value>
    public IReadOnlyList<Coworker> Coworkers { get; init; } = [];

    /// <summary>Gets the teams, as full records (with <see cref="Team.TeamMembers"/>).</summary>
    /// <value>Empty by default.</value>
    public IReadOnlyList<Team> Teams { get; init; } = [];

    /// <summary>Gets the pass definitions, whose <see cref="TimePass.AccessControlGroupId"/> fields can link groups.</summary>
    /// <value>Empty by default.</value>
    public IReadOnlyList<TimePass> TimePasses { get; init; } = [];

    /// <summary>Gets the passes customers hold.</summary>
    /// <value>Empty by default.</value>
    public IReadOnlyList<CoworkerTimePass> CoworkerTimePasses { get; init; } = [];

    /// <summary>Gets the customers' contracts, as full records (with <see cref="CoworkerContract.Desks"/>).</summary>
    /// <value>Empty by default.</value>
    public IReadOnlyList<CoworkerContract> CoworkerContracts { get; init; } = [];

    /// <summary>Gets the floor-plan desks and offices; a desk's location is its <see cref="FloorPlanDesk.FloorPlanBusinessId"/>.</summary>
    /// <value>Empty by default.</value>
    public IReadOnlyList<FloorPlanDesk> FloorPlanDesks { get; init; } = [];

    /// <summary>Gets the bookable resources; a resource's location is its <see cref="Resource.BusinessId"/>.</summary>
    /// <value>Empty by default.</value>
    public IReadOnlyList<Resource> Resources { get; init; } = [];

    /// <summary>Gets the bookings (cancelled bookings are not among them).</summary>
    /// <value>Empty by default.</value>
    public IReadOnlyList<Booking> Bookings { get; init; } = [];

    /// <summary>
    /// Gets each location's time zone, by Nexudus business id. Local rules (pass days, the last day
    /// of a cancelled contract, wall-clock dates) use it, daylight-saving changes included.
    /// </summary>
    /// <value>
    /// Empty by default. A linked location without a time zone is not resolved at all: its groups
    /// are left unmanaged and a <see cref="LinkIssueKind.TimeZoneMissing"/> issue is reported.
    /// </value>
    public IReadOnlyDictionary<long, TimeZoneInfo> TimeZones { get; init; } = ReadOnlyDictionary<long, TimeZoneInfo>.Empty;
}
