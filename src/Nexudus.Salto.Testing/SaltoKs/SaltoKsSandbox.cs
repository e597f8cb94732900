using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Testing;

/// <summary>
/// An in-memory SALTO KS Connect API and identity server, served over real HTTP on a loopback port,
/// for testing code that talks to SALTO KS without the real service.
/// </summary>
/// <remarks>
/// <para>
/// It behaves as the API notes document the real service, not as any one client expects: list
/// envelopes and page caps, OData <c>$filter</c>/<c>$orderby</c>/<c>$top</c>/<c>$skip</c>, the two
/// user ids (a site-user id used for membership answers 404 <c>2202</c>), bulk membership
/// <c>PATCH</c>, entries with continuation tokens and an ingestion delay, <c>{ErrorCode, Message}</c>
/// errors, and OAuth errors from the token endpoint. Readings the notes leave open are switches on
/// <see cref="SaltoKsSandboxOptions"/>.
/// </para>
/// <para>
/// Seed it with <see cref="Seed"/>, break it with <see cref="Faults"/>, and assert on
/// <see cref="Requests"/> or on the state itself (<see cref="GetAccessGroupMembers"/> and friends).
/// Every member is safe to call while requests are being served.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// await using var sandbox = await SaltoKsSandbox.StartAsync();
/// sandbox.Seed(b => b.Site("site-1", "Central").AccessGroup("group-1", "Members"));
/// // Point a client at sandbox.BaseUrl and sandbox.IdentityUrl with the options' credentials.
/// </code>
/// </example>
public sealed class SaltoKsSandbox : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private readonly SaltoKsSandboxState _state;
    private readonly SaltoKsSandboxOptions _options;
    private readonly SaltoKsTokenIssuer _tokens;

    private SaltoKsSandbox(LoopbackServer server, SaltoKsSandboxState state, SaltoKsSandboxOptions options, SaltoKsTokenIssuer tokens, SandboxRequestLog requests, SandboxFaults faults)
    {
        _server = server;
        _state = state;
        _options = options;
        _tokens = tokens;
        Requests = requests;
        Faults = faults;
        IdentityUrl = new Uri(server.BaseUrl, options.IdentityPathPrefix.Trim('/') + "/");
    }

    /// <summary>Gets the base URL of the Connect API, e.g. <c>http://127.0.0.1:53211/</c>; routes start with <c>v1.1/</c> or <c>v1.2/</c>.</summary>
    public Uri BaseUrl => _server.BaseUrl;

    /// <summary>Gets the identity server's URL, with a trailing slash; the token endpoint is <see cref="TokenEndpoint"/>.</summary>
    /// <value><c>{BaseUrl}identity/</c> unless <see cref="SaltoKsSandboxOptions.IdentityPathPrefix"/> says otherwise.</value>
    public Uri IdentityUrl { get; }

    /// <summary>Gets the token endpoint, <c>{IdentityUrl}connect/token</c>.</summary>
    public Uri TokenEndpoint => new(IdentityUrl, "connect/token");

    /// <summary>Gets the OAuth client id the token endpoint accepts.</summary>
    public string ClientId => _options.ClientId;

    /// <summary>Gets the OAuth client secret the token endpoint accepts.</summary>
    public string ClientSecret => _options.ClientSecret;

    /// <summary>Gets the login of the KS service user the password grant accepts.</summary>
    public string Username => _options.Username;

    /// <summary>Gets the password of the KS service user.</summary>
    public string Password => _options.Password;

    /// <summary>Gets the log of requests served, with counters per route, writes and throttles.</summary>
    public SandboxRequestLog Requests { get; }

    /// <summary>Gets the fault rules injected into requests.</summary>
    public SandboxFaults Faults { get; }

    /// <summary>Starts a sandbox on an ephemeral loopback port.</summary>
    /// <param name="options">The options; the defaults when <see langword="null"/>. Read once, at start.</param>
    /// <param name="cancellationToken">Cancels the start-up.</param>
    /// <returns>The running sandbox; dispose it to stop it.</returns>
    /// <exception cref="ArgumentException">A tag route template lacks a placeholder it needs.</exception>
    public static async Task<SaltoKsSandbox> StartAsync(SaltoKsSandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        options = options?.Snapshot() ?? new SaltoKsSandboxOptions();
        Validate(options);
        ILogger logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger<SaltoKsSandbox>();

        var state = new SaltoKsSandboxState();
        var tokens = new SaltoKsTokenIssuer(options);
        var requests = new SandboxRequestLog();
        var faults = new SandboxFaults();
        var api = new SaltoKsApi(state, options, tokens);
        var traffic = new SandboxTraffic(requests, faults, options.TimeProvider, SaltoKsApi.IsWrite, logger);

        LoopbackServer server = await LoopbackServer.StartAsync(
            _ => { },
            app =>
            {
                app.Use(traffic.StampArrivalAsync);
                app.UseRouting();
                app.Use(traffic.InvokeAsync);
                app.Use(api.GateAsync);
                api.Map(app);
            },
            cancellationToken).ConfigureAwait(false);
        return new SaltoKsSandbox(server, state, options, tokens, requests, faults);
    }

    /// <summary>Adds data; may be called at any time, also between requests of a test.</summary>
    /// <param name="seed">Builds the data.</param>
    /// <returns>This sandbox, for chaining.</returns>
    public SaltoKsSandbox Seed(Action<SaltoKsSeedBuilder> seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        lock (_state.Gate)
        {
            seed(new SaltoKsSeedBuilder(_state, _options));
        }

        return this;
    }

    /// <summary>Records an entry at a lock, as if someone had just used it.</summary>
    /// <param name="siteId">The site.</param>
    /// <param name="lockId">The lock.</param>
    /// <param name="userId">Who; <see langword="null"/> for an unknown tag.</param>
    /// <param name="eventCategory">What happened; <see cref="EntryEventCategory.LockOpened"/> when absent.</param>
    /// <param name="at">When; now on the sandbox's clock when absent. It becomes visible after the ingestion delay.</param>
    /// <returns>The entry as the API will list it.</returns>
    public Entry AddEntry(string siteId, string lockId, PlatformUserId? userId = null, EntryEventCategory? eventCategory = null, DateTimeOffset? at = null)
    {
        lock (_state.Gate)
        {
            return SaltoKsSeedBuilder.AddEntry(
                _state, _options, SiteOf(siteId), lockId, at ?? _options.TimeProvider.GetUtcNow(), userId, eventCategory, null, null, null, null);
        }
    }

    /// <summary>Reads a site's users as the API would list them.</summary>
    /// <param name="siteId">The site.</param>
    /// <returns>The users, in creation order.</returns>
    public IReadOnlyList<SiteUser> GetSiteUsers(string siteId)
    {
        lock (_state.Gate)
        {
            return [.. SiteOf(siteId).Users.Select(u => u.User)];
        }
    }

    /// <summary>Finds a site user by e-mail address, ignoring case and surrounding white space.</summary>
    /// <param name="siteId">The site.</param>
    /// <param name="email">The address.</param>
    /// <returns>The user, or <see langword="null"/>.</returns>
    public SiteUser? FindSiteUserByEmail(string siteId, string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        lock (_state.Gate)
        {
            return SiteOf(siteId).Users.Find(u => string.Equals(u.User.User?.Email, email.Trim(), StringComparison.OrdinalIgnoreCase))?.User;
        }
    }

    /// <summary>Reads the PIN SALTO KS issued last for a user (what the person would type at the door).</summary>
    /// <param name="siteId">The site.</param>
    /// <param name="siteUserId">The site-user id.</param>
    /// <returns>The PIN, or <see langword="null"/> when none was issued or the user is gone.</returns>
    public string? GetUserPin(string siteId, SiteUserId siteUserId)
    {
        lock (_state.Gate)
        {
            return SiteOf(siteId).FindUser(siteUserId)?.Pin;
        }
    }

    /// <summary>Reads a site's access groups.</summary>
    /// <param name="siteId">The site.</param>
    /// <returns>The groups, in creation order.</returns>
    public IReadOnlyList<AccessGroup> GetAccessGroups(string siteId)
    {
        lock (_state.Gate)
        {
            return [.. SiteOf(siteId).Groups.Select(g => g.Group)];
        }
    }

    /// <summary>Reads an access group's members.</summary>
    /// <param name="siteId">The site.</param>
    /// <param name="accessGroupId">The group.</param>
    /// <returns>The members' platform user ids, in the order they joined.</returns>
    public IReadOnlyList<PlatformUserId> GetAccessGroupMembers(string siteId, string accessGroupId)
    {
        lock (_state.Gate)
        {
            return [.. GroupOf(siteId, accessGroupId).Members];
        }
    }

    /// <summary>Reads the locks of an access group.</summary>
    /// <param name="siteId">The site.</param>
    /// <param name="accessGroupId">The group.</param>
    /// <returns>The lock ids.</returns>
    public IReadOnlyList<string> GetAccessGroupLocks(string siteId, string accessGroupId)
    {
        lock (_state.Gate)
        {
            return [.. GroupOf(siteId, accessGroupId).LockIds];
        }
    }

    /// <summary>Reads the time schedules of an access group.</summary>
    /// <param name="siteId">The site.</param>
    /// <param name="accessGroupId">The group.</param>
    /// <returns>The schedules.</returns>
    public IReadOnlyList<TimeSchedule> GetTimeSchedules(string siteId, string accessGroupId)
    {
        lock (_state.Gate)
        {
            return [.. GroupOf(siteId, accessGroupId).Schedules];
        }
    }

    /// <summary>Reads the tags assigned to a site user.</summary>
    /// <param name="siteId">The site.</param>
    /// <param name="siteUserId">The user's site-user id.</param>
    /// <returns>The tag ids, in assignment order.</returns>
    public IReadOnlyList<string> GetUserTags(string siteId, SiteUserId siteUserId)
    {
        lock (_state.Gate)
        {
            UserRecord user = SiteOf(siteId).FindUser(siteUserId) ?? throw new ArgumentException($"No user has site-user id '{siteUserId}'.", nameof(siteUserId));
            return [.. user.TagIds];
        }
    }

    /// <summary>Reads the invitations sent to users created through the API with an e-mail address.</summary>
    /// <returns>The invitations, oldest first.</returns>
    public IReadOnlyList<SaltoKsInvitation> GetInvitations()
    {
        lock (_state.Gate)
        {
            return [.. _state.Invitations];
        }
    }

    /// <summary>
    /// Answers whether a user could open a lock at an instant: subscribed, not blocked, and a member of
    /// a group holding the lock with a time schedule that admits the instant.
    /// </summary>
    /// <param name="siteId">The site.</param>
    /// <param name="userId">The user's platform user id.</param>
    /// <param name="lockId">The lock.</param>
    /// <param name="at">The instant.</param>
    /// <returns><see langword="true"/> if the door would open.</returns>
    /// <remarks>
    /// Weekdays and daily windows are read on the site's wall clock; dates as UTC instants, or on the
    /// wall clock when <see cref="SaltoKsSandboxOptions.ScheduleDatesAreSiteLocal"/> is set. A group with
    /// no time schedule opens nothing.
    /// </remarks>
    public bool CanOpen(string siteId, PlatformUserId userId, string lockId, DateTimeOffset at)
    {
        lock (_state.Gate)
        {
            SiteRecord site = SiteOf(siteId);
            if (site.FindUser(userId) is not { } user ||
                user.User.SubscriptionState != SubscriptionState.Subscribed ||
                user.User.Blocked == true)
            {
                return false;
            }

            DateTime wallClock = SiteTimeZone.ToWallClock(site.Site.TimeZone, at);
            return site.Groups
                .Where(g => g.Members.Contains(userId) && g.LockIds.Contains(lockId, StringComparer.OrdinalIgnoreCase))
                .SelectMany(g => g.Schedules)
                .Any(s => Admits(s, at, wallClock));
        }
    }

    /// <summary>Expires every access token now, as if their lifetime had passed; refresh tokens stay valid.</summary>
    public void ExpireAllTokens() => _tokens.ExpireAll();

    /// <summary>
    /// Issues a refresh token for a KS user, as if an authorization-code login had happened elsewhere,
    /// for testing clients that start from a stored refresh token.
    /// </summary>
    /// <param name="username">The KS user; the options' <see cref="SaltoKsSandboxOptions.Username"/> when absent.</param>
    /// <param name="scope">The granted scope.</param>
    /// <returns>The refresh token.</returns>
    public string IssueRefreshToken(string? username = null, string scope = "user_api.full_access offline_access") =>
        _tokens.IssueRefreshToken(_options.ClientId, username ?? _options.Username, scope);

    /// <summary>Stops the server and releases its port.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static void Validate(SaltoKsSandboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options.TimeProvider, nameof(options.TimeProvider));
        Require(options.TagListPath, nameof(options.TagListPath), "{site_id}");
        Require(options.TagAssignPath, nameof(options.TagAssignPath), "{site_id}", "{site_user_id}");
        Require(options.TagUnassignPath, nameof(options.TagUnassignPath), "{site_id}", "{site_user_id}", "{tag_id}");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxPageSize, 1, nameof(options.MaxPageSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxEntryPageSize, 1, nameof(options.MaxEntryPageSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.EmptyEntryPagesFirst, 0, nameof(options.EmptyEntryPagesFirst));

        static void Require(string template, string name, params string[] placeholders)
        {
            if (string.IsNullOrWhiteSpace(template) || !template.StartsWith('/') ||
                placeholders.Any(p => !template.Contains(p, StringComparison.Ordinal)))
            {
                throw new ArgumentException($"{name} must start with '/' and contain {string.Join(", ", placeholders)}.", name);
            }
        }
    }

    private bool Admits(TimeSchedule schedule, DateTimeOffset at, DateTime wallClock)
    {
        bool day = wallClock.DayOfWeek switch
        {
            DayOfWeek.Monday => schedule.Monday,
            DayOfWeek.Tuesday => schedule.Tuesday,
            DayOfWeek.Wednesday => schedule.Wednesday,
            DayOfWeek.Thursday => schedule.Thursday,
            DayOfWeek.Friday => schedule.Friday,
            DayOfWeek.Saturday => schedule.Saturday,
            _ => schedule.Sunday,
        };
        var time = TimeOnly.FromDateTime(wallClock);
        bool inWindow = time >= (schedule.StartTime ?? TimeOnly.MinValue) && time <= (schedule.EndTime ?? TimeOnly.MaxValue);

        bool inDates;
        if (_options.ScheduleDatesAreSiteLocal)
        {
            // The written wall-clock part of the dates, compared with the site's wall clock.
            inDates = (schedule.StartDate is not { } from || wallClock >= from.DateTime) &&
                      (schedule.EndDate is not { } to || wallClock <= to.DateTime);
        }
        else
        {
            inDates = (schedule.StartDate is not { } from || at >= from) && (schedule.EndDate is not { } to || at <= to);
        }

        return day && inWindow && inDates;
    }

    private SiteRecord SiteOf(string siteId) =>
        _state.FindSite(siteId) ?? throw new ArgumentException($"Site '{siteId}' is not seeded.", nameof(siteId));

    private GroupRecord GroupOf(string siteId, string accessGroupId) =>
        SiteOf(siteId).FindGroup(accessGroupId) ?? throw new ArgumentException($"Access group '{accessGroupId}' is not on site '{siteId}'.", nameof(accessGroupId));
}
