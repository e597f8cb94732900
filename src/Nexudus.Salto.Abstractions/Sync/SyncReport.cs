using Nexudus.Salto.Entitlements;
using Nexudus.Salto.State;

namespace Nexudus.Salto.Sync;

/// <summary>
/// Everything one sync run did and why: each membership change with its lineage and outcome, the users
/// created, held removals and the guard's reasons, tags and schedules, errors, the calls made to each
/// service and how long it took. Serialise it with <see cref="SyncJsonContext"/>.
/// </summary>
public sealed record SyncReport
{
    /// <summary>Gets how the run ended; its numeric value is the sample's exit code.</summary>
    /// <value>Completed, removals held, or failed.</value>
    public required SyncResult Result { get; init; }

    /// <summary>Gets whether the run was a dry run (computed, nothing written).</summary>
    /// <value><see langword="true"/> for a dry run.</value>
    public bool DryRun { get; init; }

    /// <summary>Gets when the run started.</summary>
    /// <value>A UTC instant; also the instant entitlements were resolved for.</value>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Gets when the run finished.</summary>
    /// <value>A UTC instant.</value>
    public required DateTimeOffset FinishedAt { get; init; }

    /// <summary>Gets how long the run took.</summary>
    /// <value><see cref="FinishedAt"/> − <see cref="StartedAt"/>.</value>
    public TimeSpan Duration => FinishedAt - StartedAt;

    /// <summary>Gets how Nexudus was read.</summary>
    /// <value>A full or an incremental read.</value>
    public SnapshotReadKind SnapshotRead { get; init; }

    /// <summary>Gets the revocation guard's verdict.</summary>
    /// <value>Whether removals were held, and why.</value>
    public RevocationDecision Revocation { get; init; } = new();

    /// <summary>Gets every membership change of the run, with lineage and outcome.</summary>
    /// <value>Ordered by site, group, kind (adds first) and customer; empty by default.</value>
    public IReadOnlyList<MembershipChange> Changes { get; init; } = [];

    /// <summary>Gets the SALTO users created (or planned, on a dry run).</summary>
    /// <value>Empty by default.</value>
    public IReadOnlyList<UserCreation> UserCreations { get; init; } = [];

    /// <summary>Gets the tags assigned, unassigned or not found.</summary>
    /// <value>Empty by default.</value>
    public IReadOnlyList<TagChange> Tags { get; init; } = [];

    /// <summary>Gets the time schedules written or deleted.</summary>
    /// <value>Empty by default.</value>
    public IReadOnlyList<ScheduleChange> Schedules { get; init; } = [];

    /// <summary>
    /// Gets the differences between customers' Access Card Ids and the tag numbers SALTO KS shows, so an operator
    /// can act where the API cannot assign tags.
    /// </summary>
    /// <value>Empty by default.</value>
    public IReadOnlyList<TagDifference> TagDifferences { get; init; } = [];

    /// <summary>Gets the warnings of the run: what was skipped or found wrong without failing it.</summary>
    /// <value>Empty by default; warnings never change <see cref="Result"/>.</value>
    public IReadOnlyList<SyncWarning> Warnings { get; init; } = [];

    /// <summary>Gets the customers who could not be matched to a SALTO user.</summary>
    /// <value>Empty by default.</value>
    public IReadOnlyList<IdentityIssue> IdentityIssues { get; init; } = [];

    /// <summary>Gets the problems found in the links between Nexudus items and SALTO groups.</summary>
    /// <value>Empty by default.</value>
    public IReadOnlyList<LinkIssue> LinkIssues { get; init; } = [];

    /// <summary>Gets the errors of the run.</summary>
    /// <value>Empty when nothing failed.</value>
    public IReadOnlyList<SyncError> Errors { get; init; } = [];

    /// <summary>
    /// Gets the sites this run left alone because another process holds their lease (a state store that several
    /// processes share); that process syncs them. Skipping a site is not a failure.
    /// </summary>
    /// <value>Empty by default.</value>
    public IReadOnlyList<SkippedSite> SkippedSites { get; init; } = [];

    /// <summary>
    /// Gets the memberships a run with <c>SyncRunOptions.RebuildOwnership</c> claimed for the SDK (or, in a dry run,
    /// would claim): members of managed groups who are the SALTO user of a customer entitled to the group.
    /// </summary>
    public IReadOnlyList<OwnedMembership> ClaimedMemberships { get; init; } = [];

    /// <summary>Gets the HTTP calls made to each service.</summary>
    /// <value>Reads and writes per service.</value>
    public SyncCallCounts Calls { get; init; } = new();

    /// <summary>
    /// Gets the customers whose access payment-aware access suspends (or kept suspended, or restored) this run, with
    /// the overdue invoice of each; empty when no location sets <c>SuspendAfterOverdueDays</c>.
    /// </summary>
    public IReadOnlyList<PaymentSuspension> PaymentSuspensions { get; init; } = [];

    /// <summary>
    /// Gets the customers erased this run because Nexudus no longer has them (or has archived them longer than
    /// <c>EraseArchivedAfter</c>): the SALTO users the SDK created are deleted and their state-store rows forgotten. In a
    /// dry run, the erasures that would be made.
    /// </summary>
    public IReadOnlyList<CustomerErasure> Erasures { get; init; } = [];

    /// <summary>
    /// Gets the guest users this run created (booking guests and approved visitors, each with a PIN), deleted after
    /// their window or refused, with each one's lineage; empty when no location sets <c>BookingGuests</c> or
    /// <c>VisitorGroups</c>. In a dry run, the changes that would be made.
    /// </summary>
    public IReadOnlyList<GuestChange> Guests { get; init; } = [];

    /// <summary>
    /// Gets the earliest future instant at which the entitlements change by themselves (a booking window
    /// opens or closes, a pass expires), so a worker can run again exactly then.
    /// </summary>
    /// <value>A UTC instant, or <see langword="null"/> when nothing changes without a change in Nexudus.</value>
    public DateTimeOffset? NextEdge { get; init; }
}
