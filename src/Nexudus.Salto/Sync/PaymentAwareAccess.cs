using System.Text.Json;
using Microsoft.Extensions.Logging;
using Nexudus.Salto.Entitlements;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.State;

namespace Nexudus.Salto.Sync;

/// <summary>
/// Payment-aware access: a customer with an invoice of a location left unpaid past its due date by more than the
/// location's <see cref="IntegrationLocation.SuspendAfterOverdueDays"/> loses the grants of that location, so the planner
/// removes the memberships the SDK granted for it (the revocation guard applies as to any removal) and adds them back
/// once the invoice is paid.
/// </summary>
/// <remarks>
/// A removal needs a reason in Nexudus: an overdue invoice is one, a failed read of the invoices is not. So when a
/// location's invoices cannot be read, nobody new is suspended there, and nobody the last run suspended is restored
/// either: the suspensions recorded in the state store stay as they were until the invoices can be read again.
/// </remarks>
internal static class PaymentAwareAccess
{
    /// <summary>The state-store value holding the suspensions in force after the last run.</summary>
    public const string StateKey = "nexudus-salto:sync:payment-suspensions";

    /// <summary>Tells whether any location has payment-aware access on.</summary>
    public static bool IsOn(IEnumerable<IntegrationLocation> locations) => locations.Any(l => l.SuspendAfterOverdueDays is not null);

