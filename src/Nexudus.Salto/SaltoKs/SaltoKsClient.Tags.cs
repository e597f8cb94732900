namespace Nexudus.Salto.SaltoKs;

// Tags (key fobs and cards) and their assignment to site users, through the tag endpoints or the user's tag_id.
public partial class SaltoKsClient
{
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
        return _postCreate.RunAsync(
            _postCreate.CreatedAt(siteUserId), $"{method} {route.Path}", ct => SendAndForgetAsync(method, route, body, ct), cancellationToken);
    }

    /// <inheritdoc/>
    public virtual async Task<bool> UnassignTagAsync(string siteId, SiteUserId siteUserId, string tagId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tagId);
        if (_options.Tags.AssignmentMode == SaltoKsTagAssignmentMode.TagEndpoints)
        {
            return await DeleteAsync(TagRoute(_options.Tags.UnassignPath, siteId, siteUserId, tagId), _postCreate.CreatedAt(siteUserId), cancellationToken)
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
}
