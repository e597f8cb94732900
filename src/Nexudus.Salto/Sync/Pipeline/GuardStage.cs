using Microsoft.Extensions.Logging;

namespace Nexudus.Salto.Sync;

/// <summary>
/// The guard stage: judges the run's removals as a whole (<see cref="RevocationGuard"/>) and holds them all on a
/// failed read, a suspicious answer or a count above the thresholds. It never holds additions.
/// </summary>
internal sealed class GuardStage(AccessSyncOptions options, ILogger logger)
{
    /// <summary>Decides whether the planned sites' removals are held.</summary>
    public void Judge(SyncRunContext run)
    {
        var suspicious = new List<string>();
        var ownedTotal = run.Sites.Sum(s => s.State.OwnedMemberships.Count);
        if (run.Scope is null && run.Snapshot.Coworkers.Count == 0 && ownedTotal > 0 && !run.NexudusReadFailed)
        {
            suspicious.Add($"Nexudus returned no eligible customers while the state store holds {ownedTotal} memberships the SDK added.");
        }

        foreach (var site in run.Sites)
        {
            suspicious.AddRange(site.DoubtedEmptyGroups.Values);
        }

        var decision = run.Decision = RevocationGuard.Evaluate(
            [.. run.Sites.Select(s => s.Plan.Plan)], options.Safety, run.Flags.AllowMassRevocation,
            new GuardSignals(run.NexudusReadFailed || run.InvoiceReadFailed, run.SaltoReadFailed, suspicious));
        if (decision.RemovalsHeld)
        {
            SyncLog.RemovalsHeld(logger, decision.PlannedRemovals, string.Join(", ", decision.Reasons));
        }
        else if (decision.Overridden)
        {
            SyncLog.RemovalsReleased(logger, decision.PlannedRemovals, string.Join(", ", decision.Reasons));
        }
    }
}
