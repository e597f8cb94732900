using Microsoft.Extensions.Logging;

namespace Nexudus.Salto.Testing;

/// <summary>Options of a <see cref="SaltoKsSandbox"/>; every reading the API notes leave open is a switch here.</summary>
public sealed class SaltoKsSandboxOptions
{
    /// <summary>Gets or sets the clock for token expiry, the ingestion delay, the post-create window and the request log.</summary>
    /// <value><see cref="TimeProvider.System"/> by default; use a <c>FakeTimeProvider</c> in tests.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets where the sandbox logs served requests (Debug) and injected faults (Information).</summary>
    /// <value><see langword="null"/> (the default) for no logging. Tokens, secrets and passwords are never logged.</value>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Gets or sets the OAuth client id the token endpoint accepts.</summary>
    /// <value><c>sandbox-client</c> by default.</value>
    public string ClientId { get; set; } = "sandbox-client";

    /// <summary>Gets or sets the OAuth client secret the token endpoint accepts.</summary>
    /// <value><c>sandbox-secret</c> by default.</value>
    public string ClientSecret { get; set; } = "sandbox-secret";

    /// <summary>Gets or sets the KS service user's login for the password grant (more can be seeded).</summary>
    /// <value><c>integration@example.com</c> by default.</value>
    public string Username { get; set; } = "integration@example.com";

    /// <summary>Gets or sets the KS service user's password for the password grant.</summary>
    /// <value><c>sandbox-password</c> by default.</value>
    public string Password { get; set; } = "sandbox-password";

    /// <summary>Gets or sets the access tokens' lifetime, sent as <c>expires_in</c>.</summary>
    /// <value>One hour by default, the value clients see in practice (unconfirmed).</value>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Gets or sets whether a refresh grant issues a new refresh token and retires the old one.</summary>
    /// <value><see langword="true"/> by default (IdentityServer's one-time refresh tokens).</value>
    public bool RotateRefreshTokens { get; set; } = true;

    /// <summary>Gets or sets the path prefix of the identity server on the sandbox's host.</summary>
    /// <value><c>identity</c> by default, so the token endpoint is <c>{BaseUrl}identity/connect/token</c>.</value>
    public string IdentityPathPrefix { get; set; } = "identity";

    /// <summary>Gets or sets the most items a list page holds, whatever <c>$top</c> asks for.</summary>
    /// <value>100 by default (SALTO's real caps are unconfirmed).</value>
    public int MaxPageSize { get; set; } = 100;

    /// <summary>Gets or sets the most entries a page holds, and the page size when <c>$top</c> is absent.</summary>
    /// <value>100 by default.</value>
    public int MaxEntryPageSize { get; set; } = 100;

    /// <summary>
    /// Gets the route templates of the lists answered with a bare JSON array instead of the
    /// <c>{items, next_page_link, count}</c> envelope, e.g. <c>/v1.2/sites/{site_id}/users</c>.
    /// </summary>
    /// <value><c>/v1.2/sites</c> and <c>/v1.2/sites/{site_id}/users</c> by default, as captured on the live service.</value>
    public ISet<string> BareArrayLists { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "/v1.2/sites", "/v1.2/sites/{site_id}/users" };

    /// <summary>Gets the scopes the client registration holds; asking for any other fails the whole token request with <c>invalid_scope</c>.</summary>
    /// <value>
    /// <c>user_api.full_access</c> alone by default, as live password-grant clients see it. Add <c>offline_access</c>,
    /// <c>openid</c> and <c>profile</c> for a registration that has them (a refresh token comes with <c>offline_access</c>).
    /// </value>
    public ISet<string> GrantedScopes { get; } = new HashSet<string>(StringComparer.Ordinal) { "user_api.full_access" };

    /// <summary>
    /// Gets or sets whether the tag endpoints (<see cref="TagListPath"/>, <see cref="TagAssignPath"/>,
    /// <see cref="TagUnassignPath"/>) are served; no public capture shows them.
    /// </summary>
    /// <value><see langword="false"/> by default: those paths answer 404, as on the live service as far as known.</value>
    public bool ServeTagEndpoints { get; set; }

    /// <summary>
    /// Gets or sets whether site users show <c>tag_id</c> (the older reading). The tag a person holds always shows as
    /// the platform user's <c>tag_number</c> and the site user's <c>tag_owned_by_this_site</c>.
    /// </summary>
    /// <value><see langword="false"/> by default: no live capture shows <c>tag_id</c> on a site user.</value>
    public bool SiteUsersShowTagId { get; set; }

