using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Testing;

/// <summary>Site users: list, get, create (which invites), update, subscription and delete.</summary>
internal sealed partial class SaltoKsApi
{
    private const string EmailInUseMessage = "Validation failed: This email address is already in use.";

    private static readonly IReadOnlyDictionary<string, ODataField<SiteUser>> UserFields = ODataField<SiteUser>.Map(
        new("id", ODataFieldKind.Text, u => u.Id.Value),
        new("alias", ODataFieldKind.Text, u => u.Alias),
        new("user/id", ODataFieldKind.Text, u => u.User?.Id.Value),
        new("user/email", ODataFieldKind.Text, u => u.User?.Email),
        new("user/first_name", ODataFieldKind.Text, u => u.User?.FirstName),
        new("user/last_name", ODataFieldKind.Text, u => u.User?.LastName));

    private Task ListUsersAsync(HttpContext context)
    {
        List<SiteUser> users;
        lock (state.Gate)
        {
            users = [.. Site(context).Users.Select(u => Shown(u.User))];
        }

        return WriteListAsync(context, users, Json.SiteUser, UserFields);
    }

    private Task GetUserAsync(HttpContext context)
    {
        SiteUser user;
        lock (state.Gate)
        {
            user = Shown(RoutedUser(context, Site(context)).User);
        }

        return WriteJsonAsync(context, 200, user, Json.SiteUser);
    }

    private async Task CreateUserAsync(HttpContext context)
    {
        SiteUserCreateRequest request = Read(await ReadBodyAsync(context).ConfigureAwait(false), Json.SiteUserCreateRequest);
        SiteUser created;
        lock (state.Gate)
        {
            SiteRecord site = Site(context);
            List<Role> roles = [.. request.RoleIds.Select(id =>
                site.Roles.Find(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase))
                ?? throw SaltoKsApiFailure.InvalidParameter("A role id is invalid"))];

            string? email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim();
            if (email is not null && site.HasUserWithEmail(email))
            {
                // As captured live: 400 {"ErrorCode":"1101","Message":"Validation failed: This email address is already in use."}.
                throw SaltoKsApiFailure.InvalidParameter(EmailInUseMessage);
            }

            Tag? tag = null;
            if (request.TagId is { } tagId)
            {
                tag = site.FindTag(tagId) ?? throw SaltoKsApiFailure.NotFound("Tag not found");
                EnsureTagFree(site, tag, except: null);
            }

            // A platform account is global: an e-mail known from another site keeps its user.id.
            PlatformUserId platformUserId = email is not null && state.PlatformAccountsByEmail.TryGetValue(email, out PlatformUserId known)
                ? known
                : new PlatformUserId(state.NewId());
            if (site.FindUser(platformUserId) is not null)
            {
                throw SaltoKsApiFailure.InvalidParameter(EmailInUseMessage);
            }

            bool seatFree = site.Seats(options.DefaultSeatLimit) is not { } seats ||
                site.Users.Count(u => u.User.SubscriptionState == SubscriptionState.Subscribed) < seats;
            if (!seatFree && options.RefuseUsersWithoutSeat)
            {
                throw SaltoKsApiFailure.NoSubscription();
            }

            DateTimeOffset now = Now;
            var user = new UserRecord(new SiteUser
            {
                Id = new SiteUserId(state.NewId()),
                User = new SaltoUser { Id = platformUserId, Email = email, FirstName = request.FirstName, LastName = request.LastName },
                Roles = roles,
                Alias = request.Alias,

                // With every seat taken SALTO still creates and answers 201, but suspended (captured live).
                SubscriptionState = seatFree ? SubscriptionState.Subscribed : SubscriptionState.Suspended,
                UsePin = request.UsePin ?? false,
                RemoteAccess = false,
                Blocked = request.Blocked ?? false,
            })
            {
                CreatedThroughApiAt = now,
            };
            if (tag is not null)
            {
                user.TagIds.Add(tag.Id);
                user.SyncTagId(site);
            }

            site.AddUser(user);
            if (email is not null)
            {
                state.PlatformAccountsByEmail.TryAdd(email, platformUserId);
                state.Invitations.Add(new SaltoKsInvitation { SiteId = site.Site.Id, SiteUserId = user.User.Id, Email = email, SentAt = now });
            }

            created = Shown(user.User);
        }

