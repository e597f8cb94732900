namespace Nexudus.Salto.SaltoKs;

// Access groups, their members and their locks; a membership change is cut, halved and learned from by
// SaltoKsMembershipSplitter.
public partial class SaltoKsClient
{
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
    /// <remarks>
    /// Asks for the list's <c>count</c> (<c>$inlinecount=allpages</c>): ownership is decided from this list, so a list cut
    /// short (a page lost after a <c>next_page_link</c>) must be a failed read, and only the count shows it. A service
    /// that leaves <c>count</c> null is read as before.
    /// </remarks>
    public virtual IAsyncEnumerable<AccessGroupMember> GetAccessGroupMembersAsync(string siteId, string accessGroupId, CancellationToken cancellationToken = default) =>
        ListAsync(
            GroupRoute(Versions.AccessGroupMembers, siteId, accessGroupId).Literal("users").Query("$inlinecount", "allpages"),
            SaltoKsJsonContext.Default.AccessGroupMember,
            cancellationToken);

    /// <inheritdoc/>
    public virtual Task AddAccessGroupMemberAsync(string siteId, string accessGroupId, PlatformUserId userId, CancellationToken cancellationToken = default)
    {
        CheckId(userId, nameof(userId));
        SaltoKsRoute route = GroupRoute(Versions.AccessGroupMembers, siteId, accessGroupId).Literal("users");
        var body = new AccessGroupUserAddRequest { UserId = userId };

        // Adding a member is a set operation: repeating it changes nothing, so it may be retried.
        return _postCreate.RunAsync(
            _postCreate.CreatedAt(userId),
            "POST " + route.Path,
            ct => SendAndForgetAsync(HttpMethod.Post, route, Json(body, SaltoKsJsonContext.Default.AccessGroupUserAddRequest), ct),
            cancellationToken);
    }

    /// <inheritdoc/>
    public virtual Task<bool> RemoveAccessGroupMemberAsync(string siteId, string accessGroupId, PlatformUserId userId, CancellationToken cancellationToken = default)
    {
        CheckId(userId, nameof(userId));
        SaltoKsRoute route = GroupRoute(Versions.AccessGroupMembers, siteId, accessGroupId).Literal("users").Id(userId.Value, nameof(userId));
        return DeleteAsync(route, _postCreate.CreatedAt(userId), cancellationToken);
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

        (AccessGroupMembersChangeResult result, int calls) = await _membership.ChangeAsync(
            siteId,
            accessGroupId,
            adds,
            removes,
            (body, ct) => _postCreate.RunAsync(
                _postCreate.LatestCreatedAt(body.AddIds.Concat(body.RemoveIds)),
                "PATCH " + route.Path,
                c => SendAndForgetAsync(HttpMethod.Patch, route, Json(body, SaltoKsJsonContext.Default.AccessGroupUsersChange), c),
                ct),
            cancellationToken).ConfigureAwait(false);
        SaltoKsLog.MembershipChanged(_logger, accessGroupId, siteId, result.AddedIds.Count, result.RemovedIds.Count, calls);
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
}