    /// <summary>
    /// Gets or sets the seats of a site whose subscription was seeded without a <c>user_amount</c>. Creating a user with
    /// every seat taken answers 201 with <c>subscription_state: "suspended"</c>, as the live service does.
    /// </summary>
    /// <value>1,000 by default; <see langword="null"/> for no limit.</value>
    public int? DefaultSeatLimit { get; set; } = 1000;

    /// <summary>
    /// Gets or sets whether creating a user or guest with every seat taken is refused with 403 <c>2212</c> instead of
    /// answered 201 with the user suspended. The live service was captured answering 201 suspended; the refusal is an
    /// older, unconfirmed reading kept for tests of both.
    /// </summary>
    /// <value><see langword="false"/>: 201 with <c>subscription_state: "suspended"</c>, as captured live.</value>
    public bool RefuseUsersWithoutSeat { get; set; }

    /// <summary>
    /// Gets or sets whether <c>PUT …/users/{id}/pin</c> is refused (400 <c>1101</c>) for a user whose <c>use_pin</c> is
    /// off. Live clients always enable it first; what the service answers otherwise is unconfirmed.
    /// </summary>
    /// <value><see langword="true"/>.</value>
    public bool PinRequiresUsePin { get; set; } = true;

    /// <summary>Gets or sets the item shape of <c>GET …/access_groups/{access_group_id}/users</c> (unconfirmed).</summary>
    /// <value><see cref="SaltoKsMemberShape.Flat"/> by default.</value>
    public SaltoKsMemberShape MemberShape { get; set; } = SaltoKsMemberShape.Flat;

    /// <summary>Gets or sets whether <c>eq</c> and <c>contains</c> compare text without regard to case (unconfirmed).</summary>
    /// <value><see langword="true"/> by default, as a SQL back end with default collation would.</value>
    public bool CaseInsensitiveFilters { get; set; } = true;

    /// <summary>Gets or sets how long after it happens an entry becomes visible through the API.</summary>
    /// <value><see cref="TimeSpan.Zero"/> by default; SALTO documents a delay without a number.</value>
    public TimeSpan EntryIngestionDelay { get; set; } = TimeSpan.Zero;

    /// <summary>Gets or sets how many empty pages, each with a continuation token, an entries query gets before its data.</summary>
    /// <value>0 by default. "An empty page with a token is not the end".</value>
    public int EmptyEntryPagesFirst { get; set; }

    /// <summary>
    /// Gets or sets whether the last page of entries still carries a continuation token, so the end
    /// is an empty page without one.
    /// </summary>
    /// <value><see langword="false"/> by default: the last page with data carries no token.</value>
    public bool EntryTokenOnLastPage { get; set; }

    /// <summary>
    /// Gets or sets how long after a user is created through the API calls naming them fail, as SALTO's
    /// eventual consistency makes them do for about a minute.
    /// </summary>
    /// <value><see cref="TimeSpan.Zero"/> (off) by default. Seeded users are never affected.</value>
    public TimeSpan PostCreateConsistencyWindow { get; set; } = TimeSpan.Zero;

    /// <summary>Gets or sets the error answered inside <see cref="PostCreateConsistencyWindow"/>.</summary>
    /// <value><see cref="SaltoKsConsistencyError.NotFound"/> (404 <c>2202</c>) by default.</value>
    public SaltoKsConsistencyError PostCreateConsistencyError { get; set; } = SaltoKsConsistencyError.NotFound;

    /// <summary>Gets or sets a simple rate limit on API calls, answered with 429 and <c>Retry-After</c>.</summary>
    /// <value><see langword="null"/> (no limit) by default: SALTO publishes none.</value>
    public SaltoKsRateLimit? RateLimit { get; set; }

    /// <summary>Gets or sets the most ids one bulk <c>PATCH</c> may carry in <c>add_ids</c> and <c>remove_ids</c> together.</summary>
    /// <value><see langword="null"/> (no limit) by default; beyond it the answer is 400 <c>1101</c>.</value>
    public int? MaxBulkIds { get; set; }

