namespace Nexudus.Salto.Nexudus;

// The visitor and booking-guest entity operations of NexudusClient (guest access reads them).
public partial class NexudusClient
{
    /// <inheritdoc/>
    public virtual IAsyncEnumerable<Visitor> ListVisitorsAsync(VisitorQuery? query = null, CancellationToken cancellationToken = default) =>
        ListAsync(NexudusResources.Visitors, query, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<NexudusPage<Visitor>> GetVisitorsPageAsync(VisitorQuery? query = null, NexudusPageCursor? cursor = null, CancellationToken cancellationToken = default) =>
        GetPageAsync(NexudusResources.Visitors, query, cursor, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<Visitor> GetVisitorAsync(long id, CancellationToken cancellationToken = default) =>
        GetByIdAsync(NexudusResources.Visitors, id, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<IReadOnlyList<Visitor>> GetVisitorsAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default) =>
        GetBatchAsync(NexudusResources.Visitors, ids, cancellationToken);

    /// <inheritdoc/>
    public virtual IAsyncEnumerable<BookingVisitor> ListBookingVisitorsAsync(BookingVisitorQuery? query = null, CancellationToken cancellationToken = default) =>
        ListAsync(NexudusResources.BookingVisitors, query, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<NexudusPage<BookingVisitor>> GetBookingVisitorsPageAsync(BookingVisitorQuery? query = null, NexudusPageCursor? cursor = null, CancellationToken cancellationToken = default) =>
        GetPageAsync(NexudusResources.BookingVisitors, query, cursor, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<BookingVisitor> GetBookingVisitorAsync(long id, CancellationToken cancellationToken = default) =>
        GetByIdAsync(NexudusResources.BookingVisitors, id, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<IReadOnlyList<BookingVisitor>> GetBookingVisitorsAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default) =>
        GetBatchAsync(NexudusResources.BookingVisitors, ids, cancellationToken);
}
