using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Testing;

/// <summary>Access groups, their members (platform user ids only), locks and time schedules.</summary>
internal sealed partial class SaltoKsApi
{
    private static readonly IReadOnlyDictionary<string, ODataField<AccessGroup>> GroupFields = ODataField<AccessGroup>.Map(
        new("id", ODataFieldKind.Text, g => g.Id),
        new("customer_reference", ODataFieldKind.Text, g => g.CustomerReference));

    private static readonly IReadOnlyDictionary<string, ODataField<SaltoLock>> LockFields = ODataField<SaltoLock>.Map(
        new("id", ODataFieldKind.Text, l => l.Id),
        new("customer_reference", ODataFieldKind.Text, l => l.CustomerReference));

    private static readonly IReadOnlyDictionary<string, ODataField<AccessGroupMember>> FlatMemberFields = ODataField<AccessGroupMember>.Map();
    private static readonly IReadOnlyDictionary<string, ODataField<SiteUser>> NestedMemberFields = ODataField<SiteUser>.Map();
    private static readonly IReadOnlyDictionary<string, ODataField<TimeSchedule>> ScheduleFields = ODataField<TimeSchedule>.Map();

    private Task ListAccessGroupsAsync(HttpContext context)
    {
        List<AccessGroup> groups;
        lock (state.Gate)
        {
            groups = [.. Site(context).Groups.Select(g => g.Group)];
        }

        return WriteListAsync(context, groups, Json.AccessGroup, GroupFields);
    }

    private Task GetAccessGroupAsync(HttpContext context)
    {
        AccessGroup group;
        lock (state.Gate)
        {
            group = Group(context, Site(context)).Group;
        }

        return WriteJsonAsync(context, 200, group, Json.AccessGroup);
    }

    private async Task CreateAccessGroupAsync(HttpContext context)
    {
        AccessGroupCreateRequest request = Read(await ReadBodyAsync(context).ConfigureAwait(false), Json.AccessGroupCreateRequest);
        if (string.IsNullOrWhiteSpace(request.CustomerReference))
        {
            throw SaltoKsApiFailure.InvalidParameter("A parameter value is invalid: customer_reference");
        }

        AccessGroup group;
        lock (state.Gate)
        {
            SiteRecord site = Site(context);
            group = new AccessGroup { Id = state.NewId(), CustomerReference = request.CustomerReference };
            site.Groups.Add(new GroupRecord(group));
        }

        await WriteJsonAsync(context, 201, group, Json.AccessGroup).ConfigureAwait(false);
    }

    private Task DeleteAccessGroupAsync(HttpContext context)
    {
        lock (state.Gate)
        {
            SiteRecord site = Site(context);
            site.Groups.Remove(Group(context, site));
        }

        return WriteEmptyAsync(context, 204);
    }

    // ---- Members ----

    private Task ListMembersAsync(HttpContext context)
    {
        List<UserRecord> members;
        lock (state.Gate)
        {
            SiteRecord site = Site(context);
            members = [.. Group(context, site).Members.Select(id => site.FindUser(id)).OfType<UserRecord>()];
        }

        if (options.MemberShape == SaltoKsMemberShape.NestedUser)
        {
            return WriteListAsync(context, [.. members.Select(m => Shown(m.User))], Json.SiteUser, NestedMemberFields);
        }

        List<AccessGroupMember> flat = [.. members.Select(m => new AccessGroupMember
        {
            Id = m.PlatformUserId.Value,
            FirstName = m.User.User?.FirstName,
            LastName = m.User.User?.LastName,
            Email = m.User.User?.Email,
        })];
        return WriteListAsync(context, flat, Json.AccessGroupMember, FlatMemberFields);
    }

    private async Task AddMemberAsync(HttpContext context)
    {
        JsonElement body = await ReadBodyAsync(context).ConfigureAwait(false);
        string? userId = RequiredString(body, "user_id");
        lock (state.Gate)
        {
            SiteRecord site = Site(context);
            GroupRecord group = Group(context, site);
            UserRecord member = Member(site, userId);
            if (!group.Members.Contains(member.PlatformUserId))
            {
                group.Members.Add(member.PlatformUserId);
            }
        }

        await WriteEmptyAsync(context, 200).ConfigureAwait(false);
    }

