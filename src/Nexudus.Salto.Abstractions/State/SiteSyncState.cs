namespace Nexudus.Salto.State;

/// <summary>Everything the state store remembers about one SALTO KS site, as read at one moment.</summary>
public sealed record SiteSyncState
{
    /// <summary>Gets the SALTO KS site id.</summary>
    /// <value>The site.</value>
    public required string SiteId { get; init; }

    /// <summary>Gets the customer ↔ SALTO user links.</summary>
    /// <value>One link per customer.</value>
    public IReadOnlyList<IdentityLink> Identities { get; init; } = [];

    /// <summary>Gets the memberships the SDK added and SALTO accepted.</summary>
    /// <value>The ownership ledger of the site.</value>
    public IReadOnlyList<OwnedMembership> OwnedMemberships { get; init; } = [];

    /// <summary>Gets the retry state of groups that have been changed.</summary>
    /// <value>One status per group.</value>
    public IReadOnlyList<GroupSyncStatus> GroupStatuses { get; init; } = [];

    /// <summary>Gets the tags the SDK assigned.</summary>
    /// <value>One row per customer and tag number.</value>
    public IReadOnlyList<TagAssignment> TagAssignments { get; init; } = [];

    /// <summary>Gets the time schedules the SDK wrote.</summary>
    /// <value>One row per schedule.</value>
    public IReadOnlyList<OwnedSchedule> Schedules { get; init; } = [];

    /// <summary>
    /// Gets the membership changes recorded before they were sent to SALTO whose outcome is not yet settled (the
    /// write-ahead journal; see <see cref="PendingMembership"/>).
    /// </summary>
    /// <value>One row per group, member and direction.</value>
    public IReadOnlyList<PendingMembership> PendingMemberships { get; init; } = [];
}
