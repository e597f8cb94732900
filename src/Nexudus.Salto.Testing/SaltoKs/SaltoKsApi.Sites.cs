using Microsoft.AspNetCore.Http;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Testing;

/// <summary>Sites, their subscription and roles.</summary>
internal sealed partial class SaltoKsApi
{
    private static readonly IReadOnlyDictionary<string, ODataField<Site>> SiteFields = ODataField<Site>.Map(
        new("id", ODataFieldKind.Text, s => s.Id),
        new("site_uid", ODataFieldKind.Text, s => s.SiteUid),
        new("customer_reference", ODataFieldKind.Text, s => s.CustomerReference));

    private static readonly IReadOnlyDictionary<string, ODataField<Role>> RoleFields = ODataField<Role>.Map(
        new("id", ODataFieldKind.Text, r => r.Id),
        new("name", ODataFieldKind.Text, r => r.Name),
        new("code", ODataFieldKind.Text, r => r.Code));

    private Task ListSitesAsync(HttpContext context)
    {
        List<Site> sites;
        lock (state.Gate)
        {
            sites = [.. state.Sites.Select(s => s.Snapshot(options.DefaultSeatLimit))];
        }

        return WriteListAsync(context, sites, Json.Site, SiteFields);
    }

    private Task GetSiteAsync(HttpContext context)
    {
        Site site;
        lock (state.Gate)
        {
            site = Site(context).Snapshot(options.DefaultSeatLimit);
        }

        return WriteJsonAsync(context, 200, site, Json.Site);
    }

    private Task GetSubscriptionAsync(HttpContext context)
    {
        SiteSubscription subscription;
        lock (state.Gate)
        {
            SiteRecord record = Site(context);
            subscription = record.Subscription with { UserAmount = record.Seats(options.DefaultSeatLimit) };
        }

        return WriteJsonAsync(context, 200, subscription, Json.SiteSubscription);
    }

    private Task ListRolesAsync(HttpContext context)
    {
        List<Role> roles;
        lock (state.Gate)
        {
            roles = [.. Site(context).Roles];
        }

        return WriteListAsync(context, roles, Json.Role, RoleFields);
    }
}
