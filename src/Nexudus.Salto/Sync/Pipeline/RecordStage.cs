using Nexudus.Salto.State;

namespace Nexudus.Salto.Sync;

/// <summary>
/// The record stage's writes outside the executor: what reading and matching learned of a site (identity links,
/// settled journal entries, a ledger that matches SALTO, the memory of empty group reads), committed through the
/// site's unit of work before anything is sent; and the run's payment suspensions, recorded before any removal.
/// </summary>
/// <remarks>
/// The executor and the tag assigner record the rest through the same unit of work, each change as SALTO accepts it
/// (the journal entry of a chunk before the chunk is sent, the ledger after).
/// </remarks>
internal sealed class RecordStage(ISyncStateStore store)
{
    /// <summary>Records what reading and matching learned of <paramref name="site"/>; nothing when there is nothing new.</summary>
    public static Task RecordBookkeepingAsync(SiteRun site, CancellationToken cancellationToken)
    {
        var siteId = site.SiteId;
        var changes = new SyncStateChanges
        {
            IdentitiesToSave = site.Identities.LinksToSave,
            IdentitiesToRemove = [.. site.Identities.LinksToForget.Select(id => (siteId, id))],
            MembershipsAdded = site.Settled,
            MembershipsRemoved = site.Plan.StaleLedgerEntries,
            Values = site.EmptyGroupMemory is { } memory ? [memory] : [],
        };
        if (changes.IsEmpty && site.SettledEntries.Count == 0)
        {
            return Task.CompletedTask;
        }

        // The unit of work never cancels a write (it may record what SALTO accepted): a cancelled run stops here instead.
        cancellationToken.ThrowIfCancellationRequested();
        return site.Writer.CommitAsync(changes, [], site.SettledEntries);
    }

    /// <summary>
    /// Records the payment suspensions in force, before the removals: a later run whose invoice read fails keeps exactly
    /// these suspended. Nothing on a dry run or when they did not change.
    /// </summary>
    public async Task RecordSuspensionsAsync(SyncRunContext run, CancellationToken cancellationToken)
    {
        if (!run.Flags.DryRun && run.Payments.ValueToSave is { } suspensions)
        {
            await store.ApplyAsync(new SyncStateChanges { Values = [suspensions] }, cancellationToken).ConfigureAwait(false);
        }
    }
}
