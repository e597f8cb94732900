using Microsoft.Extensions.Logging;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;

namespace Nexudus.Salto.Sync;

/// <summary>
/// Erases the customers the state store knows on the run's sites whom Nexudus no longer has (a by-id read answers
/// 404) or has archived longer than <see cref="AccessSyncOptions.EraseArchivedAfter"/>. A customer Nexudus still
/// lists, or whose read fails, is left alone; more erasures than <see cref="RevocationSafety.MaxRevocations"/> in one
/// run are all held unless the run allows mass revocation. Judged on a whole, clean read only.
/// </summary>
internal sealed class ErasureStage(INexudusClient nexudus, ISaltoKsClient salto, ISyncStateStore store, AccessSyncOptions options, ILogger logger)
{
    /// <summary>Erases who is due, when the run read everything cleanly; nothing otherwise.</summary>
    public async Task EraseAsync(SyncRunContext run, CancellationToken cancellationToken)
    {
        if (run.Scope is null && run.Read?.Kind == SnapshotReadKind.Full && !run.NexudusReadFailed && !run.SaltoReadFailed)
        {
            run.Erasures = await EraseGoneCustomersAsync(run, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<IReadOnlyList<CustomerErasure>> EraseGoneCustomersAsync(SyncRunContext run, CancellationToken cancellationToken)
    {
        var customers = run.Customers;
        var candidates = run.Sites.SelectMany(s => s.State.Identities).Select(l => l.CustomerId).Where(id => !customers.ContainsKey(id)).Distinct().Order().ToList();
        if (candidates.Count == 0)
        {
            return [];
        }

        var due = new List<(long CustomerId, string Reason)>();
        try
        {
            var found = (await nexudus.GetCoworkersAsync(candidates, cancellationToken).ConfigureAwait(false)).ToDictionary(c => c.Id);
            foreach (var id in candidates)
            {
                if (found.TryGetValue(id, out var customer))
                {
                    if (customer.Archived == true && options.EraseArchivedAfter is { } after && customer.UpdatedOn is { } since && since <= run.Now - after)
                    {
                        due.Add((id, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"archived in Nexudus since {since:yyyy-MM-dd}")));
                    }

                    continue;
                }

                // Missing from a batch is not proof: only Nexudus answering 404 for the customer is.
                try
                {
                    await nexudus.GetCoworkerAsync(id, cancellationToken).ConfigureAwait(false);
                }
                catch (NexudusNotFoundException)
                {
                    due.Add((id, "deleted in Nexudus"));
                }
            }
        }
        catch (Exception ex) when (ex is NexudusApiException or HttpRequestException or TimeoutException ||
                                   (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            run.Errors.Add(new SyncError { Kind = SyncErrorKind.NexudusRead, Message = $"Reading customers who left Nexudus failed; nobody is erased this run: {ex.Message}" });
            return [];
        }

        if (due.Count == 0)
        {
            return [];
        }

        if (due.Count > options.Safety.MaxRevocations && !run.Flags.AllowMassRevocation)
        {
            SyncLog.ErasuresHeld(logger, due.Count);
            run.Warnings.Add(new SyncWarning
            {
                Kind = SyncWarningKind.ErasuresHeld,
                Message = $"{due.Count} customers are due for erasure (deleted or long archived in Nexudus), more than Safety:MaxRevocations allows in one run; " +
                          "none was erased. Check them, then run with AllowMassRevocation (sync --allow-mass-revocation).",
            });
            return [];
        }

        var siteIds = run.Locations.Select(l => l.Links.SaltoSiteId?.Trim()).OfType<string>().Where(s => s.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var erasures = new List<CustomerErasure>();
        foreach (var (customerId, reason) in due)
        {
            var erasure = await CustomerEraser.EraseCoreAsync(salto, store, siteIds, customerId, reason, run.Flags.DryRun, logger, cancellationToken).ConfigureAwait(false);
            erasures.Add(erasure);
            run.Errors.AddRange(erasure.Sites.Where(s => s.Error is not null).Select(s => new SyncError { Kind = SyncErrorKind.Erasure, SiteId = s.SiteId, Message = s.Error! }));
        }

        return erasures;
    }
}