        await WriteJsonAsync(context, 201, created, Json.SiteUser).ConfigureAwait(false);
    }

    private async Task UpdateUserAsync(HttpContext context)
    {
        JsonElement body = await ReadBodyAsync(context).ConfigureAwait(false);
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw SaltoKsApiFailure.RequestInvalid();
        }

        SiteUser updated;
        lock (state.Gate)
        {
            SiteRecord site = Site(context);
            UserRecord user = RoutedUser(context, site);
            if (options.ServeTagEndpoints && body.TryGetProperty("tag_id", out JsonElement tagValue))
            {
                // The older reading (served with the tag endpoints): tag_id assigns a tag; null clears it.
                Tag? tag = tagValue.ValueKind switch
                {
                    JsonValueKind.Null => null,
                    JsonValueKind.String => site.FindTag(tagValue.GetString()) ?? throw SaltoKsApiFailure.NotFound("Tag not found"),
                    _ => throw SaltoKsApiFailure.InvalidParameter("A parameter value is invalid: tag_id"),
                };
                if (tag is not null)
                {
                    EnsureTagFree(site, tag, except: user);
                }

                user.TagIds.Clear();
                if (tag is not null)
                {
                    user.TagIds.Add(tag.Id);
                }

                user.SyncTagId(site);
            }

            // Only the fields clients are seen to PATCH; a rename is unconfirmed and ignored.
            user.User = user.User with
            {
                UsePin = Flag(body, "use_pin") ?? user.User.UsePin,
                Blocked = Flag(body, "blocked") ?? user.User.Blocked,
                RemoteAccess = Flag(body, "remote_access") ?? user.User.RemoteAccess,
                Alias = body.TryGetProperty("alias", out JsonElement alias) && alias.ValueKind is JsonValueKind.String or JsonValueKind.Null
                    ? alias.GetString()
                    : user.User.Alias,
            };
            updated = Shown(user.User);
        }

        await WriteJsonAsync(context, 200, updated, Json.SiteUser).ConfigureAwait(false);
    }

    private async Task ChangeSubscriptionAsync(HttpContext context)
    {
        JsonElement body = await ReadBodyAsync(context).ConfigureAwait(false);
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw SaltoKsApiFailure.RequestInvalid();
        }

        // The body takes "state"; "subscription_state", as the user reads, gives 400 1101.
        SubscriptionState requested = body.TryGetProperty("subscription_state", out _) ||
            !body.TryGetProperty("state", out JsonElement stateValue) ||
            stateValue.ValueKind != JsonValueKind.String
                ? default
                : new SubscriptionState(stateValue.GetString()!);
        if (requested != SubscriptionState.Subscribed && requested != SubscriptionState.Suspended)
        {
            throw SaltoKsApiFailure.InvalidParameter("A parameter value is invalid: state");
        }

        SiteUser updated;
        lock (state.Gate)
        {
            UserRecord user = RoutedUser(context, Site(context));
            user.User = user.User with { SubscriptionState = requested == SubscriptionState.Subscribed ? SubscriptionState.Subscribed : SubscriptionState.Suspended };
            updated = Shown(user.User);
        }

        await WriteJsonAsync(context, 200, updated, Json.SiteUser).ConfigureAwait(false);
    }

    private Task DeleteUserAsync(HttpContext context)
    {
        lock (state.Gate)
        {
            SiteRecord site = Site(context);
            UserRecord user = RoutedUser(context, site);
            site.RemoveUser(user);

            // Leaving the site ends every membership there; the platform account itself remains.
            foreach (GroupRecord group in site.Groups)
            {
                group.Members.Remove(user.PlatformUserId);
            }
        }

        // 202 was observed for DELETE of a site user.
        return WriteEmptyAsync(context, 202);
    }

    private static bool? Flag(JsonElement body, string name) =>
        !body.TryGetProperty(name, out JsonElement value) ? null
        : value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw SaltoKsApiFailure.InvalidParameter($"A parameter value is invalid: {name}"),
        };

    private static void EnsureTagFree(SiteRecord site, Tag tag, UserRecord? except)
    {
        if (site.Users.Exists(u => u != except && u.TagIds.Contains(tag.Id, StringComparer.OrdinalIgnoreCase)))
        {
            // Which answer SALTO gives is unconfirmed; a tag opens for one user only.
            throw SaltoKsApiFailure.InvalidParameter("The tag is already assigned to another user");
        }
    }

    /// <summary>A site user as the API shows it: <c>tag_id</c> only under <see cref="SaltoKsSandboxOptions.SiteUsersShowTagId"/>.</summary>
    private SiteUser Shown(SiteUser user) => options.SiteUsersShowTagId ? user : user with { TagId = null };
}
