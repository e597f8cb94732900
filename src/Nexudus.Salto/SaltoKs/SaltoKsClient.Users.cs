namespace Nexudus.Salto.SaltoKs;

// Site users: reads, the create (its e-mail look-ups live in SaltoKsSiteUserCreation), updates and deletes, each
// retried within the post-create window (SaltoKsPostCreateRetry).
public partial class SaltoKsClient
{
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
        return _postCreate.RunAsync(
            _postCreate.CreatedAt(siteUserId), "GET " + route.Path, ct => GetAsync(route, SaltoKsJsonContext.Default.SiteUser, ct), cancellationToken);
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
        return await _creation.CreateAsync(
            siteId,
            request,
            lookup,
            async ct =>
            {
                using HttpResponseMessage response = await SendAsync(
                    HttpMethod.Post, route, Json(request, SaltoKsJsonContext.Default.SiteUserCreateRequest), retryable: false, cancellationToken: ct).ConfigureAwait(false);
                return await ReadAsync(response, route, SaltoKsJsonContext.Default.SiteUser, ct).ConfigureAwait(false);
            },
            (email, ct) => FindSiteUsersByEmailAsync(siteId, email, ct),
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public virtual Task UpdateSiteUserAsync(string siteId, SiteUserId siteUserId, SiteUserUpdateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        SaltoKsRoute route = SiteUserRoute(Versions.UpdateSiteUser, siteId, siteUserId);
        return _postCreate.RunAsync(
            _postCreate.CreatedAt(siteUserId),
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
        return _postCreate.RunAsync(
            _postCreate.CreatedAt(siteUserId),
            "PATCH " + route.Path,
            ct => SendAndForgetAsync(HttpMethod.Patch, route, Json(body, SaltoKsJsonContext.Default.SubscriptionChangeRequest), ct),
            cancellationToken);
    }

    /// <inheritdoc/>
    public virtual Task<bool> DeleteSiteUserAsync(string siteId, SiteUserId siteUserId, CancellationToken cancellationToken = default)
    {
        SaltoKsRoute route = SiteUserRoute(Versions.DeleteSiteUser, siteId, siteUserId);
        return DeleteAsync(route, _postCreate.CreatedAt(siteUserId), cancellationToken);
    }
}
