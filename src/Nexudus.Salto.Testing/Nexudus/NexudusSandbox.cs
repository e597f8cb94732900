using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Testing;

/// <summary>
/// An in-memory emulator of the Nexudus Spaces admin REST API, served over real HTTP on
/// loopback, for testing code that talks to Nexudus without a tenant.
/// </summary>
/// <remarks>
/// <para>
/// It behaves as the API notes document the real service: form-encoded password and refresh
/// grants with rotating refresh tokens, HTTP Basic on every endpoint, 401 (as HTML when the
/// request does not accept JSON), the list envelope with <c>page</c>/<c>size</c> capped at
/// <see cref="NexudusSandboxOptions.MaxPageSize"/>, equality and <c>from_</c>/<c>to_</c> filters,
/// partial records in listings and full ones by id and batch, the write envelope (including
/// <c>WasSuccessful: false</c> on HTTP 200), and <c>409</c> with <c>Retry-After</c> over the rate
/// limits. Where the notes leave a behaviour unconfirmed, <see cref="NexudusSandboxOptions"/>
/// chooses the reading.
/// </para>
/// <para>
/// Fill it with <see cref="Seed"/>, change it between calls with <see cref="Put{T}"/>,
/// <see cref="Remove{T}"/>, <see cref="CancelBooking"/> and <see cref="ArchiveCustomer"/>, break it
/// with <see cref="Faults"/> and watch it with <see cref="Requests"/>. All members are thread-safe.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// await using var sandbox = await NexudusSandbox.StartAsync();
/// var seed = sandbox.Seed(b => b
///     .Location("Central", TimeZoneInfo.FindSystemTimeZoneById("Europe/London"))
///     .Customer("sam@example.com", "Sam Example")
///     .Pass("Day Pass")
///     .CustomerPass("sam@example.com", "Day Pass"));
/// // point your client at sandbox.BaseUrl with sandbox.Username / sandbox.Password
/// </code>
/// </example>
public sealed class NexudusSandbox : IAsyncDisposable
{
    private readonly LoopbackServer _host;
    private readonly NexudusStore _store;
    private readonly NexudusTokenAuthority _tokens;
    private readonly NexudusSandboxOptions _options;
    private readonly NexudusWebhookDispatcher _webhooks;
    private int _disposed;

    private NexudusSandbox(
        LoopbackServer host, NexudusStore store, NexudusTokenAuthority tokens, NexudusSandboxOptions options, SandboxFaults faults, SandboxRequestLog requests,
        NexudusWebhookDispatcher webhooks)
    {
        _webhooks = webhooks;
        _host = host;
        _store = store;
        _tokens = tokens;
        _options = options;
        Faults = faults;
        Requests = requests;
    }

    /// <summary>Gets the root URL to give a client as its Nexudus base URL (<c>http://127.0.0.1:{port}/</c>); paths start with <c>api/</c>.</summary>
    public Uri BaseUrl => _host.BaseUrl;

    /// <summary>Gets the e-mail of the sandbox's user, for Basic auth and the password grant.</summary>
    public string Username => _options.Username;

    /// <summary>Gets the password of the sandbox's user.</summary>
    public string Password => _options.Password;

    /// <summary>
    /// Gets the fault rules: failures to play on matching requests, for example
    /// <c>sandbox.Faults.Add(SandboxFaultRule.On("GET", "/api/spaces/coworkers", SandboxFault.HtmlError(503)).ForNextCalls(2))</c>;
    /// <see cref="NexudusFaults"/> builds Nexudus-shaped ones.
    /// </summary>
    public SandboxFaults Faults { get; }

    /// <summary>Gets the request log and its counters (calls per route, writes, throttles served).</summary>
    public SandboxRequestLog Requests { get; }

    /// <summary>Starts a sandbox on a free loopback port.</summary>
    /// <param name="options">The settings; <see langword="null"/> for the defaults. Read once, here.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running sandbox; dispose it to stop it.</returns>
    public static async Task<NexudusSandbox> StartAsync(NexudusSandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        var settings = (options ?? new NexudusSandboxOptions()).Copy();
        settings.Validate();
        var loggerFactory = settings.LoggerFactory ?? NullLoggerFactory.Instance;
        var logger = loggerFactory.CreateLogger<NexudusSandbox>();
        var store = new NexudusStore(settings.TimeProvider, settings.Username, settings.FirstId);
        var wire = new NexudusWire(store, settings.PlainDateReading);
        var tokens = new NexudusTokenAuthority(settings.TimeProvider, settings.AccessTokenLifetime, settings.RefreshTokenLifetime);
        var faults = new SandboxFaults();
        var requests = new SandboxRequestLog();
        var webhooks = new NexudusWebhookDispatcher(store, wire, settings);
        var handler = new NexudusRequestHandler(settings, store, wire, tokens, logger, webhooks);
        var traffic = new SandboxTraffic(requests, faults, settings.TimeProvider, NexudusRequestHandler.IsWrite, logger);
        var host = await LoopbackServer.StartAsync(
            _ => { },
            app =>
            {
                app.Use(traffic.StampArrivalAsync);
                app.UseRouting();
                app.Use(handler.ObserveThrottlingAsync);
                app.Use(traffic.InvokeAsync);
                handler.Map(app);
            },
            cancellationToken).ConfigureAwait(false);
        NexudusSandboxLog.Started(logger, host.BaseUrl);
        return new NexudusSandbox(host, store, tokens, settings, faults, requests, webhooks);
    }

