using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Sync;

/// <summary>
/// The rule of payment-aware access, on its own so that tools (a health check, a doctor) can say who would lose access
/// and why without running a sync: an invoice counts when it is issued (not a draft), not paid (nor paid in full), not
/// void and not a credit note, and suspends its customer at its location once its due date lies more than the grace
/// behind. Pure: no I/O, no clock.
/// </summary>
public static class OverdueInvoices
{
    /// <summary>Finds the customers of one location that an overdue invoice suspends now, each with their oldest overdue invoice.</summary>
    /// <param name="invoices">The location's invoices; invoices of other locations are ignored.</param>
    /// <param name="businessId">The Nexudus location.</param>
    /// <param name="graceDays">The location's <c>SuspendAfterOverdueDays</c>.</param>
    /// <param name="now">The instant to judge at.</param>
    /// <returns>The suspensions (state <see cref="PaymentSuspensionState.Started"/>), by customer id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="invoices"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="graceDays"/> is negative.</exception>
    public static IReadOnlyList<PaymentSuspension> FindSuspensions(IEnumerable<CoworkerInvoice> invoices, long businessId, int graceDays, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(invoices);
        ArgumentOutOfRangeException.ThrowIfNegative(graceDays);
        return Evaluate(invoices, businessId, graceDays, now).Overdue;
    }

    /// <summary>
    /// The overdue customers of one location, each with their oldest overdue invoice, and the next instant a grace ends
    /// for an invoice that is due but not yet overdue long enough. Pure.
    /// </summary>
    /// <param name="invoices">The location's invoices (others are ignored).</param>
    /// <param name="businessId">The location.</param>
    /// <param name="graceDays">Days past the due date before access is suspended.</param>
    /// <param name="now">The instant of the run.</param>
    internal static (List<PaymentSuspension> Overdue, DateTimeOffset? NextStart) Evaluate(
        IEnumerable<CoworkerInvoice> invoices, long businessId, int graceDays, DateTimeOffset now)
    {
        var grace = TimeSpan.FromDays(graceDays);
        var oldest = new Dictionary<long, CoworkerInvoice>();
        DateTimeOffset? next = null;
        foreach (var invoice in invoices)
        {
            if (invoice.BusinessId != businessId || invoice.CoworkerId is not { } customerId || invoice.DueDate is not { } due || !Outstanding(invoice))
            {
                continue;
            }

            var from = due + grace;
            if (now < from)
            {
                next = next is null || from < next ? from : next;
                continue;
            }

            if (!oldest.TryGetValue(customerId, out var known) || due < known.DueDate || (due == known.DueDate && invoice.Id < known.Id))
            {
                oldest[customerId] = invoice;
            }
        }

        var overdue = oldest
            .OrderBy(o => o.Key)
            .Select(o => new PaymentSuspension
            {
                BusinessId = businessId,
                CustomerId = o.Key,
                InvoiceId = o.Value.Id,
                InvoiceNumber = string.IsNullOrWhiteSpace(o.Value.InvoiceNumber) ? null : o.Value.InvoiceNumber.Trim(),
                OverdueSince = o.Value.DueDate!.Value,
                SuspendedFrom = o.Value.DueDate!.Value + grace,
            })
            .ToList();
        return (overdue, next);
    }

    private static bool Outstanding(CoworkerInvoice invoice) =>
        invoice.Paid != true && invoice.Void != true && invoice.CreditNote != true && invoice.Draft != true &&
        !(invoice.TotalAmount is { } total && invoice.PaidAmount is { } paid && paid >= total);
}
