namespace Nexudus.Salto.State;

/// <summary>Rejects a malformed change batch before anything is written, so a store never half-applies one.</summary>
internal static class SyncStateChangesValidator
{
    /// <param name="changes">The batch.</param>
    /// <param name="leasesChecked">Whether the store checks the batch's site leases (only a store that leases sites does).</param>
    public static void Validate(SyncStateChanges changes, bool leasesChecked = false)
    {
        if (changes.Leases.Count > 0 && !leasesChecked)
        {
            // A fence the store cannot check must not be taken for one it checked.
            throw new ArgumentException(
                "The sync state change batch carries site leases, but this store does not lease sites and cannot check them; nothing was written.", nameof(changes));
        }

        foreach (var l in changes.Leases)
        {
            if (l is null)
            {
                throw new ArgumentException("The sync state change batch has a null lease; nothing was written.", nameof(changes));
            }

            Require(l.SiteId, "Leases.SiteId");
            Require(l.Holder, "Leases.Holder");
        }

        foreach (var i in changes.IdentitiesToSave)
        {
            Require(i.SiteId, "IdentitiesToSave.SiteId");
            Require(i.SiteUserId.Value, "IdentitiesToSave.SiteUserId");
            Require(i.PlatformUserId.Value, "IdentitiesToSave.PlatformUserId");
        }

        foreach (var m in changes.MembershipsAdded)
        {
            Require(m.SiteId, "MembershipsAdded.SiteId");
            Require(m.GroupId, "MembershipsAdded.GroupId");
            Require(m.UserId.Value, "MembershipsAdded.UserId");
        }

        foreach (var m in changes.MembershipsRemoved)
        {
            Require(m.SiteId, "MembershipsRemoved.SiteId");
            Require(m.GroupId, "MembershipsRemoved.GroupId");
            Require(m.UserId.Value, "MembershipsRemoved.UserId");
        }

        foreach (var g in changes.GroupStatuses)
        {
            Require(g.SiteId, "GroupStatuses.SiteId");
            Require(g.GroupId, "GroupStatuses.GroupId");
        }

        foreach (var t in changes.TagsAssigned)
        {
            Require(t.SiteId, "TagsAssigned.SiteId");
            Require(t.TagNumber, "TagsAssigned.TagNumber");
            Require(t.TagId, "TagsAssigned.TagId");
        }

        foreach (var s in changes.SchedulesSaved)
        {
            Require(s.SiteId, "SchedulesSaved.SiteId");
            Require(s.GroupId, "SchedulesSaved.GroupId");
            Require(s.ScheduleId, "SchedulesSaved.ScheduleId");
        }

        foreach (var e in changes.EntriesProcessed)
        {
            Require(e.SiteId, "EntriesProcessed.SiteId");
            Require(e.EntryId, "EntriesProcessed.EntryId");
            Require(e.Outcome, "EntriesProcessed.Outcome");
        }

        foreach (var c in changes.CheckInCursors)
        {
            Require(c.SiteId, "CheckInCursors.SiteId");
        }

        foreach (var p in changes.PendingMembershipsAdded.Concat(changes.PendingMembershipsRemoved))
        {
            if (p is null)
            {
                throw new ArgumentException("The sync state change batch has a null pending membership; nothing was written.", nameof(changes));
            }

            Require(p.SiteId, "PendingMemberships.SiteId");
            Require(p.GroupId, "PendingMemberships.GroupId");
            Require(p.UserId.Value, "PendingMemberships.UserId");
        }

        foreach (var (key, _) in changes.Values)
        {
            Require(key, "Values.Key");
        }
    }

    private static void Require(string? value, string field, string paramName = "changes")
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException($"The sync state change batch has an empty {field}; nothing was written.", paramName);
        }
    }
}
