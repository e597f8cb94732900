using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Nexudus.Salto.Diagnostics;
using Polly.Timeout;

namespace Nexudus.Salto.SaltoKs;

/// <summary>
/// The SALTO KS Connect client: <see cref="ISaltoKsClient"/> over HTTP, with per-operation API versions, paging,
/// OData filters, error mapping and the post-create retry window.
/// </summary>
/// <remarks>
/// <para>
/// Register it with <c>services.AddSaltoKsClient(…)</c>, which adds the bearer-token handler, the identity client and
/// the resilience pipeline. The public constructor is for an <see cref="HttpClient"/> you set up yourself; it must
/// already authenticate its requests.
/// </para>
/// <para>
/// Membership changes adapt to SALTO KS's unpublished size limit: a <c>PATCH</c> it rejects as a whole is sent
/// again in halves, and a size SALTO KS shows it accepts becomes the size later calls start with
/// (<see cref="SaltoKsClientOptions.MembershipChunkSize"/> explains when). Clients registered with
/// <c>AddSaltoKsClient</c> share the learned size within their service provider; a client built with the public
/// constructor keeps its own.
/// </para>
/// <para>
/// Every method is <see langword="virtual"/>, and the protected parameterless constructor lets a mocking library
/// derive from the class.
/// </para>
/// </remarks>
public partial class SaltoKsClient : ISaltoKsClient
{
    private const string ContinuationTokenHeader = "CLP-Continuation-Token";

    private readonly HttpClient _httpClient = null!;
    private readonly SaltoKsClientOptions _options = null!;
    private readonly TimeProvider _timeProvider = null!;
    private readonly ILogger _logger = null!;
    private readonly SaltoKsUserCreationLog _creations = null!;
    private readonly SaltoKsMembershipChunkSize _chunkSize = null!;
    private readonly ConcurrentDictionary<string, TimeZoneInfo> _siteZones = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates a client for a mocking library; every call on it fails.</summary>
    protected SaltoKsClient()
    {
    }

    /// <summary>Creates a client over an <see cref="HttpClient"/> that authenticates its own requests.</summary>
    /// <param name="httpClient">The HTTP client; its handlers must add the bearer token (and any resilience).</param>
    /// <param name="options">The settings; checked here.</param>
    /// <param name="timeProvider">The clock for the post-create retry window; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="logger">The logger; none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="httpClient"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> are not valid; the message lists every problem.</exception>
    public SaltoKsClient(HttpClient httpClient, SaltoKsClientOptions options, TimeProvider? timeProvider = null, ILogger<SaltoKsClient>? logger = null)
        : this(
            httpClient,
            Checked(options),
            timeProvider ?? TimeProvider.System,
            logger ?? (ILogger)NullLogger.Instance,
            new SaltoKsUserCreationLog(),
            new SaltoKsMembershipChunkSize())
    {
    }

