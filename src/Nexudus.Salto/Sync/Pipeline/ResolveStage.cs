using Microsoft.Extensions.Logging;
using Nexudus.Salto.Entitlements;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.State;

namespace Nexudus.Salto.Sync;

/// <summary>
/// The resolve stage: who should be in which group now (<see cref="EntitlementResolver"/>, pure), then, on a whole run
/// with payment-aware access, who is suspended for an overdue invoice. A failed invoice read changes no one.
/// </summary>
internal sealed class ResolveStage(INexudusClient nexudus, ISyncStateStore store, EntitlementResolver resolver, AccessSyncOptions options, ILogger logger)
{
    /// <summary>Resolves <see cref="SyncRunContext.Snapshot"/> into the run's links, customers and desired access.</summary>
    public async Task ResolveAsync(SyncRunContext run, CancellationToken cancellationToken)
    {
        var snapshot = run.Snapshot;
        run.Links = LinkMapBuilder.Build(run.Locations.Select(l => l.Links), snapshot);
        run.Unsuspended = resolver.Resolve(snapshot, run.Links, run.Now);
        run.Customers = [];
        foreach (var customer in snapshot.Coworkers)
        {
            run.Customers.TryAdd(customer.Id, customer);
        }

        if (run.CreationsOnly)
        {
            // Never started with payment-aware access on: a customer suspended for an overdue invoice gets no user ahead of the invoices.
            run.Desired = run.Unsuspended;
            return;
        }

        // Payment-aware access: overdue customers lose the grants of the location (a failed invoice read changes no one).
        var payments = run.Payments = await PaymentAwareAccess.CheckAsync(nexudus, store, run.Locations, options.Locations, run.Now, logger, cancellationToken)
            .ConfigureAwait(false);
        foreach (var (businessId, error) in payments.Failures)
        {
            if (error is NexudusApiException { Status: 403 or 404 or 405 } refused)
            {
                run.Warnings.Add(new SyncWarning
                {
                    Kind = SyncWarningKind.InvoicesUnavailable,
                    Message = $"Nexudus answered {refused.Status} to the invoices of location {businessId}, so payment-aware access changed no one there this run " +
                              "(the integration user needs the CoworkerInvoice-List role).",
                });
            }
            else
            {
                run.InvoiceReadFailed = true;
                run.Errors.Add(new SyncError
                {
                    Kind = SyncErrorKind.NexudusRead,
                    Message = $"Reading the invoices of location {businessId} from Nexudus failed; nobody there is suspended or restored for payment this run: {error.Message}",
                });
            }
        }

        run.Desired = PaymentAwareAccess.Apply(run.Unsuspended, payments.InForce);
    }
}