    /// <summary>
    /// Reads the invoices of every location with payment-aware access on and decides who is suspended this run, against
    /// the suspensions the last run recorded.
    /// </summary>
    /// <param name="nexudus">The Nexudus client.</param>
    /// <param name="store">The state store holding the last run's suspensions.</param>
    /// <param name="locations">The locations of this run.</param>
    /// <param name="allLocations">Every configured location: suspensions at those another process syncs are carried over unchanged.</param>
    /// <param name="now">The instant of the run.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public static async Task<PaymentCheck> CheckAsync(
        INexudusClient nexudus, ISyncStateStore store, IReadOnlyList<IntegrationLocation> locations, IReadOnlyList<IntegrationLocation> allLocations, DateTimeOffset now,
        ILogger logger, CancellationToken cancellationToken)
    {
        var previous = await LoadAsync(store, logger, cancellationToken).ConfigureAwait(false);
        var graceByBusiness = locations
            .Where(l => l.SuspendAfterOverdueDays is not null)
            .GroupBy(l => l.Links.NexudusBusinessId)
            .ToDictionary(g => g.Key, g => g.Min(l => l.SuspendAfterOverdueDays!.Value));
        if (graceByBusiness.Count == 0 && previous.Count == 0)
        {
            return new PaymentCheck();
        }

        var inForce = new List<PaymentSuspension>();
        var failures = new List<(long BusinessId, Exception Error)>();
        var unread = new HashSet<long>();
        DateTimeOffset? next = null;
        foreach (var (businessId, grace) in graceByBusiness.OrderBy(g => g.Key))
        {
            List<CoworkerInvoice> invoices;
            try
            {
                // Only invoices already due can be overdue; paid ones are filtered here rather than by a filter name
                // the service may not know.
                invoices = [];
                await foreach (var invoice in nexudus.ListCoworkerInvoicesAsync(
                                   new CoworkerInvoiceQuery { BusinessId = businessId, DueDate = NexudusDateRange.Until(now) }, cancellationToken).ConfigureAwait(false))
                {
                    invoices.Add(invoice);
                }
            }
            catch (Exception ex) when (IsReadFailure(ex, cancellationToken))
            {
                SyncLog.InvoicesUnreadable(logger, businessId, ex);
                failures.Add((businessId, ex));
                unread.Add(businessId);
                inForce.AddRange(previous.Where(p => p.BusinessId == businessId).Select(p => p with { State = PaymentSuspensionState.KeptUnread }));
                continue;
            }

            var (overdue, nextStart) = OverdueInvoices.Evaluate(invoices, businessId, grace, now);
            next = nextStart is null ? next : next is null || nextStart < next ? nextStart : next;
            foreach (var suspension in overdue)
            {
                var known = previous.Any(p => p.BusinessId == businessId && p.CustomerId == suspension.CustomerId);
                inForce.Add(suspension with { State = known ? PaymentSuspensionState.Continuing : PaymentSuspensionState.Started });
            }
        }

        // Another process's locations (a shared store): their suspensions are theirs to change.
        var elsewhere = allLocations.Where(l => l.SuspendAfterOverdueDays is not null).Select(l => l.Links.NexudusBusinessId)
            .Except(locations.Select(l => l.Links.NexudusBusinessId)).ToHashSet();
        var carried = previous.Where(p => elsewhere.Contains(p.BusinessId)).ToList();
        var lifted = previous
            .Where(p => !unread.Contains(p.BusinessId) && !elsewhere.Contains(p.BusinessId) &&
                        !inForce.Any(s => s.BusinessId == p.BusinessId && s.CustomerId == p.CustomerId))
            .Select(p => p with { State = PaymentSuspensionState.Lifted })
            .ToList();
        var changed = !Same(previous, [.. inForce, .. carried]);
        var started = inForce.Count(s => s.State == PaymentSuspensionState.Started);
        SyncLog.PaymentSuspensions(logger, inForce.Count, started, lifted.Count);
        return new PaymentCheck
        {
            InForce = inForce,
            Lifted = lifted,
            Failures = failures,
            NextStart = next,
            ValueToSave = changed ? Value([.. inForce, .. carried]) : null,
        };
    }

    /// <summary>
    /// Takes from <paramref name="desired"/> every grant of a location where the customer is suspended; a membership left
    /// with no grant is dropped. Pure.
    /// </summary>
    public static DesiredAccess Apply(DesiredAccess desired, IReadOnlyCollection<PaymentSuspension> inForce)
    {
        if (inForce.Count == 0)
        {
            return desired;
        }

        var suspended = inForce.Select(s => (s.CustomerId, s.BusinessId)).ToHashSet();
        var memberships = new List<DesiredMembership>(desired.Memberships.Count);
        foreach (var membership in desired.Memberships)
        {
            if (!membership.Grants.Any(g => suspended.Contains((membership.CustomerId, g.BusinessId))))
            {
                memberships.Add(membership);
                continue;
            }

            var kept = membership.Grants.Where(g => !suspended.Contains((membership.CustomerId, g.BusinessId))).ToList();
            if (kept.Count > 0)
            {
                memberships.Add(membership with { Grants = kept, ValidUntil = kept.Any(g => g.ValidUntil is null) ? null : kept.Max(g => g.ValidUntil) });
            }
        }

        return desired with { Memberships = memberships };
    }

    /// <summary>
    /// Ties each removal of a suspended customer from a group the suspension took from them to its overdue invoice (the
    /// removal's lineage). Removals for any other reason are left as they are.
    /// </summary>
    public static AccessPlan Explain(AccessPlan plan, DesiredAccess unsuspended, IReadOnlyCollection<PaymentSuspension> inForce)
    {
        if (inForce.Count == 0 || plan.Removals.Count == 0)
        {
            return plan;
        }

        var removals = plan.Removals.Select(removal =>
        {
            if (removal.CustomerId is not { } customerId ||
                unsuspended.FindMembership(removal.SiteId, removal.GroupId, customerId) is not { } membership)
            {
                return removal;
            }

            var suspension = inForce
                .Where(s => s.CustomerId == customerId && membership.Grants.Any(g => g.BusinessId == s.BusinessId))
                .OrderBy(s => s.OverdueSince)
                .FirstOrDefault();
            return suspension is null ? removal : removal with { Suspension = suspension };
        }).ToList();
        return plan with { Removals = removals };
    }

    /// <summary>Forgets one customer's suspensions (erasure); <see langword="null"/> when the value does not change.</summary>
    public static async Task<KeyValuePair<string, string?>?> ForgetAsync(ISyncStateStore store, long customerId, ILogger logger, CancellationToken cancellationToken)
    {
        var previous = await LoadAsync(store, logger, cancellationToken).ConfigureAwait(false);
        var kept = previous.Where(p => p.CustomerId != customerId).ToList();
        return kept.Count == previous.Count ? null : Value(kept);
    }

    private static KeyValuePair<string, string?> Value(List<PaymentSuspension> inForce) =>
        new(StateKey, inForce.Count == 0
            ? null
            : JsonSerializer.Serialize(
                [.. inForce.Select(s => s with { State = PaymentSuspensionState.Continuing }).OrderBy(s => s.BusinessId).ThenBy(s => s.CustomerId)],
                SyncStateJsonContext.Default.ListPaymentSuspension));

    private static async Task<List<PaymentSuspension>> LoadAsync(ISyncStateStore store, ILogger logger, CancellationToken cancellationToken)
    {
        var json = await store.GetValueAsync(StateKey, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize(json, SyncStateJsonContext.Default.ListPaymentSuspension) ?? [];
        }
        catch (JsonException ex)
        {
            SyncLog.SuspensionsUnreadable(logger, ex);
            return [];
        }
    }

    private static bool Same(List<PaymentSuspension> previous, List<PaymentSuspension> inForce) =>
        previous.Count == inForce.Count &&
        previous.All(p => inForce.Any(s => s.BusinessId == p.BusinessId && s.CustomerId == p.CustomerId && s.InvoiceId == p.InvoiceId));

    private static bool IsReadFailure(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        NexudusApiException or HttpRequestException or TimeoutException or JsonException or Polly.ExecutionRejectedException => true,
        _ => false,
    };
}

/// <summary>Who payment-aware access suspends this run, who it restores, and what it could not read.</summary>
internal sealed record PaymentCheck
{
    /// <summary>Gets the suspensions in force this run (started, continuing, or kept because the invoices were unread).</summary>
    public IReadOnlyList<PaymentSuspension> InForce { get; init; } = [];

    /// <summary>Gets the suspensions the last run recorded that end now.</summary>
    public IReadOnlyList<PaymentSuspension> Lifted { get; init; } = [];

    /// <summary>Gets the locations whose invoices could not be read, with why.</summary>
    public IReadOnlyList<(long BusinessId, Exception Error)> Failures { get; init; } = [];

    /// <summary>Gets the next instant a grace ends, when some invoice is due but not yet overdue long enough.</summary>
    public DateTimeOffset? NextStart { get; init; }

    /// <summary>Gets the state-store value to write when the suspensions changed; <see langword="null"/> when they did not.</summary>
    public KeyValuePair<string, string?>? ValueToSave { get; init; }
}
