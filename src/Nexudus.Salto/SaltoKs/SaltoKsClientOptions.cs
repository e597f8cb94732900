namespace Nexudus.Salto.SaltoKs;

/// <summary>
/// Settings of the SALTO KS Connect client: the configuration section <c>SaltoKs</c>.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="BaseUrl"/>, <see cref="IdentityUrl"/>, <see cref="ClientId"/>, <see cref="ClientSecret"/>,
/// <see cref="Username"/>, <see cref="Password"/> and <see cref="Scope"/> are the documented configuration keys
/// and keep their names. The others tune the client; their defaults suit production.
/// </para>
/// <para>
/// Credentials: set <see cref="Username"/> and <see cref="Password"/> for a service user (password grant), or
/// <see cref="RefreshToken"/> (or a stored one in <see cref="ISaltoKsTokenStore"/>) for tokens from an
/// authorization-code login; or register your own <see cref="ISaltoKsTokenProvider"/>.
/// </para>
/// </remarks>
public sealed class SaltoKsClientOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "SaltoKs";

    /// <summary>Gets or sets the base URL of the Connect API.</summary>
    /// <value>
    /// <c>https://connect.my-clay.com</c> (production) by default; the accept environment is
    /// <c>https://clp-accept-user.my-clay.com</c>. Must be https, except for loopback addresses.
    /// </value>
    public Uri BaseUrl { get; set; } = new("https://connect.my-clay.com");

    /// <summary>Gets or sets the base URL of the identity server; tokens come from <c>{IdentityUrl}/connect/token</c>.</summary>
    /// <value>
    /// <c>https://identity.eu.my-clay.com</c> by default; the accept environment is
    /// <c>https://identity-acc.eu.my-clay.com</c>. Must be https, except for loopback addresses.
    /// </value>
    public Uri IdentityUrl { get; set; } = new("https://identity.eu.my-clay.com");

    /// <summary>Gets or sets the OAuth client id handed out by the local Salto business unit.</summary>
    /// <value>Empty by default; required when the client obtains its own tokens.</value>
    public string ClientId { get; set; } = string.Empty;

    /// <summary>Gets or sets the OAuth client secret, sent with HTTP Basic authentication. A secret: never logged.</summary>
    /// <value>Empty by default; leave empty for a public (PKCE) client, which then sends <c>client_id</c> in the form.</value>
    public string ClientSecret { get; set; } = string.Empty;

    /// <summary>Gets or sets the KS user (e-mail) for the password grant.</summary>
    /// <value><see langword="null"/> by default; set it with <see cref="Password"/> to use the password grant.</value>
    public string? Username { get; set; }

    /// <summary>Gets or sets the KS user's password for the password grant. A secret: never logged.</summary>
    /// <value><see langword="null"/> by default.</value>
    public string? Password { get; set; }

    /// <summary>Gets or sets the scopes to ask for, separated by spaces.</summary>
    /// <value>
    /// <c>user_api.full_access</c> by default, the only scope password-grant clients are seen to ask for. Asking for a
    /// scope the client registration lacks (even <c>offline_access</c> or <c>openid</c>) fails the whole token request
    /// with <c>invalid_scope</c>; without a refresh token, the client simply renews with the password grant.
    /// </value>
    public string Scope { get; set; } = "user_api.full_access";

    /// <summary>
    /// Gets or sets a refresh token from an authorization-code login, used when the token store holds none yet.
    /// A secret: never logged.
    /// </summary>
    /// <value>
    /// <see langword="null"/> by default. Refresh tokens rotate: once used, the newest lives in the
    /// <see cref="ISaltoKsTokenStore"/>, which wins over this value.
    /// </value>
    public string? RefreshToken { get; set; }

    /// <summary>Gets or sets the API version used by each operation.</summary>
    /// <value>v1.1 for most operations and v1.2 where SALTO's clients use it; see <see cref="SaltoKsApiVersions"/>.</value>
    public SaltoKsApiVersions ApiVersions { get; set; } = new();

    /// <summary>Gets or sets how tags are listed, assigned and unassigned (the endpoints are unconfirmed).</summary>
    /// <value>Tags listed at <c>sites/{site_id}/tags</c> and assigned through the user's <c>tag_id</c>; see <see cref="SaltoKsTagEndpoints"/>.</value>
    public SaltoKsTagEndpoints Tags { get; set; } = new();

    /// <summary>Gets or sets the page size asked for in lists (<c>$top</c>), or <see langword="null"/> to leave it to the service.</summary>
    /// <value>
    /// <see langword="null"/> by default: the service's page size, following <c>next_page_link</c>. When set, a full
    /// page without a <c>next_page_link</c> is followed with <c>$skip</c>, so no item is lost either way.
    /// </value>
    public int? ListPageSize { get; set; }

    /// <summary>Gets or sets the page size of entry reads (<c>$top</c>).</summary>
    /// <value>100 by default.</value>
    public int EntriesPageSize { get; set; } = 100;

    /// <summary>Gets or sets how an entry read for several locks is narrowed to those locks.</summary>
    /// <value>
    /// <see cref="SaltoKsEntryLockFilterMode.FilterLocally"/> by default, which relies only on filter forms SALTO KS
    /// is known to accept; choose <see cref="SaltoKsEntryLockFilterMode.ODataOr"/> where your tenant accepts <c>or</c>.
    /// </value>
    public SaltoKsEntryLockFilterMode EntryLockFilter { get; set; } = SaltoKsEntryLockFilterMode.FilterLocally;

    /// <summary>Gets or sets how time-schedule dates are written and read (how SALTO KS reads them is unconfirmed).</summary>
    /// <value>
    /// <see cref="SaltoKsScheduleDateMode.Utc"/> by default: instants in UTC with <c>Z</c>. Use
    /// <see cref="SaltoKsScheduleDateMode.SiteLocal"/> for a tenant that reads them on the site's wall clock.
    /// </value>
    public SaltoKsScheduleDateMode ScheduleDates { get; set; } = SaltoKsScheduleDateMode.Utc;

    /// <summary>
    /// Gets or sets the most ids sent in each of <c>add_ids</c> and <c>remove_ids</c> in one membership <c>PATCH</c>
    /// (the size the client starts with).
    /// </summary>
    /// <value>1,000 by default.</value>
    /// <remarks>
    /// <para>
    /// SALTO KS publishes no maximum (unconfirmed), and asks for bulk calls, so the default aims at one call per
    /// changed group. The client adapts instead of relying on the guess: a call SALTO KS rejects as a whole with
    /// 413, 400 or 404 <c>2202</c> is sent again as two halves, recursively, so an over-large body or one unknown
    /// id never blocks the rest. When both halves of a rejected call are accepted, the client starts later calls
    /// at the half size (it never raises it again) and logs the learned size once at Warning; set this option to
    /// that size to start there.
    /// </para>
    /// <para>The sync engine's <c>AccessSyncOptions.MembershipChunkSize</c> must not exceed this value.</para>
    /// </remarks>
    public int MembershipChunkSize { get; set; } = 1000;

    /// <summary>
    /// Gets or sets how long after creating a user the client retries calls about that user that SALTO KS answers with
    /// <c>2202</c> (not found) or <c>2203</c> (forbidden), which it does for about a minute.
    /// </summary>
    /// <value>2 minutes by default; <see cref="TimeSpan.Zero"/> turns the retries off.</value>
    public TimeSpan PostCreateRetryWindow { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Gets or sets the wait between those post-create retries.</summary>
    /// <value>5 seconds by default.</value>
    public TimeSpan PostCreateRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets how long before an access token expires (by its <c>expires_in</c>) it is refreshed.</summary>
    /// <value>1 minute by default; a token that lives less than twice this is refreshed at half its life.</value>
    public TimeSpan TokenRefreshLeadTime { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets or sets the timeout of one HTTP attempt.</summary>
    /// <value>30 seconds by default.</value>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets the largest answer body one call reads, in bytes: a larger one fails the call with an error
    /// that says so, instead of exhausting memory.
    /// </summary>
    /// <value>64 MiB by default; between 1 KiB and 2 GiB.</value>
    public long MaxResponseBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Gets or sets the timeout of one call, all retries included.</summary>
    /// <value>2 minutes by default.</value>
    public TimeSpan TotalRequestTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Gets or sets how often a call that failed with 429, a 5xx status, a network error or a timeout is retried.
    /// Calls that create something (POST of users, groups, schedules) are never retried this way.
    /// </summary>
    /// <value>3 by default; 0 turns retries off.</value>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>Gets or sets the first back-off delay; later ones grow exponentially, with jitter.</summary>
    /// <value>1 second by default. A <c>Retry-After</c> header, when present, is used instead.</value>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the longest <c>Retry-After</c> the client waits for; a longer one is reported instead (<see cref="SaltoKsThrottledException"/>).</summary>
    /// <value>1 minute by default.</value>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(1);
}