    internal SaltoKsClient(
        HttpClient httpClient,
        SaltoKsClientOptions options,
        TimeProvider timeProvider,
        ILogger logger,
        SaltoKsUserCreationLog creations,
        SaltoKsMembershipChunkSize chunkSize)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        _httpClient = httpClient;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _creations = creations;
        _chunkSize = chunkSize;
    }

    private SaltoKsApiVersions Versions => _options.ApiVersions;

    /// <inheritdoc/>
    public virtual IAsyncEnumerable<Site> GetSitesAsync(CancellationToken cancellationToken = default) =>
        ListAsync(Route(Versions.Sites).Literal("sites"), SaltoKsJsonContext.Default.Site, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<Site> GetSiteAsync(string siteId, CancellationToken cancellationToken = default) =>
        GetAsync(SiteRoute(Versions.Site, siteId), SaltoKsJsonContext.Default.Site, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<SiteSubscription> GetSiteSubscriptionAsync(string siteId, CancellationToken cancellationToken = default) =>
        GetAsync(SiteRoute(Versions.SiteSubscription, siteId).Literal("subscription"), SaltoKsJsonContext.Default.SiteSubscription, cancellationToken);

    /// <inheritdoc/>
    public virtual IAsyncEnumerable<Role> GetRolesAsync(string siteId, CancellationToken cancellationToken = default) =>
        ListAsync(SiteRoute(Versions.Roles, siteId).Literal("roles"), SaltoKsJsonContext.Default.Role, cancellationToken);

    /// <inheritdoc/>
    public virtual IAsyncEnumerable<SiteUser> GetSiteUsersAsync(string siteId, SaltoKsListQuery? query = null, CancellationToken cancellationToken = default) =>
        ListAsync(WithQuery(SiteRoute(Versions.ListSiteUsers, siteId).Literal("users"), query), SaltoKsJsonContext.Default.SiteUser, cancellationToken);

    /// <inheritdoc/>
    public virtual async Task<IReadOnlyList<SiteUser>> FindSiteUsersByEmailAsync(string siteId, string email, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);

        // No live client filters users by e-mail on the server: the site's users are listed and matched here.
        string wanted = email.Trim();
        var users = new List<SiteUser>();
        await foreach (SiteUser user in GetSiteUsersAsync(siteId, query: null, cancellationToken).ConfigureAwait(false))
        {
            if (string.Equals(user.User?.Email?.Trim(), wanted, StringComparison.OrdinalIgnoreCase))
            {
                users.Add(user);
            }
        }

        return users;
    }

    /// <inheritdoc/>
    public virtual Task<SiteUser> GetSiteUserAsync(string siteId, SiteUserId siteUserId, CancellationToken cancellationToken = default)
    {
        SaltoKsRoute route = SiteUserRoute(Versions.GetSiteUser, siteId, siteUserId);
        return RetryWhileNewAsync(
            _creations.CreatedAt(siteUserId), "GET " + route.Path, ct => GetAsync(route, SaltoKsJsonContext.Default.SiteUser, ct), cancellationToken);
    }

    /// <inheritdoc/>
    public virtual Task<SiteUserCreateResult> CreateSiteUserAsync(string siteId, SiteUserCreateRequest request, CancellationToken cancellationToken = default) =>
        CreateSiteUserAsync(siteId, request, SiteUserCreateLookup.BeforeAndAfterUncertainCreate, cancellationToken);

    /// <inheritdoc/>
    public virtual async Task<SiteUserCreateResult> CreateSiteUserAsync(
        string siteId, SiteUserCreateRequest request, SiteUserCreateLookup lookup, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        SaltoKsRoute route = SiteRoute(Versions.CreateSiteUser, siteId).Literal("users");
        string? email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim();
        if (email is not null && lookup != SiteUserCreateLookup.OnlyAfterUncertainCreate &&
            await FindByEmailAsync(siteId, email, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            SaltoKsLog.SiteUserAlreadyExists(_logger, siteId, existing.Id);
            return new SiteUserCreateResult { User = existing, Outcome = SiteUserCreateOutcome.AlreadyExisted };
        }

        SiteUser created;
        try
        {
            using HttpResponseMessage response = await SendAsync(
                HttpMethod.Post, route, Json(request, SaltoKsJsonContext.Default.SiteUserCreateRequest), retryable: false, cancellationToken: cancellationToken).ConfigureAwait(false);
            created = await ReadAsync(response, route, SaltoKsJsonContext.Default.SiteUser, cancellationToken).ConfigureAwait(false);
        }
        catch (SaltoKsApiException ex) when (email is not null && IsEmailInUse(ex))
        {
            // SALTO KS refuses a second user with the same e-mail (400 1101 "already in use"): the one there is adopted.
            SiteUser? holder = await FindByEmailAsync(siteId, email, cancellationToken).ConfigureAwait(false);
            if (holder is null)
            {
                throw;
            }

            SaltoKsLog.SiteUserAlreadyExists(_logger, siteId, holder.Id);
            return new SiteUserCreateResult { User = holder, Outcome = SiteUserCreateOutcome.AlreadyExisted };
        }
        catch (Exception ex) when (email is not null && IsUncertain(ex, cancellationToken))
        {
            // The POST may have created the user before failing; sending it again could create a second one.
            SaltoKsLog.UncertainCreate(_logger, siteId, ex);
            SiteUser? found = null;
            try
            {
                found = await FindByEmailAsync(siteId, email, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception lookupError) when (lookupError is SaltoKsApiException or HttpRequestException or TimeoutRejectedException)
            {
                // The create's own failure is the one worth reporting.
            }

            if (found is null)
            {
                throw;
            }

            _creations.Record(found, _timeProvider.GetUtcNow(), _options.PostCreateRetryWindow);
            SaltoKsLog.FoundAfterUncertainCreate(_logger, siteId, found.Id);
            return new SiteUserCreateResult { User = found, Outcome = SiteUserCreateOutcome.FoundAfterUncertainCreate };
        }

        _creations.Record(created, _timeProvider.GetUtcNow(), _options.PostCreateRetryWindow);
        SaltoKsLog.SiteUserCreated(_logger, created.Id, created.User?.Id, siteId);
        return new SiteUserCreateResult { User = created, Outcome = SiteUserCreateOutcome.Created };
    }

    /// <inheritdoc/>
    public virtual Task UpdateSiteUserAsync(string siteId, SiteUserId siteUserId, SiteUserUpdateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        SaltoKsRoute route = SiteUserRoute(Versions.UpdateSiteUser, siteId, siteUserId);
        return RetryWhileNewAsync(
            _creations.CreatedAt(siteUserId),
            "PATCH " + route.Path,
            ct => SendAndForgetAsync(HttpMethod.Patch, route, Json(request, SaltoKsJsonContext.Default.SiteUserUpdateRequest), ct),
            cancellationToken);
    }

    /// <inheritdoc/>
    public virtual Task SetSiteUserSubscriptionAsync(string siteId, SiteUserId siteUserId, SubscriptionState state, CancellationToken cancellationToken = default)
    {
        if (state == default)
        {
            throw new ArgumentException("A subscription state is required.", nameof(state));
        }

        SaltoKsRoute route = SiteUserRoute(Versions.SiteUserSubscription, siteId, siteUserId).Literal("subscription");
        var body = new SubscriptionChangeRequest { State = state };
        return RetryWhileNewAsync(
            _creations.CreatedAt(siteUserId),
            "PATCH " + route.Path,
            ct => SendAndForgetAsync(HttpMethod.Patch, route, Json(body, SaltoKsJsonContext.Default.SubscriptionChangeRequest), ct),
            cancellationToken);
    }

    /// <inheritdoc/>
    public virtual Task<bool> DeleteSiteUserAsync(string siteId, SiteUserId siteUserId, CancellationToken cancellationToken = default)
    {
        SaltoKsRoute route = SiteUserRoute(Versions.DeleteSiteUser, siteId, siteUserId);
        return DeleteAsync(route, _creations.CreatedAt(siteUserId), cancellationToken);
    }

    /// <inheritdoc/>
    public virtual IAsyncEnumerable<AccessGroup> GetAccessGroupsAsync(string siteId, SaltoKsListQuery? query = null, CancellationToken cancellationToken = default) =>
        ListAsync(WithQuery(SiteRoute(Versions.AccessGroups, siteId).Literal("access_groups"), query), SaltoKsJsonContext.Default.AccessGroup, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<AccessGroup> GetAccessGroupAsync(string siteId, string accessGroupId, CancellationToken cancellationToken = default) =>
        GetAsync(GroupRoute(Versions.AccessGroups, siteId, accessGroupId), SaltoKsJsonContext.Default.AccessGroup, cancellationToken);

    /// <inheritdoc/>
    public virtual async Task<AccessGroup> CreateAccessGroupAsync(string siteId, AccessGroupCreateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        SaltoKsRoute route = SiteRoute(Versions.AccessGroups, siteId).Literal("access_groups");
        using HttpResponseMessage response = await SendAsync(
            HttpMethod.Post, route, Json(request, SaltoKsJsonContext.Default.AccessGroupCreateRequest), retryable: false, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, route, SaltoKsJsonContext.Default.AccessGroup, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public virtual Task<bool> DeleteAccessGroupAsync(string siteId, string accessGroupId, CancellationToken cancellationToken = default) =>
        DeleteAsync(GroupRoute(Versions.AccessGroups, siteId, accessGroupId), createdAt: null, cancellationToken);

    /// <inheritdoc/>
    public virtual IAsyncEnumerable<AccessGroupMember> GetAccessGroupMembersAsync(string siteId, string accessGroupId, CancellationToken cancellationToken = default) =>
        ListAsync(GroupRoute(Versions.AccessGroupMembers, siteId, accessGroupId).Literal("users"), SaltoKsJsonContext.Default.AccessGroupMember, cancellationToken);

    /// <inheritdoc/>
    public virtual Task AddAccessGroupMemberAsync(string siteId, string accessGroupId, PlatformUserId userId, CancellationToken cancellationToken = default)
    {
        CheckId(userId, nameof(userId));
        SaltoKsRoute route = GroupRoute(Versions.AccessGroupMembers, siteId, accessGroupId).Literal("users");
        var body = new AccessGroupUserAddRequest { UserId = userId };

        // Adding a member is a set operation: repeating it changes nothing, so it may be retried.
        return RetryWhileNewAsync(
            _creations.CreatedAt(userId),
            "POST " + route.Path,
            ct => SendAndForgetAsync(HttpMethod.Post, route, Json(body, SaltoKsJsonContext.Default.AccessGroupUserAddRequest), ct),
            cancellationToken);
    }

    /// <inheritdoc/>
    public virtual Task<bool> RemoveAccessGroupMemberAsync(string siteId, string accessGroupId, PlatformUserId userId, CancellationToken cancellationToken = default)
    {
        CheckId(userId, nameof(userId));
        SaltoKsRoute route = GroupRoute(Versions.AccessGroupMembers, siteId, accessGroupId).Literal("users").Id(userId.Value, nameof(userId));
        return DeleteAsync(route, _creations.CreatedAt(userId), cancellationToken);
    }

    /// <inheritdoc/>
    public virtual async Task<AccessGroupMembersChangeResult> ChangeAccessGroupMembersAsync(
        string siteId, string accessGroupId, AccessGroupUsersChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        SaltoKsRoute route = GroupRoute(Versions.AccessGroupMembers, siteId, accessGroupId).Literal("users");
        List<PlatformUserId> adds = Distinct(change.AddIds, nameof(change));
        List<PlatformUserId> removes = Distinct(change.RemoveIds, nameof(change));
        PlatformUserId[] both = [.. adds.Intersect(removes)];
        if (both.Length > 0)
        {
            throw new ArgumentException(
                $"{both.Length} platform user id(s) are both added and removed, e.g. {both[0]}; decide which before calling.", nameof(change));
        }

        var run = new MembershipChangeRun(siteId, accessGroupId, route);
        await SendMembershipPiecesAsync(run, adds, removes, cancellationToken).ConfigureAwait(false);
        var result = new AccessGroupMembersChangeResult { Chunks = run.Results };
        SaltoKsLog.MembershipChanged(_logger, accessGroupId, siteId, result.AddedIds.Count, result.RemovedIds.Count, run.Calls);
        return result;
    }

    /// <inheritdoc/>
    public virtual IAsyncEnumerable<SaltoLock> GetAccessGroupLocksAsync(string siteId, string accessGroupId, CancellationToken cancellationToken = default) =>
        ListAsync(GroupRoute(Versions.AccessGroupLocks, siteId, accessGroupId).Literal("locks"), SaltoKsJsonContext.Default.SaltoLock, cancellationToken);

    /// <inheritdoc/>
    public virtual Task ChangeAccessGroupLocksAsync(string siteId, string accessGroupId, AccessGroupLocksChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.AddIds.Intersect(change.RemoveIds, StringComparer.OrdinalIgnoreCase).Any())
        {
            throw new ArgumentException("A lock id is both added and removed; decide which before calling.", nameof(change));
        }

        SaltoKsRoute route = GroupRoute(Versions.AccessGroupLocks, siteId, accessGroupId).Literal("locks");
        return SendAndForgetAsync(HttpMethod.Patch, route, Json(change, SaltoKsJsonContext.Default.AccessGroupLocksChange), cancellationToken);
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">
    /// <see cref="SaltoKsClientOptions.ScheduleDates"/> is <see cref="SaltoKsScheduleDateMode.SiteLocal"/> and the
    /// site's <c>time_zone</c> is missing or unknown to this machine.
    /// </exception>
    public virtual IAsyncEnumerable<TimeSchedule> GetTimeSchedulesAsync(string siteId, string accessGroupId, CancellationToken cancellationToken = default)
    {
        IAsyncEnumerable<TimeSchedule> schedules = ListAsync(
            GroupRoute(Versions.TimeSchedules, siteId, accessGroupId).Literal("time_schedules"), SaltoKsJsonContext.Default.TimeSchedule, cancellationToken);
        return _options.ScheduleDates == SaltoKsScheduleDateMode.SiteLocal ? FromSiteWallClockAsync(siteId, schedules, cancellationToken) : schedules;
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">
    /// <see cref="SaltoKsClientOptions.ScheduleDates"/> is <see cref="SaltoKsScheduleDateMode.SiteLocal"/> and the
    /// site's <c>time_zone</c> is missing or unknown to this machine; nothing is sent.
    /// </exception>
    public virtual async Task<TimeSchedule> CreateTimeScheduleAsync(string siteId, string accessGroupId, TimeScheduleRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        SaltoKsRoute route = GroupRoute(Versions.TimeSchedules, siteId, accessGroupId).Literal("time_schedules");
        TimeZoneInfo? siteZone = await ScheduleZoneAsync(siteId, cancellationToken).ConfigureAwait(false);
        using HttpResponseMessage response = await SendAsync(
            HttpMethod.Post, route, ScheduleJson(request, siteZone), retryable: false, cancellationToken: cancellationToken).ConfigureAwait(false);
        TimeSchedule created = await ReadAsync(response, route, SaltoKsJsonContext.Default.TimeSchedule, cancellationToken).ConfigureAwait(false);
        return siteZone is null ? created : FromSiteWallClock(created, siteZone);
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">
    /// <see cref="SaltoKsClientOptions.ScheduleDates"/> is <see cref="SaltoKsScheduleDateMode.SiteLocal"/> and the
    /// site's <c>time_zone</c> is missing or unknown to this machine; nothing is sent.
    /// </exception>
    public virtual async Task UpdateTimeScheduleAsync(
        string siteId, string accessGroupId, string timeScheduleId, TimeScheduleRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        SaltoKsRoute route = GroupRoute(Versions.TimeSchedules, siteId, accessGroupId).Literal("time_schedules").Id(timeScheduleId, nameof(timeScheduleId));
        TimeZoneInfo? siteZone = await ScheduleZoneAsync(siteId, cancellationToken).ConfigureAwait(false);
        await SendAndForgetAsync(HttpMethod.Patch, route, ScheduleJson(request, siteZone), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public virtual Task<bool> DeleteTimeScheduleAsync(string siteId, string accessGroupId, string timeScheduleId, CancellationToken cancellationToken = default) =>
        DeleteAsync(
            GroupRoute(Versions.TimeSchedules, siteId, accessGroupId).Literal("time_schedules").Id(timeScheduleId, nameof(timeScheduleId)),
            createdAt: null,
            cancellationToken);

    /// <inheritdoc/>
    public virtual IAsyncEnumerable<SaltoLock> GetLocksAsync(string siteId, SaltoKsListQuery? query = null, CancellationToken cancellationToken = default) =>
        ListAsync(WithQuery(SiteRoute(Versions.Locks, siteId).Literal("locks"), query), SaltoKsJsonContext.Default.SaltoLock, cancellationToken);

    /// <inheritdoc/>
    public virtual IAsyncEnumerable<Tag> GetTagsAsync(string siteId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(siteId);
        SaltoKsRoute route = Route(Versions.Tags).Template(_options.Tags.ListPath, new Dictionary<string, string> { ["site_id"] = siteId });
        return ListAsync(route, SaltoKsJsonContext.Default.Tag, cancellationToken);
    }

    /// <inheritdoc/>
    public virtual Task AssignTagAsync(string siteId, SiteUserId siteUserId, string tagId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tagId);
        var body = Json(new TagAssignmentRequest { TagId = tagId }, SaltoKsJsonContext.Default.TagAssignmentRequest);
        SaltoKsRoute route = _options.Tags.AssignmentMode == SaltoKsTagAssignmentMode.TagEndpoints
            ? TagRoute(_options.Tags.AssignPath, siteId, siteUserId, tagId)
            : SiteUserRoute(Versions.UpdateSiteUser, siteId, siteUserId);
        HttpMethod method = _options.Tags.AssignmentMode == SaltoKsTagAssignmentMode.TagEndpoints ? HttpMethod.Post : HttpMethod.Patch;
        return RetryWhileNewAsync(
            _creations.CreatedAt(siteUserId), $"{method} {route.Path}", ct => SendAndForgetAsync(method, route, body, ct), cancellationToken);
    }

    /// <inheritdoc/>
    public virtual async Task<bool> UnassignTagAsync(string siteId, SiteUserId siteUserId, string tagId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tagId);
        if (_options.Tags.AssignmentMode == SaltoKsTagAssignmentMode.TagEndpoints)
        {
            return await DeleteAsync(TagRoute(_options.Tags.UnassignPath, siteId, siteUserId, tagId), _creations.CreatedAt(siteUserId), cancellationToken)
                .ConfigureAwait(false);
        }

        // The user holds one tag_id: clear it only if it is still this tag, never a tag assigned since.
        SiteUser user = await GetSiteUserAsync(siteId, siteUserId, cancellationToken).ConfigureAwait(false);
        if (!string.Equals(user.TagId, tagId, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        SaltoKsRoute route = SiteUserRoute(Versions.UpdateSiteUser, siteId, siteUserId);
        await SendAndForgetAsync(
            HttpMethod.Patch, route, Json(new TagAssignmentRequest { TagId = null }, SaltoKsJsonContext.Default.TagAssignmentRequest), cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc/>
    public virtual async IAsyncEnumerable<Entry> GetEntriesAsync(
        string siteId, SaltoKsEntryQuery? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? token = null;
        do
        {
            SaltoKsContinuationPage<Entry> page = await GetEntriesPageAsync(siteId, query, token, cancellationToken).ConfigureAwait(false);
            foreach (Entry entry in page.Items)
            {
                yield return entry;
            }

            // An empty page that hands back the token it was asked with made no progress: stop rather than spin.
            // A caller that needs the rest resumes later through GetEntriesPageAsync.
            if (page.Items.Count == 0 && token is not null && string.Equals(page.ContinuationToken, token, StringComparison.Ordinal))
            {
                yield break;
            }

            token = string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken;
        }
        while (token is not null);
    }

    /// <inheritdoc/>
    public virtual async Task<SaltoKsContinuationPage<Entry>> GetEntriesPageAsync(
        string siteId, SaltoKsEntryQuery? query = null, string? continuationToken = null, CancellationToken cancellationToken = default)
    {
        query ??= new SaltoKsEntryQuery();
        if (query.From is { } from && query.To is { } to && from >= to)
        {
            throw new ArgumentException("The entry query's From must be before its To.", nameof(query));
        }

        if (query.PageSize is <= 0)
        {
            throw new ArgumentException("The entry query's PageSize must be positive.", nameof(query));
        }

        if (continuationToken is not null && continuationToken.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException("A continuation token cannot contain line breaks.", nameof(continuationToken));
        }

        SaltoKsRoute route = SiteRoute(Versions.Entries, siteId).Literal("entries");
        var filters = new List<ODataFilter>();
        if (query.From is { } lower)
        {
            filters.Add(ODataFilter.OnOrAfter("utc_date_time", lower));
        }

        if (query.To is { } upper)
        {
            filters.Add(ODataFilter.Before("utc_date_time", upper));
        }

        string[] lockIds = [.. query.LockIds.Distinct(StringComparer.OrdinalIgnoreCase)];
        if (Array.Exists(lockIds, string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("The entry query's LockIds may not hold an empty id.", nameof(query));
        }

        // SALTO KS is not known to accept "or": several locks are filtered here unless the tenant is known to take it.
        HashSet<string>? keepLocks = lockIds.Length > 1 && _options.EntryLockFilter == SaltoKsEntryLockFilterMode.FilterLocally
            ? new HashSet<string>(lockIds, StringComparer.OrdinalIgnoreCase)
            : null;
        if (lockIds.Length > 0 && keepLocks is null)
        {
            filters.Add(ODataFilter.EqualToAny("lock_id", lockIds));
        }

        route.Query("$filter", filters.Count == 0 ? null : ODataFilter.And(filters).ToString())
            .Query("$orderby", query.Order == SaltoKsSortOrder.Descending ? "utc_date_time desc" : "utc_date_time asc")
            .Query("$top", (query.PageSize ?? _options.EntriesPageSize).ToString(CultureInfo.InvariantCulture));

        using HttpResponseMessage response = await SendAsync(
            HttpMethod.Get, route, content: null, retryable: true, string.IsNullOrEmpty(continuationToken) ? null : continuationToken, cancellationToken)
            .ConfigureAwait(false);
        byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        SaltoKsContinuationPage<Entry> page;
        try
        {
            // A bare array is read too: a page with no token, the last one.
            page = body.AsSpan().TrimStart(" \t\r\n"u8) is [(byte)'[', ..]
                ? new SaltoKsContinuationPage<Entry> { Items = JsonSerializer.Deserialize(body, SaltoKsJsonContext.Default.IReadOnlyListEntry) ?? [] }
                : JsonSerializer.Deserialize(body, SaltoKsJsonContext.Default.SaltoKsContinuationPageEntry) ?? throw new JsonException("The body is null.");
        }
        catch (JsonException ex)
        {
            throw Unreadable(response, route, body, ex);
        }

        return keepLocks is null
            ? page
            : page with { Items = [.. page.Items.Where(e => e.LockId is { } id && keepLocks.Contains(id))] };
    }

    // Cuts the ids into calls of the current size, read again before each call so a size learned on the way applies at once.
    private async Task SendMembershipPiecesAsync(
        MembershipChangeRun run, List<PlatformUserId> adds, List<PlatformUserId> removes, CancellationToken cancellationToken)
    {
        int addsSent = 0, removesSent = 0;
        while (addsSent < adds.Count || removesSent < removes.Count)
        {
            int size = _chunkSize.Current(_options.MembershipChunkSize);
            List<PlatformUserId> pieceAdds = adds.GetRange(addsSent, Math.Min(size, adds.Count - addsSent));
            List<PlatformUserId> pieceRemoves = removes.GetRange(removesSent, Math.Min(size, removes.Count - removesSent));
            addsSent += pieceAdds.Count;
            removesSent += pieceRemoves.Count;
            await SendMembershipCallAsync(run, pieceAdds, pieceRemoves, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Sends one membership call; when SALTO KS rejects it as a whole for its size or for one bad id, sends each
    /// half instead, so the rest of the change still lands.
    /// </summary>
    /// <returns><see langword="true"/> when SALTO KS accepted this very call (not only its halves).</returns>
    private async Task<bool> SendMembershipCallAsync(
        MembershipChangeRun run, List<PlatformUserId> adds, List<PlatformUserId> removes, CancellationToken cancellationToken)
    {
        if (Math.Max(adds.Count, removes.Count) > _chunkSize.Current(_options.MembershipChunkSize))
        {
            // A smaller size was learned since this part was cut: sending it whole would only be rejected again.
            await SendMembershipPiecesAsync(run, adds, removes, cancellationToken).ConfigureAwait(false);
            return false;
        }

        var body = new AccessGroupUsersChange { AddIds = [.. adds], RemoveIds = [.. removes] };
        int call = ++run.Calls;
        try
        {
            await RetryWhileNewAsync(
                _creations.LatestCreatedAt(adds.Concat(removes)),
                "PATCH " + run.Route.Path,
                ct => SendAndForgetAsync(HttpMethod.Patch, run.Route, Json(body, SaltoKsJsonContext.Default.AccessGroupUsersChange), ct),
                cancellationToken).ConfigureAwait(false);
            run.AnyAccepted = true;
            run.Results.Add(new AccessGroupMembersChunkResult { AddIds = body.AddIds, RemoveIds = body.RemoveIds });
            return true;
        }
        catch (SaltoKsApiException ex) when (adds.Count + removes.Count > 1 && IsRejectedAsAWhole(ex, run))
        {
            SaltoKsLog.MembershipCallSplit(_logger, run.AccessGroupId, run.SiteId, ex.Status, ex.ErrorCode, adds.Count, removes.Count);

            // Each list is halved (the first half takes the odd add, the second the odd remove), so both halves hold an id.
            int firstAdds = (adds.Count + 1) / 2, firstRemoves = removes.Count / 2;
            List<PlatformUserId> adds1 = adds.GetRange(0, firstAdds), adds2 = adds.GetRange(firstAdds, adds.Count - firstAdds);
            List<PlatformUserId> removes1 = removes.GetRange(0, firstRemoves), removes2 = removes.GetRange(firstRemoves, removes.Count - firstRemoves);
            bool first = await SendMembershipCallAsync(run, adds1, removes1, cancellationToken).ConfigureAwait(false);
            bool second = await SendMembershipCallAsync(run, adds2, removes2, cancellationToken).ConfigureAwait(false);

            // Both halves accepted as they were: the content was fine, so the size was the problem.
            int half = Math.Max(Math.Max(adds1.Count, adds2.Count), Math.Max(removes1.Count, removes2.Count));
            if (first && second && _chunkSize.TryLower(half))
            {
                SaltoKsLog.MembershipChunkSizeLearned(_logger, half, ex.Status, ex.ErrorCode);
            }

            return false;
        }
        catch (Exception ex) when (ex is SaltoKsApiException or HttpRequestException or TimeoutRejectedException ||
                                   (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // One failed call must not stop the others: each is an independent set operation.
            SaltoKsLog.MembershipCallFailed(_logger, call, run.AccessGroupId, run.SiteId, adds.Count, removes.Count, ex);
            if (adds.Count + removes.Count == 1 && IsUserNotFound(ex))
            {
                run.NotFoundAlone++;
            }

            run.Results.Add(new AccessGroupMembersChunkResult { AddIds = body.AddIds, RemoveIds = body.RemoveIds, Error = ex });
            return false;
        }
    }

    // Rejections that say nothing about whether SALTO KS would take part of the call: too large (413, or a 400 of
    // any code), or one unknown user failing all of it (404 2202). Timeouts, network failures, 401/403, 429 and 5xx
    // are left to the resilience pipeline: their outcome may be unknown, and a smaller call would not help.
    private static bool IsRejectedAsAWhole(SaltoKsApiException exception, MembershipChangeRun run) => exception.Status switch
    {
        413 or 400 => true,

        // A group SALTO KS cannot find answers 404 2202 to every call: once two single ids have failed so before any
        // part of the change was accepted, splitting further would cost about two calls per id for nothing.
        404 => IsUserNotFound(exception) && (run.AnyAccepted || run.NotFoundAlone < 2),
        _ => false,
    };

    private static bool IsUserNotFound(Exception exception) =>
        exception is SaltoKsApiException { Status: 404, ErrorCode: SaltoKsErrorMapper.NotFoundCode };

    private static SaltoKsClientOptions Checked(SaltoKsClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new SaltoKsClientOptionsValidator().Validate(null, options);
        return result.Failed ? throw new ArgumentException(result.FailureMessage, nameof(options)) : options;
    }

    private static void CheckId(PlatformUserId id, string parameterName)
    {
        if (id.Value is null)
        {
            throw new ArgumentException("A platform user id is required (default holds none).", parameterName);
        }
    }

    private static List<PlatformUserId> Distinct(IReadOnlyList<PlatformUserId> ids, string parameterName)
    {
        var seen = new HashSet<PlatformUserId>();
        var result = new List<PlatformUserId>(ids.Count);
        foreach (PlatformUserId id in ids)
        {
            CheckId(id, parameterName);
            if (seen.Add(id))
            {
                result.Add(id);
            }
        }

        return result;
    }

    // 400 1101 with "already in use" (or "already exists") in the message: the e-mail belongs to a user of the site.
    private static bool IsEmailInUse(SaltoKsApiException exception) =>
        exception.Status == 400 &&
        exception.ErrorCode == SaltoKsErrorMapper.InvalidParameterCode &&
        exception.ServiceMessage is { } message &&
        message.Contains("email", StringComparison.OrdinalIgnoreCase) &&
        (message.Contains("already in use", StringComparison.OrdinalIgnoreCase) || message.Contains("already exists", StringComparison.OrdinalIgnoreCase));

    // Whether a failed create may still have created the user: no answer, or an answer that does not say.
    private static bool IsUncertain(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        HttpRequestException or TimeoutRejectedException => true,
        SaltoKsApiException { Status: >= 500 or (>= 200 and < 300) } => true,
        _ => false,
    };

    private static ByteArrayContent Json<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        // Buffered bytes, so the request can be sent again after a 401 or by the retry pipeline.
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    // With a site zone, start_date/end_date carry the site's wall clock without an offset, as a site-local tenant reads them.
    private static ByteArrayContent ScheduleJson(TimeScheduleRequest request, TimeZoneInfo? siteZone)
    {
        if (siteZone is null)
        {
            return Json(request, SaltoKsJsonContext.Default.TimeScheduleRequest);
        }

        JsonObject body = JsonSerializer.SerializeToNode(request, SaltoKsJsonContext.Default.TimeScheduleRequest)!.AsObject();
        body["start_date"] = WallClockText(request.StartDate, siteZone);
        body["end_date"] = WallClockText(request.EndDate, siteZone);
        var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(body.ToJsonString()));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;

        static string? WallClockText(DateTimeOffset? instant, TimeZoneInfo zone) =>
            instant is { } value
                ? TimeZoneInfo.ConvertTime(value, zone).DateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF", CultureInfo.InvariantCulture)
                : null;
    }

    // The written date and time is the site's wall clock, whatever offset came with it.
    private static TimeSchedule FromSiteWallClock(TimeSchedule schedule, TimeZoneInfo siteZone) =>
        schedule with { StartDate = Instant(schedule.StartDate, siteZone), EndDate = Instant(schedule.EndDate, siteZone) };

    private static DateTimeOffset? Instant(DateTimeOffset? wallClock, TimeZoneInfo zone)
    {
        if (wallClock is not { } written)
        {
            return null;
        }

        DateTime local = DateTime.SpecifyKind(written.DateTime, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static SaltoKsRoute Route(string version) => SaltoKsRoute.Version(version);

    private static SaltoKsRoute SiteRoute(string version, string siteId) => Route(version).Literal("sites").Id(siteId, nameof(siteId));

    private static SaltoKsRoute SiteUserRoute(string version, string siteId, SiteUserId siteUserId)
    {
        if (siteUserId.Value is null)
        {
            throw new ArgumentException("A site-user id is required (default holds none).", nameof(siteUserId));
        }

        return SiteRoute(version, siteId).Literal("users").Id(siteUserId.Value, nameof(siteUserId));
    }

    private static SaltoKsRoute GroupRoute(string version, string siteId, string accessGroupId) =>
        SiteRoute(version, siteId).Literal("access_groups").Id(accessGroupId, nameof(accessGroupId));

    private static SaltoKsRoute WithQuery(SaltoKsRoute route, SaltoKsListQuery? query) =>
        route.Query("$filter", query?.Filter?.ToString());

    private SaltoKsRoute TagRoute(string template, string siteId, SiteUserId siteUserId, string tagId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(siteId);
        if (siteUserId.Value is null)
        {
            throw new ArgumentException("A site-user id is required (default holds none).", nameof(siteUserId));
        }

        return Route(Versions.Tags).Template(
            template,
            new Dictionary<string, string> { ["site_id"] = siteId, ["site_user_id"] = siteUserId.Value, ["tag_id"] = tagId });
    }

    private IEnumerable<string?> KnownSecrets => [_options.ClientSecret, _options.Password, _options.RefreshToken];

    private async IAsyncEnumerable<T> ListAsync<T>(SaltoKsRoute route, JsonTypeInfo<T> itemType, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        int? pageSize = _options.ListPageSize;
        if (pageSize is { } top)
        {
            route.Query("$top", top.ToString(CultureInfo.InvariantCulture));
        }

        Uri? next = route.ToUri(_options.BaseUrl);
        int skipped = 0;
        long read = 0;
        int? announced = null;
        while (next is not null)
        {
            SaltoKsList<T> page = await GetListPageAsync(next, route, itemType, cancellationToken).ConfigureAwait(false);
            read += page.Items.Count;
            announced = page.Count is { } count ? Math.Max(count, announced ?? 0) : announced;
            foreach (T item in page.Items)
            {
                yield return item;
            }

            Uri current = next;
            if (!string.IsNullOrEmpty(page.NextPageLink))
            {
                next = SameOriginLink(page.NextPageLink, route);
                if (next == current)
                {
                    throw new SaltoKsApiException($"SALTO KS gave the page it was asked for as the next page of GET {route.Path}; stopping to avoid a loop.");
                }
            }
            else if (pageSize is { } size && page.Items.Count >= size)
            {
                // A full page and no link: the service may page by $skip alone, so ask for the next one.
                skipped += page.Items.Count;
                next = WithSkip(route, skipped);
            }
            else
            {
                next = null;
            }
        }

        if (announced is { } total && read < total)
        {
            // A list that ends before the count it announced is a failed read, never a short one.
            throw new SaltoKsApiException(
                string.Create(CultureInfo.InvariantCulture, $"SALTO KS GET {route.Path} ended after {read} of the {total} items its count announces; the list is treated as a failed read."));
        }
    }

    private Uri WithSkip(SaltoKsRoute route, int skip)
    {
        Uri first = route.ToUri(_options.BaseUrl);
        return new Uri($"{first.AbsoluteUri}{(string.IsNullOrEmpty(first.Query) ? '?' : '&')}$skip={skip.ToString(CultureInfo.InvariantCulture)}");
    }

    // next_page_link is followed verbatim, but only on the API's own origin: the bearer token must never be sent elsewhere.
    private Uri SameOriginLink(string link, SaltoKsRoute route)
    {
        if (!Uri.TryCreate(link, UriKind.Absolute, out Uri? uri) ||
            Uri.Compare(uri, _options.BaseUrl, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            throw new SaltoKsApiException(
                $"SALTO KS gave a next_page_link for GET {route.Path} outside {_options.BaseUrl.GetLeftPart(UriPartial.Authority)}; not following it.");
        }

        return uri;
    }

    private async Task<SaltoKsList<T>> GetListPageAsync<T>(Uri uri, SaltoKsRoute route, JsonTypeInfo<T> itemType, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await SendAsync(HttpMethod.Get, uri, route, content: null, retryable: true, continuationToken: null, cancellationToken)
            .ConfigureAwait(false);
        byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return SaltoKsList.Read(body, itemType);
        }
        catch (JsonException ex)
        {
            throw Unreadable(response, route, body, ex);
        }
    }

    private async Task<T> GetAsync<T>(SaltoKsRoute route, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await SendAsync(HttpMethod.Get, route, content: null, retryable: true, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return await ReadAsync(response, route, typeInfo, cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> ReadAsync<T>(HttpResponseMessage response, SaltoKsRoute route, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize(body, typeInfo) ?? throw new JsonException("The body is null.");
        }
        catch (JsonException ex)
        {
            throw Unreadable(response, route, body, ex);
        }
    }

    private SaltoKsApiException Unreadable(HttpResponseMessage response, SaltoKsRoute route, byte[] body, JsonException error) =>
        new(
            $"SALTO KS answered {(int)response.StatusCode} to {response.RequestMessage?.Method} {route.Path} with a body that could not be read: {error.Message}",
            (int)response.StatusCode,
            errorCode: null,
            serviceMessage: null,
            SecretRedactor.Excerpt(System.Text.Encoding.UTF8.GetString(body), mediaType: null, KnownSecrets),
            error);

    private async IAsyncEnumerable<TimeSchedule> FromSiteWallClockAsync(
        string siteId, IAsyncEnumerable<TimeSchedule> schedules, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        TimeZoneInfo siteZone = (await ScheduleZoneAsync(siteId, cancellationToken).ConfigureAwait(false))!;
        await foreach (TimeSchedule schedule in schedules.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return FromSiteWallClock(schedule, siteZone);
        }
    }

    // The site's zone when schedule dates are site-local, read once per site; null when they are UTC instants.
    private async Task<TimeZoneInfo?> ScheduleZoneAsync(string siteId, CancellationToken cancellationToken)
    {
        if (_options.ScheduleDates != SaltoKsScheduleDateMode.SiteLocal)
        {
            return null;
        }

        if (_siteZones.TryGetValue(siteId, out TimeZoneInfo? known))
        {
            return known;
        }

        Site site = await GetAsync(SiteRoute(Versions.Site, siteId), SaltoKsJsonContext.Default.Site, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(site.TimeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(site.TimeZone, out TimeZoneInfo? zone))
        {
            // Guessing a zone would move every booking window; refusing is the safe answer.
            throw new InvalidOperationException(
                $"Site {siteId} reports time zone '{site.TimeZone}', which this machine cannot resolve, so schedule dates cannot be " +
                $"written on the site's wall clock ({nameof(SaltoKsClientOptions.ScheduleDates)} is {SaltoKsScheduleDateMode.SiteLocal}).");
        }

        return _siteZones.GetOrAdd(siteId, zone);
    }

    private async Task<bool> DeleteAsync(SaltoKsRoute route, DateTimeOffset? createdAt, CancellationToken cancellationToken)
    {
        try
        {
            await RetryWhileNewAsync(createdAt, "DELETE " + route.Path, ct => SendAndForgetAsync(HttpMethod.Delete, route, null, ct), cancellationToken)
                .ConfigureAwait(false);
            return true;
        }
        catch (SaltoKsNotFoundException)
        {
            // Already gone is the state a delete asks for.
            return false;
        }
    }

    private async Task SendAndForgetAsync(HttpMethod method, SaltoKsRoute route, HttpContent? content, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await SendAsync(method, route, content, retryable: true, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private Task<HttpResponseMessage> SendAsync(
        HttpMethod method, SaltoKsRoute route, HttpContent? content, bool retryable, string? continuationToken = null, CancellationToken cancellationToken = default) =>
        SendAsync(method, route.ToUri(_options.BaseUrl), route, content, retryable, continuationToken, cancellationToken);

    private async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, Uri uri, SaltoKsRoute route, HttpContent? content, bool retryable, string? continuationToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (continuationToken is not null)
        {
            // The token is JSON text; it goes into the header exactly as received.
            request.Headers.TryAddWithoutValidation(ContinuationTokenHeader, continuationToken);
        }

        if (!retryable)
        {
            request.Options.Set(SaltoKsRequestOptions.NotRetryable, true);
        }

        // The whole call is bounded, the body included: the client buffers the body inside SendAsync, after the
        // resilience pipeline's timeouts have ended with the headers.
        HttpResponseMessage response;
        using (var deadline = new CallDeadline(_options.TotalRequestTimeout, _timeProvider, cancellationToken))
        {
            try
            {
                response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
                try
                {
                    await ResponseSize.BufferAsync(response, _options.MaxResponseBytes, deadline.Token).ConfigureAwait(false);
                }
                catch
                {
                    response.Dispose();
                    throw;
                }
            }
            catch (HttpRequestException ex) when (ex is not UnreachableTokenEndpointException &&
                                                  NetworkFailure.Describe(ex, uri) is { } cause && !cancellationToken.IsCancellationRequested)
            {
                // Named for the operator (a failure the identity server's client already named is left as it is); still an
                // HttpRequestException, so callers tell it from an answer as before.
                throw new HttpRequestException(ex.HttpRequestError, $"SALTO KS {method.Method} {route.Path} failed: {cause}.", ex);
            }
            catch (ResponseTooLargeException ex)
            {
                throw new SaltoKsApiException(
                    string.Create(CultureInfo.InvariantCulture, $"SALTO KS {method.Method} {route.Path} answered with more than {ex.Limit} bytes (MaxResponseBytes); the call was stopped."),
                    ex);
            }
            catch (Exception ex) when (deadline.Expired(ex))
            {
                throw new SaltoKsApiException(
                    string.Create(CultureInfo.InvariantCulture, $"SALTO KS {method.Method} {route.Path} did not complete within {deadline.Limit.TotalSeconds:0.#} s (TotalRequestTimeout), the answer's body included."),
                    ex);
            }
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            SaltoKsApiException error = await SaltoKsErrorMapper.FromResponseAsync(
                response, $"{method.Method} {route.Path}", KnownSecrets, _timeProvider, cancellationToken).ConfigureAwait(false);
            SaltoKsLog.ErrorResponse(_logger, error.Status, error.ErrorCode, method.Method, route.Path);
            throw error;
        }
    }

    private async Task<SiteUser?> FindByEmailAsync(string siteId, string email, CancellationToken cancellationToken)
    {
        IReadOnlyList<SiteUser> candidates = await FindSiteUsersByEmailAsync(siteId, email, cancellationToken).ConfigureAwait(false);

        // Trust only an exact match: a service that ignored the filter must not make a stranger "the same user".
        SiteUser[] matches = [.. candidates.Where(u => string.Equals(u.User?.Email?.Trim(), email, StringComparison.OrdinalIgnoreCase))];
        if (matches.Length > 1)
        {
            SaltoKsLog.AmbiguousEmail(_logger, siteId, matches.Length, matches[0].Id);
        }

        return matches.FirstOrDefault();
    }

    private Task<bool> RetryWhileNewAsync(DateTimeOffset? createdAt, string operation, Func<CancellationToken, Task> call, CancellationToken cancellationToken) =>
        RetryWhileNewAsync(
            createdAt,
            operation,
            async ct =>
            {
                await call(ct).ConfigureAwait(false);
                return true;
            },
            cancellationToken);

    // SALTO KS answers 2202/2203 about a user for about a minute after creating it; within the window those are retried.
    private async Task<T> RetryWhileNewAsync<T>(DateTimeOffset? createdAt, string operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await call(cancellationToken).ConfigureAwait(false);
            }
            catch (SaltoKsApiException ex) when (
                createdAt is { } at &&
                ex.ErrorCode is SaltoKsErrorMapper.NotFoundCode or SaltoKsErrorMapper.ForbiddenCode &&
                _timeProvider.GetUtcNow() - at < _options.PostCreateRetryWindow)
            {
                SaltoKsLog.PostCreateRetry(_logger, ex.ErrorCode, _timeProvider.GetUtcNow() - at, operation, _options.PostCreateRetryDelay);
                await Task.Delay(_options.PostCreateRetryDelay, _timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The state of one <see cref="ChangeAccessGroupMembersAsync"/> call across its (possibly split) calls.</summary>
    private sealed class MembershipChangeRun(string siteId, string accessGroupId, SaltoKsRoute route)
    {
        public string SiteId { get; } = siteId;

        public string AccessGroupId { get; } = accessGroupId;

        public SaltoKsRoute Route { get; } = route;

        /// <summary>Gets the outcome of each call whose outcome is final, in the order made; a call that was split is not one.</summary>
        public List<AccessGroupMembersChunkResult> Results { get; } = [];

        /// <summary>Gets or sets how many calls went out, split ones included.</summary>
        public int Calls { get; set; }

        /// <summary>Gets or sets whether SALTO KS accepted any call of the change.</summary>
        public bool AnyAccepted { get; set; }

        /// <summary>Gets or sets how many calls of a single id failed with 404 <c>2202</c>.</summary>
        public int NotFoundAlone { get; set; }
    }
}
