namespace Nexudus.Salto.Nexudus;

// Desks, resources, bookings and cancelled bookings.
public partial interface INexudusClient
{
    /// <summary>Lists the floor-plan desks, offices and rooms matching <paramref name="query"/>, page after page (<c>GET /api/sys/floorplandesks</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>Every matching record; pages are read as the sequence is enumerated, until the service reports no next page.</returns>
    IAsyncEnumerable<FloorPlanDesk> ListFloorPlanDesksAsync(FloorPlanDeskQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of the floor-plan desks, offices and rooms matching <paramref name="query"/> (<c>GET /api/sys/floorplandesks</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cursor">The page to read, from a previous page's <see cref="NexudusPage{T}.NextCursor"/>; <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page and the cursor of the next one.</returns>
    Task<NexudusPage<FloorPlanDesk>> GetFloorPlanDesksPageAsync(FloorPlanDeskQuery? query = null, NexudusPageCursor? cursor = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one full floor-plan item record by id (<c>GET /api/sys/floorplandesks/{id}</c>).</summary>
    /// <param name="id">The record's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record, with its collections filled.</returns>
    /// <exception cref="NexudusNotFoundException">No such record.</exception>
    Task<FloorPlanDesk> GetFloorPlanDeskAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Reads full floor-plan item records by id through batch get (<c>GET /api/sys/floorplandesks/?id=[…]</c>), in chunks.</summary>
    /// <param name="ids">The ids; duplicates are read once.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The records found, in the order the service returned them; ids that do not exist are missing.</returns>
    Task<IReadOnlyList<FloorPlanDesk>> GetFloorPlanDesksAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default);

    /// <summary>Lists the bookable resources matching <paramref name="query"/>, page after page (<c>GET /api/spaces/resources</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>Every matching record; pages are read as the sequence is enumerated, until the service reports no next page.</returns>
    IAsyncEnumerable<Resource> ListResourcesAsync(ResourceQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of the bookable resources matching <paramref name="query"/> (<c>GET /api/spaces/resources</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cursor">The page to read, from a previous page's <see cref="NexudusPage{T}.NextCursor"/>; <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page and the cursor of the next one.</returns>
    Task<NexudusPage<Resource>> GetResourcesPageAsync(ResourceQuery? query = null, NexudusPageCursor? cursor = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one full resource record by id (<c>GET /api/spaces/resources/{id}</c>).</summary>
    /// <param name="id">The record's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record, with its collections filled.</returns>
    /// <exception cref="NexudusNotFoundException">No such record.</exception>
    Task<Resource> GetResourceAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Reads full resource records by id through batch get (<c>GET /api/spaces/resources/?id=[…]</c>), in chunks.</summary>
    /// <param name="ids">The ids; duplicates are read once.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The records found, in the order the service returned them; ids that do not exist are missing.</returns>
    Task<IReadOnlyList<Resource>> GetResourcesAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default);

    /// <summary>Lists the bookings (cancelled ones are not listed) matching <paramref name="query"/>, page after page (<c>GET /api/spaces/bookings</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>Every matching record; pages are read as the sequence is enumerated, until the service reports no next page.</returns>
    IAsyncEnumerable<Booking> ListBookingsAsync(BookingQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of the bookings (cancelled ones are not listed) matching <paramref name="query"/> (<c>GET /api/spaces/bookings</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cursor">The page to read, from a previous page's <see cref="NexudusPage{T}.NextCursor"/>; <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page and the cursor of the next one.</returns>
    Task<NexudusPage<Booking>> GetBookingsPageAsync(BookingQuery? query = null, NexudusPageCursor? cursor = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one full booking record by id (<c>GET /api/spaces/bookings/{id}</c>).</summary>
    /// <param name="id">The record's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record, with its collections filled.</returns>
    /// <exception cref="NexudusNotFoundException">No such record.</exception>
    Task<Booking> GetBookingAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Reads full booking records by id through batch get (<c>GET /api/spaces/bookings/?id=[…]</c>), in chunks.</summary>
    /// <param name="ids">The ids; duplicates are read once.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The records found, in the order the service returned them; ids that do not exist are missing.</returns>
    Task<IReadOnlyList<Booking>> GetBookingsAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default);

    /// <summary>Lists the cancelled bookings matching <paramref name="query"/>, page after page (<c>GET /api/spaces/cancelledbookings</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>Every matching record; pages are read as the sequence is enumerated, until the service reports no next page.</returns>
    IAsyncEnumerable<CancelledBooking> ListCancelledBookingsAsync(CancelledBookingQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of the cancelled bookings matching <paramref name="query"/> (<c>GET /api/spaces/cancelledbookings</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cursor">The page to read, from a previous page's <see cref="NexudusPage{T}.NextCursor"/>; <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page and the cursor of the next one.</returns>
    Task<NexudusPage<CancelledBooking>> GetCancelledBookingsPageAsync(CancelledBookingQuery? query = null, NexudusPageCursor? cursor = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one full cancelled booking record by id (<c>GET /api/spaces/cancelledbookings/{id}</c>).</summary>
    /// <param name="id">The record's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record, with its collections filled.</returns>
    /// <exception cref="NexudusNotFoundException">No such record.</exception>
    Task<CancelledBooking> GetCancelledBookingAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Reads full cancelled booking records by id through batch get (<c>GET /api/spaces/cancelledbookings/?id=[…]</c>), in chunks.</summary>
    /// <param name="ids">The ids; duplicates are read once.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The records found, in the order the service returned them; ids that do not exist are missing.</returns>
    Task<IReadOnlyList<CancelledBooking>> GetCancelledBookingsAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default);
}
