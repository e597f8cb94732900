namespace Nexudus.Salto.Nexudus;

// Check-ins and webhook subscriptions: reads, then writes.
public partial interface INexudusClient
{
    /// <summary>Lists the check-ins matching <paramref name="query"/>, page after page (<c>GET /api/spaces/checkins</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>Every matching record; pages are read as the sequence is enumerated, until the service reports no next page.</returns>
    IAsyncEnumerable<CheckIn> ListCheckInsAsync(CheckInQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of the check-ins matching <paramref name="query"/> (<c>GET /api/spaces/checkins</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cursor">The page to read, from a previous page's <see cref="NexudusPage{T}.NextCursor"/>; <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page and the cursor of the next one.</returns>
    Task<NexudusPage<CheckIn>> GetCheckInsPageAsync(CheckInQuery? query = null, NexudusPageCursor? cursor = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one full check-in record by id (<c>GET /api/spaces/checkins/{id}</c>).</summary>
    /// <param name="id">The record's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record, with its collections filled.</returns>
    /// <exception cref="NexudusNotFoundException">No such record.</exception>
    Task<CheckIn> GetCheckInAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Reads full check-in records by id through batch get (<c>GET /api/spaces/checkins/?id=[…]</c>), in chunks.</summary>
    /// <param name="ids">The ids; duplicates are read once.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The records found, in the order the service returned them; ids that do not exist are missing.</returns>
    Task<IReadOnlyList<CheckIn>> GetCheckInsAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default);

    /// <summary>Lists the webhook subscriptions matching <paramref name="query"/>, page after page (<c>GET /api/sys/webhooks</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>Every matching record; pages are read as the sequence is enumerated, until the service reports no next page.</returns>
    IAsyncEnumerable<Webhook> ListWebhooksAsync(WebhookQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of the webhook subscriptions matching <paramref name="query"/> (<c>GET /api/sys/webhooks</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cursor">The page to read, from a previous page's <see cref="NexudusPage{T}.NextCursor"/>; <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page and the cursor of the next one.</returns>
    Task<NexudusPage<Webhook>> GetWebhooksPageAsync(WebhookQuery? query = null, NexudusPageCursor? cursor = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one full webhook record by id (<c>GET /api/sys/webhooks/{id}</c>).</summary>
    /// <param name="id">The record's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record, with its collections filled.</returns>
    /// <exception cref="NexudusNotFoundException">No such record.</exception>
    Task<Webhook> GetWebhookAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Reads full webhook records by id through batch get (<c>GET /api/sys/webhooks/?id=[…]</c>), in chunks.</summary>
    /// <param name="ids">The ids; duplicates are read once.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The records found, in the order the service returned them; ids that do not exist are missing.</returns>
    Task<IReadOnlyList<Webhook>> GetWebhooksAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default);

    /// <summary>Creates a check-in (<c>POST /api/spaces/checkins</c>); the body needs <c>BusinessId</c> and <c>FromTime</c>.</summary>
    /// <param name="checkIn">The check-in; <c>ToTime</c> stays <see langword="null"/> for an open check-in.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The id of the check-in created.</returns>
    /// <remarks>A create is never repeated after a timeout, because Nexudus may have processed it.</remarks>
    /// <exception cref="NexudusValidationException">Nexudus rejected the check-in, also when it answered HTTP 200 with <c>WasSuccessful: false</c>.</exception>
    Task<long> CreateCheckInAsync(CheckIn checkIn, CancellationToken cancellationToken = default);

    /// <summary>
    /// Closes an open check-in: reads the full record, sets <c>ToTime</c> and writes it back
    /// (<c>PUT /api/spaces/checkins</c>), because a PUT replaces the whole record.
    /// </summary>
    /// <param name="checkInId">The id of the check-in.</param>
    /// <param name="checkOutTime">When the customer left.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>A task that completes when the check-in is closed; a check-in that is already closed is left as it is.</returns>
    Task CloseCheckInAsync(long checkInId, DateTimeOffset checkOutTime, CancellationToken cancellationToken = default);

    /// <summary>Creates a webhook subscription (<c>POST /api/sys/webhooks</c>); the body needs <c>BusinessId</c>, <c>Name</c>, <c>Action</c> and <c>URL</c>.</summary>
    /// <param name="webhook">The webhook.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The id of the webhook created.</returns>
    Task<long> CreateWebhookAsync(Webhook webhook, CancellationToken cancellationToken = default);

    /// <summary>Deletes a webhook subscription (<c>DELETE /api/sys/webhooks/{id}</c>).</summary>
    /// <param name="webhookId">The id of the webhook.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the webhook is deleted.</returns>
    Task DeleteWebhookAsync(long webhookId, CancellationToken cancellationToken = default);
}
