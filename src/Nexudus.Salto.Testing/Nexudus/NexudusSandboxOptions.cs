using Microsoft.Extensions.Logging;

namespace Nexudus.Salto.Testing;

/// <summary>
/// Settings of a <see cref="NexudusSandbox"/>; read once by <see cref="NexudusSandbox.StartAsync"/>.
/// </summary>
/// <remarks>
/// Where the API notes mark a behaviour unconfirmed, there is a setting here so tests can cover
/// each reading; the defaults follow the most likely one.
/// </remarks>
public sealed class NexudusSandboxOptions
{
    /// <summary>Gets or sets the clock for token lifetimes, rate limits, timestamps and latency faults (so a fake clock must be advanced for a latency fault to end).</summary>
    /// <value>Default <see cref="TimeProvider.System"/>; use a <c>FakeTimeProvider</c> to control time.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets where the sandbox logs (start-up, throttling, refused token requests, served requests at Debug).</summary>
    /// <value>Default <see langword="null"/>: nothing is logged.</value>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Gets or sets the e-mail of the one Nexudus user the sandbox knows (Basic auth and password grant).</summary>
    /// <value>Default <c>admin@sandbox.example</c>.</value>
    public string Username { get; set; } = "admin@sandbox.example";

    /// <summary>Gets or sets that user's password.</summary>
    /// <value>Default <c>sandbox-password</c>.</value>
    public string Password { get; set; } = "sandbox-password";

    /// <summary>
    /// Gets or sets the TOTP code the password grant must carry (<c>totp</c>), as for a user with
    /// two-factor authentication; <see langword="null"/> for a user without it.
    /// </summary>
    /// <value>Default <see langword="null"/>.</value>
    public string? TotpCode { get; set; }

    /// <summary>Gets or sets the access-token lifetime announced in <c>expires_in</c> and enforced.</summary>
    /// <value>Default 604,799 seconds, the documented example (about 7 days).</value>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromSeconds(604_799);

    /// <summary>Gets or sets the refresh-token lifetime.</summary>
    /// <value>Default 15 days, as documented.</value>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(15);

    /// <summary>Gets or sets where the token endpoint reads <c>client_id</c>.</summary>
    /// <value>Default <see cref="NexudusClientIdSources.Both"/>.</value>
    public NexudusClientIdSources ClientIdSources { get; set; } = NexudusClientIdSources.Both;

    /// <summary>Gets or sets whether HTTP Basic credentials are accepted on every endpoint.</summary>
    /// <value>Default <see langword="true"/>, as documented.</value>
    public bool AcceptBasicAuthentication { get; set; } = true;

    /// <summary>
    /// Gets or sets whether an unauthenticated request without <c>Accept: application/json</c>
    /// gets an HTML 401 page instead of a JSON one.
    /// </summary>
    /// <value>Default <see langword="true"/>.</value>
    public bool HtmlUnauthorizedWithoutJsonAccept { get; set; } = true;

    /// <summary>Gets or sets the page size used when a list request has no <c>size</c>.</summary>
    /// <value>Default 25, as documented.</value>
    public int DefaultPageSize { get; set; } = 25;

    /// <summary>
    /// Gets or sets the largest page the sandbox serves; a larger <c>size</c> is cut to this and
    /// the envelope reports the size honoured, so clients must follow <c>HasNextPage</c>.
    /// </summary>
    /// <value>Default 1000 (the live maximum is unconfirmed).</value>
    public int MaxPageSize { get; set; } = 1000;

    /// <summary>Gets or sets which encodings of <c>dir</c> are understood.</summary>
    /// <value>Default <see cref="NexudusSortDirectionEncodings.All"/>.</value>
    public NexudusSortDirectionEncodings SortDirectionEncodings { get; set; } = NexudusSortDirectionEncodings.All;

    /// <summary>
    /// Gets or sets whether a list request with a query parameter the sandbox does not understand
    /// (a misspelt filter, an unparsable range value) fails with 400 instead of being ignored.
    /// </summary>
    /// <value>
    /// Default <see langword="false"/>: ignored, as a server binding query parameters would; turn it
    /// on to catch misspelt filter names in your own tests.
    /// </value>
    public bool RejectUnknownQueryParameters { get; set; }

    /// <summary>Gets or sets how plain date fields with a <c>*Local</c> twin are served and read.</summary>
    /// <value>Default <see cref="NexudusPlainDateReading.Utc"/>.</value>
    public NexudusPlainDateReading PlainDateReading { get; set; } = NexudusPlainDateReading.Utc;

    /// <summary>
    /// Gets or sets whether creating a check-in for a customer needs a valid pass or an active
    /// contract at that location; without one the sandbox answers HTTP 200 with
    /// <c>WasSuccessful: false</c>, as Nexudus does for business-rule failures.
    /// </summary>
    /// <value>Default <see langword="true"/>.</value>
    public bool RequirePassOrContractForCheckIn { get; set; } = true;

