namespace Nexudus.Salto.SaltoKs;

// Sites, their subscription and roles: thin, virtual (mockable) entries to the shared read logic in SaltoKsClient.cs.
public partial class SaltoKsClient
{
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
}
