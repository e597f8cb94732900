namespace Nexudus.Salto.Nexudus;

// Customer invoices, visitors and booking guests.
public partial interface INexudusClient
{
    /// <summary>Lists the customer invoices matching <paramref name="query"/>, page after page (<c>GET /api/billing/coworkerinvoices</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>Every matching record; pages are read as the sequence is enumerated, until the service reports no next page.</returns>
    IAsyncEnumerable<CoworkerInvoice> ListCoworkerInvoicesAsync(CoworkerInvoiceQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of the customer invoices matching <paramref name="query"/> (<c>GET /api/billing/coworkerinvoices</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cursor">The page to read, from a previous page's <see cref="NexudusPage{T}.NextCursor"/>; <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page and the cursor of the next one.</returns>
    Task<NexudusPage<CoworkerInvoice>> GetCoworkerInvoicesPageAsync(CoworkerInvoiceQuery? query = null, NexudusPageCursor? cursor = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one full customer invoice record by id (<c>GET /api/billing/coworkerinvoices/{id}</c>).</summary>
    /// <param name="id">The record's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record, with its collections filled.</returns>
    /// <exception cref="NexudusNotFoundException">No such record.</exception>
    Task<CoworkerInvoice> GetCoworkerInvoiceAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Reads full customer invoice records by id through batch get (<c>GET /api/billing/coworkerinvoices/?id=[…]</c>), in chunks.</summary>
    /// <param name="ids">The ids; duplicates are read once.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The records found, in the order the service returned them; ids that do not exist are missing.</returns>
    Task<IReadOnlyList<CoworkerInvoice>> GetCoworkerInvoicesAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default);

    /// <summary>Lists the visitors matching <paramref name="query"/>, page after page (<c>GET /api/spaces/visitors</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>Every matching record; pages are read as the sequence is enumerated, until the service reports no next page.</returns>
    IAsyncEnumerable<Visitor> ListVisitorsAsync(VisitorQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of the visitors matching <paramref name="query"/> (<c>GET /api/spaces/visitors</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cursor">The page to read, from a previous page's <see cref="NexudusPage{T}.NextCursor"/>; <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page and the cursor of the next one.</returns>
    Task<NexudusPage<Visitor>> GetVisitorsPageAsync(VisitorQuery? query = null, NexudusPageCursor? cursor = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one full visitor record by id (<c>GET /api/spaces/visitors/{id}</c>).</summary>
    /// <param name="id">The record's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record, with its collections filled.</returns>
    /// <exception cref="NexudusNotFoundException">No such record.</exception>
    Task<Visitor> GetVisitorAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Reads full visitor records by id through batch get (<c>GET /api/spaces/visitors/?id=[…]</c>), in chunks.</summary>
    /// <param name="ids">The ids; duplicates are read once.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The records found, in the order the service returned them; ids that do not exist are missing.</returns>
    Task<IReadOnlyList<Visitor>> GetVisitorsAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default);

    /// <summary>Lists the booking guests matching <paramref name="query"/>, page after page (<c>GET /api/spaces/bookingvisitors</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>Every matching record; pages are read as the sequence is enumerated, until the service reports no next page.</returns>
    IAsyncEnumerable<BookingVisitor> ListBookingVisitorsAsync(BookingVisitorQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of the booking guests matching <paramref name="query"/> (<c>GET /api/spaces/bookingvisitors</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cursor">The page to read, from a previous page's <see cref="NexudusPage{T}.NextCursor"/>; <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page and the cursor of the next one.</returns>
    Task<NexudusPage<BookingVisitor>> GetBookingVisitorsPageAsync(BookingVisitorQuery? query = null, NexudusPageCursor? cursor = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one full booking guest record by id (<c>GET /api/spaces/bookingvisitors/{id}</c>).</summary>
    /// <param name="id">The record's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record, with its collections filled.</returns>
    /// <exception cref="NexudusNotFoundException">No such record.</exception>
    Task<BookingVisitor> GetBookingVisitorAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Reads full booking guest records by id through batch get (<c>GET /api/spaces/bookingvisitors/?id=[…]</c>), in chunks.</summary>
    /// <param name="ids">The ids; duplicates are read once.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The records found, in the order the service returned them; ids that do not exist are missing.</returns>
    Task<IReadOnlyList<BookingVisitor>> GetBookingVisitorsAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default);
}