    /// <summary>
    /// Gets or sets whether an open check-in (no <c>ToTime</c>) must be dated today in the location's time zone; one
    /// dated another day fails with HTTP 400 and a generic message naming no field, as the live service answers.
    /// </summary>
    /// <value>Default <see langword="true"/>; <see langword="false"/> accepts open check-ins of any day (the older reading).</value>
    public bool OpenCheckInsOnlyToday { get; set; } = true;

    /// <summary>Gets or sets the rate limits.</summary>
    /// <value>Default the documented limits; see <see cref="NexudusRateLimits.Disabled"/>.</value>
    public NexudusRateLimits RateLimits { get; set; } = new();

    /// <summary>
    /// Gets or sets whether a throttling answer (409 or 429 with <c>Retry-After</c>, from <see cref="RateLimits"/> or
    /// from a fault) throttles the whole account: every call that arrives before the announced wait has passed is
    /// refused with 409 and the time left, whatever its path or method.
    /// </summary>
    /// <value>
    /// Default <see langword="true"/>, as live clients observe. <see langword="false"/> is the older reading: only the
    /// call that broke a limit is refused, and the next call is judged on the limits alone.
    /// </value>
    public bool ThrottleBlocksAllCalls { get; set; } = true;

    /// <summary>Gets or sets the first id handed out; ids come from one sequence shared by all entities.</summary>
    /// <value>Default 1,414,000,001, close to real Nexudus ids (which exceed <see cref="int.MaxValue"/> in places).</value>
    public long FirstId { get; set; } = 1_414_000_001;

    /// <summary>
    /// Gets or sets whether changes made through <see cref="NexudusSandbox.Put{T}"/>, <see cref="NexudusSandbox.Remove{T}"/>,
    /// <see cref="NexudusSandbox.CancelBooking"/>, <see cref="NexudusSandbox.SuspendCustomer"/> and
    /// <see cref="NexudusSandbox.ArchiveCustomer"/> are delivered to the active webhook records with the matching action.
    /// </summary>
    /// <value><see langword="true"/>. Deliveries run in the background; <see cref="NexudusSandbox.WhenWebhooksDeliveredAsync"/> awaits them.</value>
    public bool DeliverWebhooks { get; set; } = true;

    /// <summary>
    /// Gets or sets the shared secret deliveries are signed with (<c>X-Nexudus-Hook-Signature</c>). Whether Nexudus signs
    /// webhooks created without an add-on's secret is unconfirmed, so both are possible.
    /// </summary>
    /// <value><see langword="null"/>: deliveries are unsigned.</value>
    public string? WebhookSecret { get; set; }

    /// <summary>Gets or sets after how many failed deliveries a webhook is disabled (the real count is unconfirmed).</summary>
    /// <value>5; at least 1.</value>
    public int WebhookFailuresBeforeDisable { get; set; } = 5;

    /// <summary>Gets or sets how long a delivery waits for the endpoint's answer before it counts as failed.</summary>
    /// <value>10 seconds.</value>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(TimeProvider);
        ArgumentException.ThrowIfNullOrEmpty(Username);
        ArgumentException.ThrowIfNullOrEmpty(Password);
        ArgumentNullException.ThrowIfNull(RateLimits);
        ArgumentOutOfRangeException.ThrowIfLessThan(DefaultPageSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPageSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(AccessTokenLifetime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RefreshTokenLifetime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(FirstId, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(WebhookFailuresBeforeDisable, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(WebhookTimeout, TimeSpan.Zero);
    }

    internal NexudusSandboxOptions Copy() => new()
    {
        TimeProvider = TimeProvider,
        LoggerFactory = LoggerFactory,
        Username = Username,
        Password = Password,
        TotpCode = TotpCode,
        AccessTokenLifetime = AccessTokenLifetime,
        RefreshTokenLifetime = RefreshTokenLifetime,
        ClientIdSources = ClientIdSources,
        AcceptBasicAuthentication = AcceptBasicAuthentication,
        HtmlUnauthorizedWithoutJsonAccept = HtmlUnauthorizedWithoutJsonAccept,
        DefaultPageSize = DefaultPageSize,
        MaxPageSize = MaxPageSize,
        SortDirectionEncodings = SortDirectionEncodings,
        RejectUnknownQueryParameters = RejectUnknownQueryParameters,
        PlainDateReading = PlainDateReading,
        RequirePassOrContractForCheckIn = RequirePassOrContractForCheckIn,
        OpenCheckInsOnlyToday = OpenCheckInsOnlyToday,
        RateLimits = RateLimits.Copy(),
        ThrottleBlocksAllCalls = ThrottleBlocksAllCalls,
        FirstId = FirstId,
        DeliverWebhooks = DeliverWebhooks,
        WebhookSecret = WebhookSecret,
        WebhookFailuresBeforeDisable = WebhookFailuresBeforeDisable,
        WebhookTimeout = WebhookTimeout,
    };
}
