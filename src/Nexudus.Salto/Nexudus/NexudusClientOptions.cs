namespace Nexudus.Salto.Nexudus;

/// <summary>
/// Settings of <see cref="NexudusClient"/>, bound from the <c>Nexudus</c> configuration section.
/// </summary>
/// <remarks>
/// <see cref="BaseUrl"/>, <see cref="Username"/>, <see cref="Password"/>, <see cref="ClientId"/> and
/// <see cref="PageSize"/> are the documented configuration keys and keep their names. The rate
/// limits default to the documented Nexudus limits; Nexudus counts them per client, so two
/// processes sharing one account share them too. A call holds its place in the per-minute and
/// per-hour windows from when it is sent until its response arrives.
/// </remarks>
public sealed class NexudusClientOptions
{
    /// <summary>The configuration section these options are read from.</summary>
    public const string SectionName = "Nexudus";

    /// <summary>Gets or sets the base URL of the admin REST API, without the <c>/api</c> part.</summary>
    /// <value>
    /// <c>https://spaces.nexudus.com</c>. Must be <c>https</c>, except on loopback addresses
    /// (sandboxes and tests).
    /// </value>
    public Uri? BaseUrl { get; set; } = new("https://spaces.nexudus.com");

    /// <summary>Gets or sets the email of the Nexudus user the integration signs in as.</summary>
    /// <value>Required; no default.</value>
    public string? Username { get; set; }

    /// <summary>Gets or sets the password of that user. Never logged.</summary>
    /// <value>Required; no default.</value>
    public string? Password { get; set; }

    /// <summary>
    /// Gets or sets the stable <c>client_id</c> sent with token requests. Nexudus keeps one refresh
    /// token per <c>client_id</c>: use one GUID per integration, never shared between processes.
    /// </summary>
    /// <value><see langword="null"/>: not sent, and Nexudus uses the user's email.</value>
    public string? ClientId { get; set; }

    /// <summary>Gets or sets the page size asked for when listing (<c>size</c>).</summary>
    /// <value>500. The server may return fewer; paging always follows <c>HasNextPage</c>.</value>
    public int PageSize { get; set; } = 500;

    /// <summary>Gets or sets how calls are authenticated.</summary>
    /// <value><see cref="NexudusAuthenticationMode.Bearer"/>.</value>
    public NexudusAuthenticationMode AuthenticationMode { get; set; } = NexudusAuthenticationMode.Bearer;

    /// <summary>Gets or sets where token requests carry <see cref="ClientId"/>.</summary>
    /// <value><see cref="NexudusClientIdPlacement.Both"/>.</value>
    public NexudusClientIdPlacement ClientIdPlacement { get; set; } = NexudusClientIdPlacement.Both;

    /// <summary>Gets or sets how the sort direction is written in <c>dir</c>.</summary>
    /// <value><see cref="NexudusSortDirectionFormat.ZeroOne"/> (0 ascending, 1 descending).</value>
    public NexudusSortDirectionFormat SortDirectionFormat { get; set; } = NexudusSortDirectionFormat.ZeroOne;

    /// <summary>
    /// Gets or sets how dates are written in range filters (<c>Nexudus:FilterDateFormat</c>). Dates in
    /// request bodies are always UTC with <c>Z</c>.
    /// </summary>
    /// <value>
    /// <see cref="NexudusFilterDateFormat.SecondsUtc"/> (<c>yyyy-MM-ddTHH:mm:ssZ</c>), as working clients send
    /// them; <see cref="NexudusFilterDateFormat.Minutes"/> is the zoneless documented form, also in UTC.
    /// </value>
    public NexudusFilterDateFormat FilterDateFormat { get; set; } = NexudusFilterDateFormat.SecondsUtc;

    /// <summary>Gets or sets how many ids one batch get asks for, so that URLs stay short.</summary>
    /// <value>100.</value>
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// Gets or sets how long before its expiry the bearer token is renewed. For tokens that live
    /// less than twice this long, renewal starts half-way through their life instead.
    /// </summary>
    /// <value>2 minutes.</value>
    public TimeSpan TokenRefreshLeadTime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Gets or sets how long a refresh token is used before the client goes back to the password grant.
    /// </summary>
    /// <value>15 days, the documented lifetime of Nexudus refresh tokens.</value>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(15);

    /// <summary>
    /// Gets or sets the shortest time between two calls' arrivals at Nexudus (which counts a call when it
    /// arrives); <see cref="TimeSpan.Zero"/> turns it off. How the client keeps arrivals apart without seeing
    /// them is <see cref="MaxTransitSkew"/>.
    /// </summary>
    /// <value>100 milliseconds (the documented "1 per 100 ms").</value>
    public TimeSpan MinRequestInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Gets or sets how much longer one request may take to reach Nexudus than the request sent after it. A call
    /// starts <see cref="MinRequestInterval"/> plus this skew after the previous call started, or
    /// <see cref="MinRequestInterval"/> after the previous call's response when that came sooner; so calls overlap
    /// (up to the sync engine's read concurrency) instead of each waiting for the one before it.
    /// </summary>
    /// <value>
    /// 50 milliseconds by default, which covers ordinary network jitter; a request that is slower still (a new TLS
    /// connection on a slow link) may meet a 409, which the client waits out (<c>Retry-After</c>) and retries.
    /// <see langword="null"/> makes every call wait for the previous calls' responses: never a 409 for pacing, but
    /// calls never overlap, so a full read takes the sum of every response's latency plus the intervals.
    /// </value>
    public TimeSpan? MaxTransitSkew { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Gets or sets how many calls may start in any 60 seconds; 0 turns the limit off.</summary>
    /// <value>120.</value>
    public int MaxRequestsPerMinute { get; set; } = 120;

    /// <summary>Gets or sets how many calls may start in any hour; 0 turns the limit off.</summary>
    /// <value>5000.</value>
    public int MaxRequestsPerHour { get; set; } = 5000;

    /// <summary>Gets or sets how many writes (POST, PUT, DELETE) may start in any 60 seconds; 0 turns the limit off.</summary>
    /// <value>60.</value>
    public int MaxWritesPerMinute { get; set; } = 60;

    /// <summary>Gets or sets how long one attempt of a call may take.</summary>
    /// <value>30 seconds. A read that times out is retried; a create is not, unless it was never sent.</value>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how long a call may take in all, including retries and waits.</summary>
    /// <value>3 minutes.</value>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>
    /// Gets or sets the largest answer body one call reads, in bytes: a larger one fails the call with an error
    /// that says so, instead of exhausting memory.
    /// </summary>
    /// <value>64 MiB (a page of 500 full records is far below it); between 1 KiB and 2 GiB.</value>
    public long MaxResponseBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Gets or sets how many times a failed call is retried; 0 turns retries off.</summary>
    /// <value>4.</value>
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>Gets or sets the first delay of the jittered exponential back-off between retries.</summary>
    /// <value>1 second.</value>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Gets or sets the longest <c>Retry-After</c> the client waits for by itself; a throttled call
    /// asking for a longer wait fails at once with <see cref="NexudusThrottledException"/>.
    /// </summary>
    /// <value>1 minute.</value>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Gets or sets how long the circuit breaker stops calls after too many failures
    /// (half of at least 10 calls within 30 seconds failing with 5xx, 408, 429 or network errors).
    /// </summary>
    /// <value>30 seconds.</value>
    public TimeSpan CircuitBreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}
