using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Testing;

/// <summary>
/// Tags: list a site's registered tags, assign one to a site user and unassign it. The Connect
/// paths are unconfirmed, so the routes come from <see cref="SaltoKsSandboxOptions.TagListPath"/>
/// <see cref="SaltoKsSandboxOptions.TagAssignPath"/> and <see cref="SaltoKsSandboxOptions.TagUnassignPath"/>.
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

    private async Task AssignTagAsync(HttpContext context)
    {
        JsonElement body = await ReadBodyAsync(context).ConfigureAwait(false);
        string? tagId = RequiredString(body, "tag_id");
        SiteUser updated;
        lock (state.Gate)
        {
            SiteRecord site = Site(context);
            UserRecord user = RoutedUser(context, site);
            Tag tag = site.FindTag(tagId) ?? throw SaltoKsApiFailure.NotFound("Tag not found");
            EnsureTagFree(site, tag, except: user);
            if (!user.TagIds.Contains(tag.Id, StringComparer.OrdinalIgnoreCase))
            {
                user.TagIds.Add(tag.Id);
                user.SyncTagId(site);
            }

            updated = Shown(user.User);
        }

        await WriteJsonAsync(context, 200, updated, Json.SiteUser).ConfigureAwait(false);
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

            user.SyncTagId(site);
        }

        return WriteEmptyAsync(context, 204);
    }
}