    /// <summary>
    /// Adds consistent seed data built with a fluent <see cref="NexudusSeedBuilder"/>; may be called
    /// again, and later calls can refer to records of earlier ones by name or e-mail.
    /// </summary>
    /// <param name="build">Describes the records.</param>
    /// <returns>The records added or changed, with their ids.</returns>
    public NexudusSeed Seed(Action<NexudusSeedBuilder> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        return _store.Locked(store =>
        {
            var builder = new NexudusSeedBuilder(store, _options.TimeProvider.GetUtcNow(), _options.Username);
            build(builder);
            return builder.Commit();
        });
    }

    /// <summary>
    /// Adds or replaces a record, as an administrator editing it in the dashboard would: a zero
    /// <see cref="NexudusEntity.Id"/> gets a new id; <c>UpdatedOn</c> is set to now. The change fires the webhooks of
    /// the record's location, as a write through the REST API does.
    /// </summary>
    /// <typeparam name="T">A Nexudus model the sandbox serves (<see cref="Booking"/>, <see cref="Coworker"/>, …).</typeparam>
    /// <param name="record">The record; the whole record is stored, as with PUT.</param>
    /// <returns>The record as stored, with its id and timestamps.</returns>
    public T Put<T>(T record)
        where T : NexudusEntity
    {
        ArgumentNullException.ThrowIfNull(record);
        _ = NexudusEntityKind.For(record.GetType());
        var created = record.Id == 0 || _store.Get(record.GetType(), record.Id) is null;
        var stored = _store.Put(record);
        _webhooks.Raise(NexudusWebhookDispatcher.ActionOf(stored, created ? NexudusChange.Create : NexudusChange.Update), stored);
        return stored;
    }

    /// <summary>Gets a record by id, as stored (full, in UTC).</summary>
    /// <typeparam name="T">The model type.</typeparam>
    /// <param name="id">The id.</param>
    /// <returns>The record, or <see langword="null"/>.</returns>
    public T? Get<T>(long id)
        where T : NexudusEntity
    {
        _ = NexudusEntityKind.For(typeof(T));
        return _store.Get<T>(id);
    }

    /// <summary>Gets every record of a type, in id order; for assertions such as "one check-in was created".</summary>
    /// <typeparam name="T">The model type.</typeparam>
    /// <returns>A snapshot of the records.</returns>
    public IReadOnlyList<T> GetAll<T>()
        where T : NexudusEntity
    {
        _ = NexudusEntityKind.For(typeof(T));
        return _store.All<T>();
    }

    /// <summary>Removes a record without trace (for bookings, prefer <see cref="CancelBooking"/>).</summary>
    /// <typeparam name="T">The model type.</typeparam>
    /// <param name="id">The id.</param>
    /// <returns>Whether a record was removed.</returns>
    public bool Remove<T>(long id)
        where T : NexudusEntity
    {
        _ = NexudusEntityKind.For(typeof(T));
        var record = _store.Get<T>(id);
        var removed = _store.Remove(typeof(T), id);
        if (removed && record is not null)
        {
            _webhooks.Raise(NexudusWebhookDispatcher.ActionOf(record, NexudusChange.Delete), record);
        }

        return removed;
    }

    /// <summary>Cancels a booking as Nexudus does: it leaves the bookings list and appears among the cancelled bookings.</summary>
    /// <param name="bookingId">The booking's id.</param>
    /// <param name="reason">The cancellation reason recorded.</param>
    /// <returns>The cancelled booking (same id and <c>UniqueId</c>).</returns>
    /// <exception cref="ArgumentException">No booking has that id.</exception>
    public CancelledBooking CancelBooking(long bookingId, BookingCancellationReason reason = BookingCancellationReason.NoLongerNeeded)
    {
        var booking = _store.Get<Booking>(bookingId)
            ?? throw new ArgumentException($"No booking has id {bookingId}.", nameof(bookingId));
        var cancelled = NexudusBookingCancellation.Cancel(_store, booking, reason);
        _webhooks.Raise(WebhookAction.BookingDelete, booking);
        return cancelled;
    }

