namespace Nexudus.Salto.SaltoKs;

/// <summary>
/// A client for the SALTO KS Connect API: sites, roles, site users, access groups with their members, locks and
/// time schedules, locks, tags and entries.
/// </summary>
/// <remarks>
/// <para>
/// Site ids are the site's UUID (<see cref="Site.Id"/>), never its <c>site_uid</c>. User routes take a
/// <see cref="SiteUserId"/>; access-group membership takes a <see cref="PlatformUserId"/> only, so the two cannot
/// be mixed up.
/// </para>
/// <para>
/// Lists are streamed: each <see cref="IAsyncEnumerable{T}"/> follows <c>next_page_link</c> (or the entries'
/// continuation token) to the end as it is enumerated. Errors surface as <see cref="SaltoKsApiException"/> or one of
/// its subclasses. Right after <see cref="CreateSiteUserAsync(string, SiteUserCreateRequest, CancellationToken)"/>, calls about the new user that SALTO KS answers with
/// <c>2202</c>/<c>2203</c> are retried for a configured window.
/// </para>
/// </remarks>
public interface ISaltoKsClient
{
    /// <summary>Lists the sites the signed-in KS user can manage (<c>GET /v1.1/sites</c>).</summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The sites.</returns>
    IAsyncEnumerable<Site> GetSitesAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads one site (<c>GET /v1.2/sites/{site_id}</c>).</summary>
    /// <param name="siteId">The site's UUID.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The site.</returns>
    /// <exception cref="SaltoKsNotFoundException">There is no such site.</exception>
    Task<Site> GetSiteAsync(string siteId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads a site's subscription (<c>GET /v1.2/sites/{site_id}/subscription</c>): its seats (<c>user_amount</c>),
    /// type and enabled features, e.g. <c>events_streaming</c>.
    /// </summary>
    /// <param name="siteId">The site's UUID.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The subscription.</returns>
    /// <exception cref="SaltoKsNotFoundException">There is no such site.</exception>
    Task<SiteSubscription> GetSiteSubscriptionAsync(string siteId, CancellationToken cancellationToken = default);

    /// <summary>Lists the roles of a site (<c>GET /v1.1/sites/{site_id}/roles</c>), whose ids go into <c>role_ids</c>.</summary>
    /// <param name="siteId">The site's UUID.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The roles.</returns>
    IAsyncEnumerable<Role> GetRolesAsync(string siteId, CancellationToken cancellationToken = default);

    /// <summary>Lists the users of a site (<c>GET /v1.1/sites/{site_id}/users</c>), optionally filtered.</summary>
    /// <param name="siteId">The site's UUID.</param>
    /// <param name="query">The filter, or <see langword="null"/> for every user.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The site users.</returns>
    /// <exception cref="SaltoKsInvalidFilterException">SALTO KS rejected the filter.</exception>
    IAsyncEnumerable<SiteUser> GetSiteUsersAsync(string siteId, SaltoKsListQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Finds the users of a site with an e-mail address: the site's users are listed and compared here (trimmed,
    /// ignoring case), as live clients do, rather than filtered on the server.
    /// </summary>
    /// <param name="siteId">The site's UUID.</param>
    /// <param name="email">The e-mail address; surrounding white space is ignored.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The matching users; normally none or one.</returns>
    Task<IReadOnlyList<SiteUser>> FindSiteUsersByEmailAsync(string siteId, string email, CancellationToken cancellationToken = default);

    /// <summary>Reads one site user (<c>GET /v1.2/sites/{site_id}/users/{site_user_id}</c>).</summary>
    /// <param name="siteId">The site's UUID.</param>
    /// <param name="siteUserId">The site-user id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The site user.</returns>
    /// <exception cref="SaltoKsNotFoundException">There is no such site user.</exception>
    Task<SiteUser> GetSiteUserAsync(string siteId, SiteUserId siteUserId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates a site user (<c>POST /v1.1/sites/{site_id}/users</c>), which makes SALTO KS send an invitation to the
    /// e-mail address, unless a user with that e-mail already exists.
    /// </summary>
    /// <param name="siteId">The site's UUID.</param>
    /// <param name="request">The new user.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The user, and whether it was created or found.</returns>
    /// <remarks>
    /// SALTO KS has no idempotency key, so the create call is never retried blindly: the e-mail is looked up
    /// first, and again after a create call whose outcome is unknown (timeout, network failure, 5xx). A create that
    /// SALTO KS refuses because the e-mail is already in use (400 <c>1101</c>) adopts the site user holding it
    /// (<see cref="SiteUserCreateOutcome.AlreadyExisted"/>). A user without an e-mail cannot be looked up; such a
    /// create is sent once. Check <see cref="SiteUser.SubscriptionState"/> of the result: with every seat taken,
    /// SALTO KS still creates the user, but <see cref="SubscriptionState.Suspended"/>, and the person cannot open.
    /// </remarks>
    Task<SiteUserCreateResult> CreateSiteUserAsync(string siteId, SiteUserCreateRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates a site user (<c>POST /v1.1/sites/{site_id}/users</c>), choosing when the e-mail is looked up; see
    /// <see cref="SiteUserCreateLookup"/>.
    /// </summary>
    /// <param name="siteId">The site's UUID.</param>
    /// <param name="request">The new user.</param>
    /// <param name="lookup">When to look the e-mail up.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The user, and whether it was created or found.</returns>
    /// <remarks>
    /// The default implementation ignores <paramref name="lookup"/> and always looks up first, which is safe for
    /// any implementation of this interface.
    /// </remarks>
    Task<SiteUserCreateResult> CreateSiteUserAsync(
        string siteId, SiteUserCreateRequest request, SiteUserCreateLookup lookup, CancellationToken cancellationToken = default) =>
        CreateSiteUserAsync(siteId, request, cancellationToken);

    /// <summary>Changes some fields of a site user (<c>PATCH /v1.2/sites/{site_id}/users/{site_user_id}</c>).</summary>
    /// <param name="siteId">The site's UUID.</param>
    /// <param name="siteUserId">The site-user id.</param>
    /// <param name="request">The fields to change.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when SALTO KS has accepted the change.</returns>
    Task UpdateSiteUserAsync(string siteId, SiteUserId siteUserId, SiteUserUpdateRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Subscribes or suspends a site user (<c>PATCH /v1.2/sites/{site_id}/users/{site_user_id}/subscription</c>);
    /// only subscribed users hold a seat and can open anything.
    /// </summary>
    /// <param name="siteId">The site's UUID.</param>
    /// <param name="siteUserId">The site-user id.</param>
    /// <param name="state">The state to move to, e.g. <see cref="SubscriptionState.Subscribed"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when SALTO KS has accepted the change.</returns>
    Task SetSiteUserSubscriptionAsync(string siteId, SiteUserId siteUserId, SubscriptionState state, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes a user from a site (<c>DELETE /v1.1/sites/{site_id}/users/{site_user_id}</c>), which frees the seat.
    /// A user who signed up keeps their platform account.
    /// </summary>
    /// <param name="siteId">The site's UUID.</param>
    /// <param name="siteUserId">The site-user id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when the user was deleted; <see langword="false"/> when it was already gone.</returns>
    Task<bool> DeleteSiteUserAsync(string siteId, SiteUserId siteUserId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates a guest user (<c>POST /v1.2/sites/{site_id}/guests</c>): an alias only, role <c>site_guest</c>, no e-mail
    /// and no invitation. The guest holds a seat until deleted with <see cref="DeleteSiteUserAsync"/>; its expiry does
    /// not free the seat. With every seat taken SALTO KS still answers 201, with the guest suspended.
    /// </summary>
    /// <param name="siteId">The site's UUID.</param>
    /// <param name="request">The alias and expiry.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created site user (check <see cref="SiteUser.SubscriptionState"/>).</returns>
    /// <remarks>The POST is not retried: a retry could create a second guest.</remarks>
    Task<SiteUser> CreateGuestAsync(string siteId, GuestCreateRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Issues a new PIN for a user (<c>PUT /v1.2/sites/{site_id}/users/{site_user_id}/pin</c>); SALTO KS chooses it.
    /// Enable PINs for the user first (<see cref="SiteUserRequestBase.UsePin"/> through <c>UpdateSiteUserAsync</c>). Each
    /// call replaces the previous PIN.
    /// </summary>
    /// <param name="siteId">The site's UUID.</param>
    /// <param name="siteUserId">The site-user id.</param>
    /// <param name="expiryDate">When the PIN stops opening; <see langword="null"/> sends <c>{}</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The PIN (digits, as SALTO KS sent it). It is a secret: never log it.</returns>
    /// <remarks>The PUT is not retried (a retry would rotate the PIN); an unreadable answer never shows its body.</remarks>
    Task<string> IssuePinAsync(string siteId, SiteUserId siteUserId, DateTimeOffset? expiryDate = null, CancellationToken cancellationToken = default);

    /// <summary>Lists the access groups of a site (<c>GET /v1.1/sites/{site_id}/access_groups</c>), optionally filtered.</summary>
    /// <param name="siteId">The site's UUID.</param>
    /// <param name="query">The filter (e.g. on <c>customer_reference</c>), or <see langword="null"/> for every group.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The access groups.</returns>
    IAsyncEnumerable<AccessGroup> GetAccessGroupsAsync(string siteId, SaltoKsListQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one access group (<c>GET /v1.1/sites/{site_id}/access_groups/{access_group_id}</c>).</summary>
    /// <param name="siteId">The site's UUID.</param>
    /// <param name="accessGroupId">The access group's UUID.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The access group.</returns>
    /// <exception cref="SaltoKsNotFoundException">There is no such access group.</exception>
    Task<AccessGroup> GetAccessGroupAsync(string siteId, string accessGroupId, CancellationToken cancellationToken = default);

    /// <summary>Creates an access group (<c>POST /v1.1/sites/{site_id}/access_groups</c>); sent once, never retried blindly.</summary>
    /// <param name="siteId">The site's UUID.</param>
    /// <param name="request">The new group.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created group.</returns>
    Task<AccessGroup> CreateAccessGroupAsync(string siteId, AccessGroupCreateRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes an access group (<c>DELETE /v1.1/sites/{site_id}/access_groups/{access_group_id}</c>).</summary>
    /// <param name="siteId">The site's UUID.</param>
    /// <param name="accessGroupId">The access group's UUID.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when the group was deleted; <see langword="false"/> when it was already gone.</returns>
    Task<bool> DeleteAccessGroupAsync(string siteId, string accessGroupId, CancellationToken cancellationToken = default);

    /// <summary>Lists the members of an access group (<c>GET /v1.1/sites/{site_id}/access_groups/{access_group_id}/users</c>).</summary>
    /// <param name="siteId">The site's UUID.</param>
    /// <param name="accessGroupId">The access group's UUID.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The members; <see cref="AccessGroupMember.PlatformUserId"/> identifies each.</returns>
    IAsyncEnumerable<AccessGroupMember> GetAccessGroupMembersAsync(string siteId, string accessGroupId, CancellationToken cancellationToken = default);

    /// <summary>Adds one member (<c>POST /v1.1/sites/{site_id}/access_groups/{access_group_id}/users</c>).</summary>
    /// <param name="siteId">The site's UUID.</param>
    /// <param name="accessGroupId">The access group's UUID.</param>
    /// <param name="userId">The member's platform user id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when SALTO KS has accepted the change.</returns>
    /// <remarks>For more than one user, use <see cref="ChangeAccessGroupMembersAsync"/>, as SALTO asks.</remarks>
    Task AddAccessGroupMemberAsync(string siteId, string accessGroupId, PlatformUserId userId, CancellationToken cancellationToken = default);

    /// <summary>Removes one member (<c>DELETE /v1.1/sites/{site_id}/access_groups/{access_group_id}/users/{user_id}</c>).</summary>
    /// <param name="siteId">The site's UUID.</param>
    /// <param name="accessGroupId">The access group's UUID.</param>
    /// <param name="userId">The member's platform user id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when the member was removed; <see langword="false"/> when SALTO KS answered not found.</returns>
    Task<bool> RemoveAccessGroupMemberAsync(string siteId, string accessGroupId, PlatformUserId userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds and removes members in bulk (<c>PATCH /v1.1/sites/{site_id}/access_groups/{access_group_id}/users</c> with
    /// <c>add_ids</c>/<c>remove_ids</c>), split into chunks of the configured size.
    /// </summary>
    /// <param name="siteId">The site's UUID.</param>
    /// <param name="accessGroupId">The access group's UUID.</param>
    /// <param name="change">The platform user ids to add and to remove; an id may not be in both.</param>
    /// <param name="cancellationToken">Cancels the remaining calls.</param>
    /// <returns>
    /// The outcome of each call. A failed call does not stop the others and is not thrown: read
    /// <see cref="AccessGroupMembersChangeResult.Chunks"/> to record exactly what SALTO KS accepted.
    /// </returns>
    /// <remarks>
    /// SALTO KS applies a call all or nothing, and its size limit is unconfirmed. The HTTP client
    /// (<c>SaltoKsClient</c>) therefore sends a call that SALTO KS rejects as a whole (413, 400, or 404 <c>2202</c>
    /// for one unknown user) and that carried more than one id again as two halves, recursively; the result then
    /// lists the calls whose outcome is final, so accepted halves succeed and only the part that still fails
    /// carries the error. Timeouts, network failures, 401/403, 429 and 5xx are not split.
    /// </remarks>
    /// <exception cref="ArgumentException">An id is both added and removed.</exception>
    Task<AccessGroupMembersChangeResult> ChangeAccessGroupMembersAsync(string siteId, string accessGroupId, AccessGroupUsersChange change, CancellationToken cancellationToken = default);

    /// <summary>Lists the locks of an access group (<c>GET /v1.1/sites/{site_id}/access_groups/{access_group_id}/locks</c>).</summary>
    /// <param name="siteId">The site's UUID.</param>
    /// <param name="accessGroupId">The access group's UUID.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The locks.</returns>
    IAsyncEnumerable<SaltoLock> GetAccessGroupLocksAsync(string siteId, string accessGroupId, CancellationToken cancellationToken = default);

    /// <summary>Adds and removes locks in one call (<c>PATCH /v1.1/sites/{site_id}/access_groups/{access_group_id}/locks</c>).</summary>
    /// <param name="siteId">The site's UUID.</param>
    /// <param name="accessGroupId">The access group's UUID.</param>
    /// <param name="change">The lock ids to add and to remove.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when SALTO KS has accepted the change.</returns>
    Task ChangeAccessGroupLocksAsync(string siteId, string accessGroupId, AccessGroupLocksChange change, CancellationToken cancellationToken = default);

    /// <summary>Lists the time schedules of an access group (<c>GET /v1.1/sites/{site_id}/access_groups/{access_group_id}/time_schedules</c>).</summary>
    /// <param name="siteId">The site's UUID.</param>
    /// <param name="accessGroupId">The access group's UUID.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The time schedules.</returns>
    IAsyncEnumerable<TimeSchedule> GetTimeSchedulesAsync(string siteId, string accessGroupId, CancellationToken cancellationToken = default);

    /// <summary>Creates a time schedule (<c>POST …/access_groups/{access_group_id}/time_schedules</c>); sent once, never retried blindly.</summary>
    /// <param name="siteId">The site's UUID.</param>
    /// <param name="accessGroupId">The access group's UUID.</param>
    /// <param name="request">The schedule; at least one weekday must be set.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created schedule.</returns>
    Task<TimeSchedule> CreateTimeScheduleAsync(string siteId, string accessGroupId, TimeScheduleRequest request, CancellationToken cancellationToken = default);

    /// <summary>Replaces a time schedule's values (<c>PATCH …/access_groups/{access_group_id}/time_schedules/{time_schedule_id}</c>).</summary>
    /// <param name="siteId">The site's UUID.</param>
    /// <param name="accessGroupId">The access group's UUID.</param>
    /// <param name="timeScheduleId">The time schedule's UUID.</param>
    /// <param name="request">The schedule's new values.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when SALTO KS has accepted the change.</returns>
    Task UpdateTimeScheduleAsync(string siteId, string accessGroupId, string timeScheduleId, TimeScheduleRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes a time schedule (<c>DELETE …/access_groups/{access_group_id}/time_schedules/{time_schedule_id}</c>).</summary>
    /// <param name="siteId">The site's UUID.</param>
    /// <param name="accessGroupId">The access group's UUID.</param>
    /// <param name="timeScheduleId">The time schedule's UUID.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when the schedule was deleted; <see langword="false"/> when it was already gone.</returns>
    Task<bool> DeleteTimeScheduleAsync(string siteId, string accessGroupId, string timeScheduleId, CancellationToken cancellationToken = default);

    /// <summary>Lists the locks of a site (<c>GET /v1.1/sites/{site_id}/locks</c>), optionally filtered.</summary>
    /// <param name="siteId">The site's UUID.</param>
    /// <param name="query">The filter (e.g. <c>contains(customer_reference,'#101')</c>), or <see langword="null"/> for every lock.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The locks.</returns>
    IAsyncEnumerable<SaltoLock> GetLocksAsync(string siteId, SaltoKsListQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Lists the tags registered to a site (endpoint unconfirmed; its path is configurable).</summary>
    /// <param name="siteId">The site's UUID.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The registered tags.</returns>
    IAsyncEnumerable<Tag> GetTagsAsync(string siteId, CancellationToken cancellationToken = default);

    /// <summary>Assigns a registered tag to a site user (endpoint unconfirmed; configurable).</summary>
    /// <param name="siteId">The site's UUID.</param>
    /// <param name="siteUserId">The site-user id.</param>
    /// <param name="tagId">The tag's UUID (<see cref="Tag.Id"/>), not its number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when SALTO KS has accepted the change.</returns>
    Task AssignTagAsync(string siteId, SiteUserId siteUserId, string tagId, CancellationToken cancellationToken = default);

    /// <summary>Takes a tag away from a site user (endpoint unconfirmed; configurable).</summary>
    /// <param name="siteId">The site's UUID.</param>
    /// <param name="siteUserId">The site-user id.</param>
    /// <param name="tagId">The tag's UUID (<see cref="Tag.Id"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when the tag was taken away; <see langword="false"/> when the user did not hold it.</returns>
    Task<bool> UnassignTagAsync(string siteId, SiteUserId siteUserId, string tagId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads the entries (door events) of a site (<c>GET /v1.1/sites/{site_id}/entries</c>), following the
    /// continuation token to the end.
    /// </summary>
    /// <param name="siteId">The site's UUID.</param>
    /// <param name="query">The time range, locks, order and page size; <see langword="null"/> for all, oldest first.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The entries.</returns>
    IAsyncEnumerable<Entry> GetEntriesAsync(string siteId, SaltoKsEntryQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of entries, so long work can stop and resume from <see cref="SaltoKsContinuationPage{T}.ContinuationToken"/>.</summary>
    /// <param name="siteId">The site's UUID.</param>
    /// <param name="query">The same query for every page of one read.</param>
    /// <param name="continuationToken">
    /// <see langword="null"/> for the first page; then the token of the previous page, sent in the
    /// <c>CLP-Continuation-Token</c> header.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>
    /// The page. An empty page with a token still means more: stop only when <see cref="SaltoKsContinuationPage{T}.ContinuationToken"/>
    /// is <see langword="null"/> or empty.
    /// </returns>
    Task<SaltoKsContinuationPage<Entry>> GetEntriesPageAsync(string siteId, SaltoKsEntryQuery? query = null, string? continuationToken = null, CancellationToken cancellationToken = default);
}