    /// <summary>Gets or sets the route template listing a site's registered tags (unconfirmed; served with <see cref="ServeTagEndpoints"/>).</summary>
    /// <value><c>/v1.1/sites/{site_id}/tags</c> by default; it must contain <c>{site_id}</c>.</value>
    public string TagListPath { get; set; } = "/v1.1/sites/{site_id}/tags";

    /// <summary>
    /// Gets or sets the route template on which <c>POST</c> with <c>{"tag_id": "…"}</c> assigns a tag to a site user
    /// (unconfirmed). A <c>PATCH</c> of the site user with <c>tag_id</c> also assigns (or, with <c>null</c>, clears) it.
    /// </summary>
    /// <value><c>/v1.1/sites/{site_id}/users/{site_user_id}/tags</c> by default; it must contain both placeholders.</value>
    public string TagAssignPath { get; set; } = "/v1.1/sites/{site_id}/users/{site_user_id}/tags";

    /// <summary>Gets or sets the route template on which <c>DELETE</c> unassigns a tag from a site user (unconfirmed).</summary>
    /// <value>
    /// <c>/v1.1/sites/{site_id}/users/{site_user_id}/tags/{tag_id}</c> by default; it must contain the three placeholders.
    /// </value>
    public string TagUnassignPath { get; set; } = "/v1.1/sites/{site_id}/users/{site_user_id}/tags/{tag_id}";

    /// <summary>
    /// Gets or sets whether <c>$filter</c> also accepts <c>or</c> and <c>not</c>, which standard OData has but no
    /// SALTO KS client is known to have used.
    /// </summary>
    /// <value><see langword="false"/> by default: only the documented forms pass, anything else is 400 <c>1102</c>.</value>
    public bool AcceptOrAndNotInFilters { get; set; }

    /// <summary>
    /// Gets or sets whether time-schedule <c>start_date</c>/<c>end_date</c> are read on the site's wall
    /// clock rather than as UTC instants when <see cref="SaltoKsSandbox.CanOpen"/> evaluates them (unconfirmed).
    /// </summary>
    /// <value><see langword="false"/> (UTC) by default.</value>
    public bool ScheduleDatesAreSiteLocal { get; set; }

    /// <summary>A copy taken at start, so changing these options later affects no running sandbox.</summary>
    internal SaltoKsSandboxOptions Snapshot()
    {
        var copy = new SaltoKsSandboxOptions();
        copy.TimeProvider = TimeProvider;
        copy.LoggerFactory = LoggerFactory;
        copy.ClientId = ClientId;
        copy.ClientSecret = ClientSecret;
        copy.Username = Username;
        copy.Password = Password;
        copy.AccessTokenLifetime = AccessTokenLifetime;
        copy.RotateRefreshTokens = RotateRefreshTokens;
        copy.IdentityPathPrefix = IdentityPathPrefix;
        copy.MaxPageSize = MaxPageSize;
        copy.MaxEntryPageSize = MaxEntryPageSize;
        copy.MemberShape = MemberShape;
        copy.CaseInsensitiveFilters = CaseInsensitiveFilters;
        copy.EntryIngestionDelay = EntryIngestionDelay;
        copy.EmptyEntryPagesFirst = EmptyEntryPagesFirst;
        copy.EntryTokenOnLastPage = EntryTokenOnLastPage;
        copy.PostCreateConsistencyWindow = PostCreateConsistencyWindow;
        copy.PostCreateConsistencyError = PostCreateConsistencyError;
        copy.RateLimit = RateLimit;
        copy.MaxBulkIds = MaxBulkIds;
        copy.TagListPath = TagListPath;
        copy.TagAssignPath = TagAssignPath;
        copy.TagUnassignPath = TagUnassignPath;
        copy.AcceptOrAndNotInFilters = AcceptOrAndNotInFilters;
        copy.ScheduleDatesAreSiteLocal = ScheduleDatesAreSiteLocal;
        copy.BareArrayLists.Clear();
        copy.BareArrayLists.UnionWith(BareArrayLists);
        copy.GrantedScopes.Clear();
        copy.GrantedScopes.UnionWith(GrantedScopes);
        copy.ServeTagEndpoints = ServeTagEndpoints;
        copy.SiteUsersShowTagId = SiteUsersShowTagId;
        copy.DefaultSeatLimit = DefaultSeatLimit;
        copy.RefuseUsersWithoutSeat = RefuseUsersWithoutSeat;
        copy.PinRequiresUsePin = PinRequiresUsePin;
        return copy;
    }
}