    private async Task ChangeMembersAsync(HttpContext context)
    {
        AccessGroupUsersChange change = Read(await ReadBodyAsync(context).ConfigureAwait(false), Json.AccessGroupUsersChange);
        CheckBulkSize(change.AddIds.Count + change.RemoveIds.Count);
        lock (state.Gate)
        {
            SiteRecord site = Site(context);
            GroupRecord group = Group(context, site);

            // Every id is checked before anything changes, so a rejected call changes nothing.
            List<UserRecord> adds = [.. change.AddIds.Select(id => Member(site, id.Value))];
            List<UserRecord> removes = [.. change.RemoveIds.Select(id => Member(site, id.Value))];
            ApplyBulkChange(group.Members, adds.Select(a => a.PlatformUserId), removes.Select(r => r.PlatformUserId));
        }

        await WriteEmptyAsync(context, 200).ConfigureAwait(false);
    }

    private Task RemoveMemberAsync(HttpContext context)
    {
        lock (state.Gate)
        {
            SiteRecord site = Site(context);
            GroupRecord group = Group(context, site);
            UserRecord member = Member(site, context.Request.RouteValues["user_id"] as string);
            if (!group.Members.Remove(member.PlatformUserId))
            {
                throw SaltoKsApiFailure.UserNotFound();
            }
        }

        return WriteEmptyAsync(context, 204);
    }

    /// <summary>
    /// The user a membership call names: platform user ids only. A site-user id (or any unknown id)
    /// gives 404 <c>2202 User not found</c>, the mix-up the two id types guard against.
    /// </summary>
    private UserRecord Member(SiteRecord site, string? platformUserId)
    {
        UserRecord user = (string.IsNullOrEmpty(platformUserId) ? null : site.FindUser(new PlatformUserId(platformUserId)))
            ?? throw SaltoKsApiFailure.UserNotFound();
        CheckConsistency(user);
        return user;
    }

    private void CheckBulkSize(int ids)
    {
        if (options.MaxBulkIds is { } max && ids > max)
        {
            throw SaltoKsApiFailure.InvalidParameter($"A parameter value is invalid: at most {max} ids per call");
        }
    }

    // ---- Locks of a group ----

    private Task ListGroupLocksAsync(HttpContext context)
    {
        List<SaltoLock> locks;
        lock (state.Gate)
        {
            SiteRecord site = Site(context);
            locks = [.. Group(context, site).LockIds.Select(site.FindLock).OfType<SaltoLock>()];
        }

        return WriteListAsync(context, locks, Json.SaltoLock, LockFields);
    }

    private async Task AddGroupLockAsync(HttpContext context)
    {
        JsonElement body = await ReadBodyAsync(context).ConfigureAwait(false);
        string? lockId = RequiredString(body, "lock_id");
        lock (state.Gate)
        {
            SiteRecord site = Site(context);
            GroupRecord group = Group(context, site);
            SaltoLock theLock = site.FindLock(lockId) ?? throw SaltoKsApiFailure.NotFound("Lock not found");
            if (!group.LockIds.Contains(theLock.Id))
            {
                group.LockIds.Add(theLock.Id);
            }
        }

        await WriteEmptyAsync(context, 200).ConfigureAwait(false);
    }

    private async Task ChangeGroupLocksAsync(HttpContext context)
    {
        AccessGroupLocksChange change = Read(await ReadBodyAsync(context).ConfigureAwait(false), Json.AccessGroupLocksChange);
        CheckBulkSize(change.AddIds.Count + change.RemoveIds.Count);
        lock (state.Gate)
        {
            SiteRecord site = Site(context);
            GroupRecord group = Group(context, site);
            List<SaltoLock> adds = [.. change.AddIds.Select(id => site.FindLock(id) ?? throw SaltoKsApiFailure.NotFound("Lock not found"))];
            List<SaltoLock> removes = [.. change.RemoveIds.Select(id => site.FindLock(id) ?? throw SaltoKsApiFailure.NotFound("Lock not found"))];
            ApplyBulkChange(group.LockIds, adds.Select(a => a.Id), removes.Select(r => r.Id));
        }

        await WriteEmptyAsync(context, 200).ConfigureAwait(false);
    }

    private Task RemoveGroupLockAsync(HttpContext context)
    {
        lock (state.Gate)
        {
            SiteRecord site = Site(context);
            GroupRecord group = Group(context, site);
            SaltoLock theLock = site.FindLock(context.Request.RouteValues["lock_id"] as string) ?? throw SaltoKsApiFailure.NotFound("Lock not found");
            if (!group.LockIds.Remove(theLock.Id))
            {
                throw SaltoKsApiFailure.NotFound("Lock not found");
            }
        }

        return WriteEmptyAsync(context, 204);
    }

