namespace Nexudus.Salto.Nexudus;

/// <summary>
/// The Nexudus Spaces admin REST API: the reads an access-control sync needs, plus check-ins and
/// webhooks. Implemented over HTTP by <c>NexudusClient</c> (package Nexudus.Salto); mock this
/// interface, or the client's virtual methods, in tests.
/// </summary>
/// <remarks>
/// <para>
/// Each entity has four reads: <c>List…Async</c> streams every record of a query across pages;
/// <c>Get…PageAsync</c> reads one page and returns the cursor of the next, so long work can resume;
/// <c>Get…Async(id)</c> reads one full record; <c>Get…Async(ids)</c> reads many full records
/// by batch get, in chunks that keep URLs short.
/// </para>
/// <para>
/// List records are partial summaries: collections such as <c>Teams</c>, <c>Desks</c> or
/// <c>TeamMembers</c> are missing. Read by id, by batch, or set <see cref="NexudusQuery.FullRecords"/>.
/// </para>
/// <para>
/// Failures throw <see cref="NexudusApiException"/> or one of its subclasses
/// (<see cref="NexudusNotFoundException"/>, <see cref="NexudusThrottledException"/>,
/// <see cref="NexudusAuthenticationException"/>, <see cref="NexudusValidationException"/>).
/// </para>
/// </remarks>
public partial interface INexudusClient
{
    /// <summary>Lists the locations (businesses) matching <paramref name="query"/>, page after page (<c>GET /api/sys/businesses</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>Every matching record; pages are read as the sequence is enumerated, until the service reports no next page.</returns>
    IAsyncEnumerable<Business> ListBusinessesAsync(BusinessQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of the locations (businesses) matching <paramref name="query"/> (<c>GET /api/sys/businesses</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cursor">The page to read, from a previous page's <see cref="NexudusPage{T}.NextCursor"/>; <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page and the cursor of the next one.</returns>
    Task<NexudusPage<Business>> GetBusinessesPageAsync(BusinessQuery? query = null, NexudusPageCursor? cursor = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one full location record by id (<c>GET /api/sys/businesses/{id}</c>).</summary>
    /// <param name="id">The record's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record, with its collections filled.</returns>
    /// <exception cref="NexudusNotFoundException">No such record.</exception>
    Task<Business> GetBusinessAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Reads full location records by id through batch get (<c>GET /api/sys/businesses/?id=[…]</c>), in chunks.</summary>
    /// <param name="ids">The ids; duplicates are read once.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The records found, in the order the service returned them; ids that do not exist are missing.</returns>
    Task<IReadOnlyList<Business>> GetBusinessesAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default);

    /// <summary>Lists the time zones matching <paramref name="query"/>, page after page (<c>GET /api/sys/simpletimezones</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>Every matching record; pages are read as the sequence is enumerated, until the service reports no next page.</returns>
    IAsyncEnumerable<SimpleTimeZone> ListSimpleTimeZonesAsync(SimpleTimeZoneQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of the time zones matching <paramref name="query"/> (<c>GET /api/sys/simpletimezones</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cursor">The page to read, from a previous page's <see cref="NexudusPage{T}.NextCursor"/>; <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page and the cursor of the next one.</returns>
    Task<NexudusPage<SimpleTimeZone>> GetSimpleTimeZonesPageAsync(SimpleTimeZoneQuery? query = null, NexudusPageCursor? cursor = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one full time zone record by id (<c>GET /api/sys/simpletimezones/{id}</c>).</summary>
    /// <param name="id">The record's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record, with its collections filled.</returns>
    /// <exception cref="NexudusNotFoundException">No such record.</exception>
    Task<SimpleTimeZone> GetSimpleTimeZoneAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Reads full time zone records by id through batch get (<c>GET /api/sys/simpletimezones/?id=[…]</c>), in chunks.</summary>
    /// <param name="ids">The ids; duplicates are read once.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The records found, in the order the service returned them; ids that do not exist are missing.</returns>
    Task<IReadOnlyList<SimpleTimeZone>> GetSimpleTimeZonesAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default);
}
