using Microsoft.AspNetCore.Http;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Testing;

/// <summary>
/// Tags: list a site's registered tags, assign one to a site user and unassign it. The Connect
/// paths are unconfirmed, so the routes come from <see cref="SaltoKsSandboxOptions.TagListPath"/>
/// and <see cref="SaltoKsSandboxOptions.TagAssignmentPath"/>.
/// </summary>
internal sealed partial class SaltoKsApi
{
    private static readonly IReadOnlyDictionary<string, ODataField<Tag>> TagFields = ODataField<Tag>.Map(
        new("id", ODataFieldKind.Text, t => t.Id),
        new("tag_number", ODataFieldKind.Text, t => t.TagNumber),
        new("customer_reference", ODataFieldKind.Text, t => t.CustomerReference));

    private Task ListTagsAsync(HttpContext context)
    {
        List<Tag> tags;
        lock (state.Gate)
        {
            tags = [.. Site(context).Tags];
        }

        return WriteListAsync(context, tags, Json.Tag, TagFields);
    }

    private Task AssignTagAsync(HttpContext context)
    {
        SiteUser updated;
        lock (state.Gate)
        {
            SiteRecord site = Site(context);
            UserRecord user = RoutedUser(context, site);
            Tag tag = site.FindTag(context.Request.RouteValues["tag_id"] as string) ?? throw SaltoKsApiFailure.NotFound("Tag not found");
            EnsureTagFree(site, tag, except: user);
            if (!user.TagIds.Contains(tag.Id, StringComparer.OrdinalIgnoreCase))
            {
                user.TagIds.Add(tag.Id);
                user.SyncTagId();
            }

            updated = user.User;
        }

        return WriteJsonAsync(context, 200, updated, Json.SiteUser);
    }

    private Task UnassignTagAsync(HttpContext context)
    {
        lock (state.Gate)
        {
            SiteRecord site = Site(context);
            UserRecord user = RoutedUser(context, site);
            string? tagId = context.Request.RouteValues["tag_id"] as string;
            if (user.TagIds.RemoveAll(t => string.Equals(t, tagId, StringComparison.OrdinalIgnoreCase)) == 0)
            {
                throw SaltoKsApiFailure.NotFound("Tag not found");
            }

            user.SyncTagId();
        }

        return WriteEmptyAsync(context, 204);
    }
}
