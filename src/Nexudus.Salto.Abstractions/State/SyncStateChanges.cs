namespace Nexudus.Salto.State;

/// <summary>
/// A batch of changes to the sync state, applied atomically by <see cref="ISyncStateStore.ApplyAsync"/>.
/// Record only what the service accepted.
/// </summary>
/// <remarks>Within a batch, removals are applied before upserts of the same key.</remarks>
public sealed record SyncStateChanges
{
    /// <summary>Gets identity links to insert or replace (keyed by site and customer).</summary>
    /// <value>The links.</value>
    public IReadOnlyList<IdentityLink> IdentitiesToSave { get; init; } = [];

    /// <summary>Gets identity links to forget, by site and customer.</summary>
    /// <value>The (site, customer) pairs.</value>
    public IReadOnlyList<(string SiteId, long CustomerId)> IdentitiesToRemove { get; init; } = [];

    /// <summary>Gets memberships SALTO accepted as added by the SDK.</summary>
    /// <value>The new owned memberships.</value>
    public IReadOnlyList<OwnedMembership> MembershipsAdded { get; init; } = [];

    /// <summary>Gets memberships SALTO accepted as removed (they leave the ledger).</summary>
    /// <value>The removed memberships.</value>
    public IReadOnlyList<MembershipKey> MembershipsRemoved { get; init; } = [];

    /// <summary>Gets group statuses to insert or replace.</summary>
    /// <value>The statuses.</value>
    public IReadOnlyList<GroupSyncStatus> GroupStatuses { get; init; } = [];

    /// <summary>Gets tag assignments to insert or replace.</summary>
    /// <value>The assignments.</value>
    public IReadOnlyList<TagAssignment> TagsAssigned { get; init; } = [];

    /// <summary>Gets tag assignments to forget, by site, customer and tag number.</summary>
    /// <value>The (site, customer, tag number) triples.</value>
    public IReadOnlyList<(string SiteId, long CustomerId, string TagNumber)> TagsUnassigned { get; init; } = [];

    /// <summary>Gets schedules to insert or replace.</summary>
    /// <value>The schedules.</value>
    public IReadOnlyList<OwnedSchedule> SchedulesSaved { get; init; } = [];

    /// <summary>Gets schedules to forget, by site, group and schedule id.</summary>
    /// <value>The (site, group, schedule) triples.</value>
    public IReadOnlyList<(string SiteId, string GroupId, string ScheduleId)> SchedulesRemoved { get; init; } = [];

    /// <summary>Gets door entries the check-in bridge handled.</summary>
    /// <value>The entries.</value>
    public IReadOnlyList<ProcessedEntry> EntriesProcessed { get; init; } = [];

    /// <summary>Gets new check-in watermarks; a watermark never moves backwards.</summary>
    /// <value>The cursors.</value>
    public IReadOnlyList<CheckInCursor> CheckInCursors { get; init; } = [];

    /// <summary>
    /// Gets write-ahead journal rows to insert or replace (keyed by site, group, member and direction): membership
    /// changes about to be sent to SALTO, recorded in the same batch as the ledger rows they affect.
    /// </summary>
    /// <value>The pending changes.</value>
    public IReadOnlyList<PendingMembership> PendingMembershipsAdded { get; init; } = [];

    /// <summary>
    /// Gets write-ahead journal rows to forget, matched by site, group, member and direction (the other fields are not
    /// compared): changes whose outcome is now recorded or settled.
    /// </summary>
    /// <value>The settled changes.</value>
    public IReadOnlyList<PendingMembership> PendingMembershipsRemoved { get; init; } = [];

    /// <summary>Gets named values to set; a <see langword="null"/> value deletes the key.</summary>
    /// <value>The key/value pairs.</value>
    public IReadOnlyList<KeyValuePair<string, string?>> Values { get; init; } = [];

    /// <summary>
    /// Gets the site leases the writer holds (see <see cref="ISiteLeaseStore"/>): a store that leases sites writes the
    /// batch only while every one of them is still the site's current lease, and otherwise refuses it whole with
    /// <see cref="SyncStateFencedException"/>. A store that does not lease sites refuses a batch that carries any.
    /// </summary>
    /// <value>The leases; empty for a writer that holds none (a single-process store).</value>
    public IReadOnlyList<SiteLease> Leases { get; init; } = [];

    /// <summary>Gets whether the batch changes nothing.</summary>
    /// <value><see langword="true"/> when every list is empty.</value>
    public bool IsEmpty =>
        IdentitiesToSave.Count == 0 && IdentitiesToRemove.Count == 0 && MembershipsAdded.Count == 0 &&
        MembershipsRemoved.Count == 0 && GroupStatuses.Count == 0 && TagsAssigned.Count == 0 &&
        TagsUnassigned.Count == 0 && SchedulesSaved.Count == 0 && SchedulesRemoved.Count == 0 &&
        EntriesProcessed.Count == 0 && CheckInCursors.Count == 0 && Values.Count == 0 &&
        PendingMembershipsAdded.Count == 0 && PendingMembershipsRemoved.Count == 0;
}