    // ---- Time schedules ----

    private Task ListTimeSchedulesAsync(HttpContext context)
    {
        List<TimeSchedule> schedules;
        lock (state.Gate)
        {
            schedules = [.. Group(context, Site(context)).Schedules];
        }

        return WriteListAsync(context, schedules, Json.TimeSchedule, ScheduleFields);
    }

    private async Task CreateTimeScheduleAsync(HttpContext context)
    {
        TimeScheduleRequest request = Read(await ReadBodyAsync(context).ConfigureAwait(false), Json.TimeScheduleRequest);
        Validate(request);
        TimeSchedule schedule;
        lock (state.Gate)
        {
            GroupRecord group = Group(context, Site(context));
            schedule = ToSchedule(state.NewId(), request);
            group.Schedules.Add(schedule);
        }

        await WriteJsonAsync(context, 201, schedule, Json.TimeSchedule).ConfigureAwait(false);
    }

    private async Task UpdateTimeScheduleAsync(HttpContext context)
    {
        JsonElement body = await ReadBodyAsync(context).ConfigureAwait(false);
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw SaltoKsApiFailure.RequestInvalid();
        }

        TimeSchedule updated;
        lock (state.Gate)
        {
            GroupRecord group = Group(context, Site(context));
            string? id = context.Request.RouteValues["time_schedule_id"] as string;
            int index = group.Schedules.FindIndex(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                throw SaltoKsApiFailure.NotFound("Time schedule not found");
            }

            // The fields sent replace the stored ones; the rest are kept.
            JsonObject merged = JsonSerializer.SerializeToNode(group.Schedules[index], Json.TimeSchedule)!.AsObject();
            foreach (JsonProperty property in body.EnumerateObject())
            {
                merged[property.Name] = JsonNode.Parse(property.Value.GetRawText());
            }

            TimeScheduleRequest request = merged.Deserialize(Json.TimeScheduleRequest) ?? throw SaltoKsApiFailure.RequestInvalid();
            Validate(request);
            updated = ToSchedule(group.Schedules[index].Id, request);
            group.Schedules[index] = updated;
        }

        await WriteJsonAsync(context, 200, updated, Json.TimeSchedule).ConfigureAwait(false);
    }

    private Task DeleteTimeScheduleAsync(HttpContext context)
    {
        lock (state.Gate)
        {
            GroupRecord group = Group(context, Site(context));
            string? id = context.Request.RouteValues["time_schedule_id"] as string;
            if (group.Schedules.RemoveAll(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase)) == 0)
            {
                throw SaltoKsApiFailure.NotFound("Time schedule not found");
            }
        }

        return WriteEmptyAsync(context, 204);
    }

    private static void Validate(TimeScheduleRequest request)
    {
        if (!(request.Monday || request.Tuesday || request.Wednesday || request.Thursday || request.Friday || request.Saturday || request.Sunday))
        {
            throw SaltoKsApiFailure.InvalidParameter("At least one day should be selected");
        }

        if (request is { StartTime: { } start, EndTime: { } end } && start >= end)
        {
            throw SaltoKsApiFailure.InvalidParameter("A parameter value is invalid: start_time must precede end_time");
        }

        if (request is { StartDate: { } from, EndDate: { } to } && from > to)
        {
            throw SaltoKsApiFailure.InvalidParameter("A parameter value is invalid: start_date must precede end_date");
        }
    }

    private static TimeSchedule ToSchedule(string id, TimeScheduleRequest request) => new()
    {
        Id = id,
        Monday = request.Monday,
        Tuesday = request.Tuesday,
        Wednesday = request.Wednesday,
        Thursday = request.Thursday,
        Friday = request.Friday,
        Saturday = request.Saturday,
        Sunday = request.Sunday,
        StartTime = request.StartTime,
        EndTime = request.EndTime,
        StartDate = request.StartDate,
        EndDate = request.EndDate,
    };

    // A bulk PATCH adds what the group lacks (each id once, in order) and then removes, as SALTO KS does; the
    // callers check every id first, so a rejected call changes nothing.
    private static void ApplyBulkChange<T>(List<T> current, IEnumerable<T> adds, IEnumerable<T> removes)
    {
        foreach (T add in adds.Where(a => !current.Contains(a)))
        {
            current.Add(add);
        }

        foreach (T remove in removes)
        {
            current.Remove(remove);
        }
    }
}
