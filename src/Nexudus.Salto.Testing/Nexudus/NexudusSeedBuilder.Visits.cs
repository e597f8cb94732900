using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Testing;

// Visitors, booking guests, invoices, check-ins and webhooks.
public sealed partial class NexudusSeedBuilder
{
    /// <summary>Adds an expected visitor of the current location, hosted by a customer.</summary>
    /// <param name="hostEmail">The hosting customer.</param>
    /// <param name="fullName">The visitor's full name.</param>
    /// <param name="expectedArrival">When the visitor is expected (UTC instant).</param>
    /// <param name="approval">Whether the host approved the visit; <see cref="HostApprovalStatus.AcceptedAndGrant"/> lets the visitor in.</param>
    /// <param name="customize">Sets other fields.</param>
    /// <returns>This builder.</returns>
    public NexudusSeedBuilder Visitor(
        string hostEmail, string fullName, DateTimeOffset expectedArrival, HostApprovalStatus approval = HostApprovalStatus.AcceptedAndGrant, Func<Visitor, Visitor>? customize = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fullName);
        var host = FindCustomer(hostEmail);
        Add(new Visitor
        {
            BusinessId = CurrentLocation().Id,
            CoworkerId = host.Id,
            CoworkerFullName = host.FullName,
            FullName = fullName,
            ExpectedArrival = expectedArrival.ToUniversalTime(),
            HostApprovalStatus = approval,
            Arrived = false,
        }, customize);
        return this;
    }

    /// <summary>
    /// Adds a guest to the latest booking of <paramref name="customerEmail"/> (seeded before): a visitor record of the
    /// current location (not approved for a visit of its own) and the booking visitor that links it to the booking.
    /// </summary>
    /// <param name="customerEmail">The customer who booked.</param>
    /// <param name="guestName">The guest's full name.</param>
    /// <returns>This builder.</returns>
    public NexudusSeedBuilder BookingGuest(string customerEmail, string guestName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(guestName);
        var customer = FindCustomer(customerEmail);
        var booking = Records<Booking>().Where(b => b.CoworkerId == customer.Id).MaxBy(b => b.Id)
            ?? throw new InvalidOperationException($"Seed a booking of {customerEmail} before its guests.");
        var visitor = Add(new Visitor
        {
            BusinessId = CurrentLocation().Id,
            CoworkerId = customer.Id,
            CoworkerFullName = customer.FullName,
            FullName = guestName,
            ExpectedArrival = booking.FromTime,
            HostApprovalStatus = HostApprovalStatus.NotRequired,
        }, customize: null);
        Add(new BookingVisitor { BookingId = booking.Id, VisitorId = visitor.Id, VisitorFullName = visitor.FullName }, customize: null);
        return this;
    }

    /// <summary>
    /// Adds an issued, unpaid invoice of a customer at the current location (Nexudus creates invoices itself; the
    /// sandbox seeds them). Use <see cref="NexudusSandbox.PayInvoice"/> to record the payment later.
    /// </summary>
    /// <param name="customerEmail">The invoiced customer.</param>
    /// <param name="invoiceNumber">The invoice number.</param>
    /// <param name="dueDate">When payment is due (UTC instant).</param>
    /// <param name="customize">Sets other fields (<c>Paid</c>, <c>Void</c>, <c>CreditNote</c>, …).</param>
    /// <returns>This builder.</returns>
    public NexudusSeedBuilder Invoice(string customerEmail, string invoiceNumber, DateTimeOffset dueDate, Func<CoworkerInvoice, CoworkerInvoice>? customize = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(invoiceNumber);
        var customer = FindCustomer(customerEmail);
        Add(new CoworkerInvoice
        {
            BusinessId = CurrentLocation().Id,
            CoworkerId = customer.Id,
            InvoiceNumber = invoiceNumber,
            DueDate = dueDate.ToUniversalTime(),
            TotalAmount = 100m,
            PaidAmount = 0m,
            Paid = false,
            Void = false,
            CreditNote = false,
            Draft = false,
        }, customize);
        return this;
    }

    /// <summary>Adds a check-in of a customer at the current location, open unless <paramref name="to"/> is given.</summary>
    /// <param name="customerEmail">The customer.</param>
    /// <param name="from">When they came (UTC instant).</param>
    /// <param name="to">When they left.</param>
    /// <param name="customize">Sets other fields.</param>
    /// <returns>This builder.</returns>
    public NexudusSeedBuilder CheckIn(string customerEmail, DateTimeOffset from, DateTimeOffset? to = null, Func<CheckIn, CheckIn>? customize = null)
    {
        var customer = FindCustomer(customerEmail);
        Add(new CheckIn { BusinessId = CurrentLocation().Id, CoworkerId = customer.Id, FromTime = from, ToTime = to, Source = CheckInSource.Manual }, customize);
        return this;
    }

    /// <summary>Adds an active webhook at the current location.</summary>
    /// <param name="name">The webhook's name.</param>
    /// <param name="action">The event it fires on.</param>
    /// <param name="url">Where it posts.</param>
    /// <param name="customize">Sets other fields.</param>
    /// <returns>This builder.</returns>
    public NexudusSeedBuilder Webhook(string name, WebhookAction action, Uri url, Func<Webhook, Webhook>? customize = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(url);
        Add(new Webhook { BusinessId = CurrentLocation().Id, Name = name, Action = action, Url = url.ToString(), Active = true, ErrorCount = 0 }, customize);
        return this;
    }
}