    /// <summary>
    /// Marks an invoice fully paid, as a payment recorded in Nexudus does (<c>Paid</c>, <c>PaidOn</c>, <c>PaidAmount</c>),
    /// and fires <see cref="WebhookAction.CoworkerInvoicePaid"/>.
    /// </summary>
    /// <param name="invoiceId">The invoice's id.</param>
    /// <param name="paidOn">When it was paid (UTC instant).</param>
    /// <returns>The invoice as stored.</returns>
    /// <exception cref="ArgumentException">No invoice has that id.</exception>
    public CoworkerInvoice PayInvoice(long invoiceId, DateTimeOffset paidOn)
    {
        var paid = _store.Locked(store =>
        {
            var invoice = store.Get<CoworkerInvoice>(invoiceId)
                ?? throw new ArgumentException($"No invoice has id {invoiceId}.", nameof(invoiceId));
            return store.Put(invoice with { Paid = true, PaidOn = paidOn.ToUniversalTime(), PaidAmount = invoice.TotalAmount });
        });
        _webhooks.Raise(WebhookAction.CoworkerInvoicePaid, paid);
        return paid;
    }

    /// <summary>Archives a customer (<c>Archived = true</c>), which ends their access.</summary>
    /// <param name="customerId">The customer's id.</param>
    /// <returns>The customer as stored.</returns>
    /// <exception cref="ArgumentException">No customer has that id.</exception>
    public Coworker ArchiveCustomer(long customerId) => ChangeCustomer(customerId, c => c with { Archived = true });

    /// <summary>Suspends a customer (<c>Active = false</c>, "Suspended" in the dashboard), which ends their access.</summary>
    /// <param name="customerId">The customer's id.</param>
    /// <returns>The customer as stored.</returns>
    /// <exception cref="ArgumentException">No customer has that id.</exception>
    public Coworker SuspendCustomer(long customerId) => ChangeCustomer(customerId, c => c with { Active = false });

    /// <summary>
    /// Delivers a webhook now, as Nexudus does, to every active webhook record with <paramref name="action"/> at the
    /// record's location (a webhook record without one gets every location's; a record that names none goes to all): a POST of
    /// <c>[record]</c> in the REST shape, signed when <see cref="NexudusSandboxOptions.WebhookSecret"/> is set. Failures
    /// are recorded on the webhook record (<c>LastError</c>, <c>ErrorCount</c>, disabled after repeated failures).
    /// </summary>
    /// <param name="action">The action.</param>
    /// <param name="record">The record the event is about.</param>
    /// <param name="cancellationToken">Cancels the deliveries.</param>
    /// <returns>One result per webhook delivered to.</returns>
    public Task<IReadOnlyList<NexudusWebhookDelivery>> DeliverWebhookAsync(WebhookAction action, NexudusEntity record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return _webhooks.DeliverAsync(action, record, cancellationToken);
    }

    /// <summary>Waits until every webhook delivery the sandbox started for a change has been answered (or has failed).</summary>
    /// <param name="cancellationToken">Stops waiting (the deliveries go on).</param>
    /// <returns>A task that completes when no delivery is in flight.</returns>
    public Task WhenWebhooksDeliveredAsync(CancellationToken cancellationToken = default) => _webhooks.WhenDeliveredAsync().WaitAsync(cancellationToken);

    /// <summary>Expires every access token issued so far; the next call with one gets 401, as after a token's lifetime.</summary>
    public void ExpireAccessTokens() => _tokens.ExpireAccessTokens();

    /// <summary>Invalidates every refresh token, so only the password grant works again (as after 15 days).</summary>
    public void RevokeRefreshTokens() => _tokens.RevokeRefreshTokens();

    /// <summary>Stops the server and releases its port.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _webhooks.WhenDeliveredAsync().ConfigureAwait(false);
            _webhooks.Dispose();
            await _host.DisposeAsync().ConfigureAwait(false);
        }
    }

    private Coworker ChangeCustomer(long customerId, Func<Coworker, Coworker> change)
    {
        var changed = _store.Locked(store =>
        {
            var customer = store.Get<Coworker>(customerId)
                ?? throw new ArgumentException($"No customer has id {customerId}.", nameof(customerId));
            return store.Put(change(customer));
        });
        _webhooks.Raise(WebhookAction.CoworkerUpdate, changed);
        return changed;
    }
}
