using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Testing;

/// <summary>
/// Seeds a <see cref="SaltoKsSandbox"/>: sites, and in the current site its roles, users, access groups,
/// locks, memberships, time schedules, tags and entries. Get one from <see cref="SaltoKsSandbox.Seed"/>.
/// </summary>
/// <remarks>
/// Each method works on the current site: the one named by the last <see cref="Site"/> or
/// <see cref="UseSite"/> call, or the only site when the sandbox holds exactly one. Seeded data is
/// the truth the API then serves; seeded users are never subject to the post-create window.
/// Mistakes throw at once (an unknown group, a membership given a user who is not on the site).
/// </remarks>
/// <example>
/// <code>
/// sandbox.Seed(b => b
///     .Site("7c0f2c1e-0000-4000-8000-000000000001", "Central", timeZone: "Europe/Madrid")
///     .Role("8f6081a3-80fb-11e8-a892-000d3a221c5b", "site_user")
///     .User(new SiteUserId("su-ann"), new PlatformUserId("pu-ann"), email: "ann@example.com", firstName: "Ann")
///     .Lock("lock-front", "Front door")
///     .AccessGroup("group-members", "Members")
///     .GroupLock("group-members", "lock-front")
///     .Member("group-members", new PlatformUserId("pu-ann"))
///     .Entry("lock-front", at, new PlatformUserId("pu-ann")));
/// </code>
/// </example>
public sealed class SaltoKsSeedBuilder
{
    private readonly SaltoKsSandboxState _state;
    private readonly SaltoKsSandboxOptions _options;
    private SiteRecord? _site;

    internal SaltoKsSeedBuilder(SaltoKsSandboxState state, SaltoKsSandboxOptions options)
    {
        _state = state;
        _options = options;
        _site = state.Sites.Count == 1 ? state.Sites[0] : null;
    }

    private SiteRecord CurrentSite =>
        _site ?? throw new InvalidOperationException("Seed a site with Site(...), or pick one with UseSite(...), first.");

    /// <summary>Adds a site and makes it the current site.</summary>
    /// <param name="id">The site's UUID (<c>{site_id}</c> in routes).</param>
    /// <param name="customerReference">The site's name.</param>
    /// <param name="siteUid">The human-readable code; a route given it instead of the id answers 400 <c>1100</c>.</param>
    /// <param name="timeZone">The site's time zone (IANA or Windows id); UTC when absent. Entries' <c>local_date_time</c> follows it.</param>
    /// <param name="released">Whether the installer released the site; if not, every call on it answers 400 <c>2210</c>.</param>
    /// <returns>This builder.</returns>
    public SaltoKsSeedBuilder Site(string id, string? customerReference = null, string? siteUid = null, string? timeZone = null, bool released = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        if (_state.FindSite(id) is not null)
        {
            throw new ArgumentException($"Site '{id}' is already seeded; use UseSite to add to it.", nameof(id));
        }

        _site = new SiteRecord(new Site
        {
            Id = id,
            CustomerReference = customerReference,
            SiteUid = siteUid,
            TimeZone = timeZone,
            PinEnabled = true,
            ActiveIqAmount = 1,
        })
        { Released = released };
        _state.Sites.Add(_site);
        return this;
    }

    /// <summary>Makes an already seeded site the current site.</summary>
    /// <param name="id">The site's UUID.</param>
    /// <returns>This builder.</returns>
    public SaltoKsSeedBuilder UseSite(string id)
    {
        _site = _state.FindSite(id) ?? throw new ArgumentException($"Site '{id}' is not seeded.", nameof(id));
        return this;
    }

    /// <summary>Sets the current site's subscription.</summary>
    /// <param name="userAmount">The number of seats; <see langword="null"/> for no limit.</param>
    /// <param name="features">The enabled features, e.g. <c>events_streaming</c>.</param>
    /// <param name="type">The subscription type.</param>
    /// <returns>This builder.</returns>
    public SaltoKsSeedBuilder Subscription(int? userAmount, IEnumerable<string>? features = null, string? type = null)
    {
        CurrentSite.Subscription = new SiteSubscription { UserAmount = userAmount, Features = [.. features ?? []], Type = type ?? "sandbox" };
        return this;
    }

    /// <summary>Adds a role to the current site.</summary>
    /// <param name="id">The role's UUID, as <c>role_ids</c> will name it.</param>
    /// <param name="name">The role's name, e.g. <c>site_user</c>.</param>
    /// <returns>This builder.</returns>
    public SaltoKsSeedBuilder Role(string id, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        // As captured live: a role carries its code (e.g. site_user) and display name, and the older name is kept.
        CurrentSite.Roles.Add(new Role { Id = id, Name = name, Code = name, CustomerReference = name, IsHierarchical = name is "site_user" or "site_admin" or "site_super_user" or "owner" });
        return this;
    }

    /// <summary>Adds a user to the current site, with both of its ids.</summary>
    /// <param name="id">The site-user id, which user routes take.</param>
    /// <param name="userId">The platform user id, which access-group membership takes.</param>
    /// <param name="email">The e-mail address; <see langword="null"/> for a tag-only user.</param>
    /// <param name="firstName">The first name.</param>
    /// <param name="lastName">The last name.</param>
    /// <param name="subscriptionState">The seat state; <see cref="SubscriptionState.Subscribed"/> when absent.</param>
    /// <param name="alias">The display alias.</param>
    /// <param name="roleIds">Ids of roles seeded on the site.</param>
    /// <returns>This builder.</returns>
    public SaltoKsSeedBuilder User(
        SiteUserId id,
        PlatformUserId userId,
        string? email = null,
        string? firstName = null,
        string? lastName = null,
        SubscriptionState? subscriptionState = null,
        string? alias = null,
        IEnumerable<string>? roleIds = null)
    {
        SiteRecord site = CurrentSite;
        if (id.Value is null || userId.Value is null)
        {
            throw new ArgumentException("Both user ids are required.");
        }

        if (site.FindUser(id) is not null || site.FindUser(userId) is not null)
        {
            throw new ArgumentException($"A user with site-user id '{id}' or platform user id '{userId}' is already on site '{site.Site.Id}'.");
        }

        List<Role> roles = [.. (roleIds ?? []).Select(r => site.Roles.Find(x => x.Id == r) ?? throw new ArgumentException($"Role '{r}' is not seeded on site '{site.Site.Id}'.", nameof(roleIds)))];
        site.AddUser(new UserRecord(new SiteUser
        {
            Id = id,
            User = new SaltoUser { Id = userId, Email = email, FirstName = firstName, LastName = lastName },
            Roles = roles,
            Alias = alias,
            SubscriptionState = subscriptionState ?? SubscriptionState.Subscribed,
            UsePin = false,
            RemoteAccess = false,
            Blocked = false,
        }));
        if (email is not null)
        {
            _state.PlatformAccountsByEmail.TryAdd(email, userId);
        }

        return this;
    }

    /// <summary>Adds an access group to the current site.</summary>
    /// <param name="id">The group's UUID.</param>
    /// <param name="customerReference">The group's name.</param>
    /// <returns>This builder.</returns>
    public SaltoKsSeedBuilder AccessGroup(string id, string customerReference)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        if (CurrentSite.FindGroup(id) is not null)
        {
            throw new ArgumentException($"Access group '{id}' is already seeded.", nameof(id));
        }

        CurrentSite.Groups.Add(new GroupRecord(new AccessGroup { Id = id, CustomerReference = customerReference }));
        return this;
    }

    /// <summary>Adds a lock (door) to the current site.</summary>
    /// <param name="id">The lock's UUID.</param>
    /// <param name="customerReference">The lock's name, e.g. <c>Front door</c>.</param>
    /// <param name="lockType">The hardware kind; <see cref="LockType.EscutcheonPin"/> when absent.</param>
    /// <param name="online">Whether the lock is online.</param>
    /// <returns>This builder.</returns>
    public SaltoKsSeedBuilder Lock(string id, string customerReference, LockType? lockType = null, bool online = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        if (CurrentSite.FindLock(id) is not null)
        {
            throw new ArgumentException($"Lock '{id}' is already seeded.", nameof(id));
        }

        CurrentSite.Locks.Add(new SaltoLock
        {
            Id = id,
            CustomerReference = customerReference,
            LockType = lockType ?? LockType.EscutcheonPin,
            Online = online,
            LockedState = "locked",
            BatteryLevel = "normal",
            CommunicationType = "ble",
            Iq = new LockIq { OtpEnabled = true, DataSyncState = "synced" },
            OfflineAccessKeysCount = 0,
        });
        return this;
    }

    /// <summary>Puts a lock into an access group of the current site.</summary>
    /// <param name="accessGroupId">The group.</param>
    /// <param name="lockId">The lock.</param>
    /// <returns>This builder.</returns>
    public SaltoKsSeedBuilder GroupLock(string accessGroupId, string lockId)
    {
        GroupRecord group = Group(accessGroupId);
        SaltoLock theLock = CurrentSite.FindLock(lockId) ?? throw new ArgumentException($"Lock '{lockId}' is not seeded.", nameof(lockId));
        if (!group.LockIds.Contains(theLock.Id))
        {
            group.LockIds.Add(theLock.Id);
        }

        return this;
    }

    /// <summary>Makes a user a member of an access group of the current site, as if added by hand in the KS app.</summary>
    /// <param name="accessGroupId">The group.</param>
    /// <param name="userId">The member's platform user id (never the site-user id).</param>
    /// <returns>This builder.</returns>
    public SaltoKsSeedBuilder Member(string accessGroupId, PlatformUserId userId)
    {
        GroupRecord group = Group(accessGroupId);
        if (CurrentSite.FindUser(userId) is null)
        {
            throw new ArgumentException(
                $"No user on site '{CurrentSite.Site.Id}' has platform user id '{userId}'. Membership takes the platform id (user.id), not the site-user id.",
                nameof(userId));
        }

        if (!group.Members.Contains(userId))
        {
            group.Members.Add(userId);
        }

        return this;
    }

    /// <summary>Adds a time schedule to an access group of the current site.</summary>
    /// <param name="accessGroupId">The group.</param>
    /// <param name="schedule">The schedule; its id must be new.</param>
    /// <returns>This builder.</returns>
    public SaltoKsSeedBuilder TimeSchedule(string accessGroupId, TimeSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        Group(accessGroupId).Schedules.Add(schedule);
        return this;
    }

    /// <summary>Registers a tag (fob or card) to the current site.</summary>
    /// <param name="id">The tag's UUID, as <c>tag_id</c> names it.</param>
    /// <param name="tagNumber">The number on the tag.</param>
    /// <param name="customerReference">The tag's name.</param>
    /// <returns>This builder.</returns>
    public SaltoKsSeedBuilder Tag(string id, string tagNumber, string? customerReference = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        CurrentSite.Tags.Add(new Tag { Id = id, TagNumber = tagNumber, CustomerReference = customerReference });
        return this;
    }

    /// <summary>Assigns a registered tag of the current site to one of its users.</summary>
    /// <param name="siteUserId">The user's site-user id.</param>
    /// <param name="tagId">The tag's UUID.</param>
    /// <returns>This builder.</returns>
    public SaltoKsSeedBuilder UserTag(SiteUserId siteUserId, string tagId)
    {
        UserRecord user = CurrentSite.FindUser(siteUserId) ?? throw new ArgumentException($"No user has site-user id '{siteUserId}'.", nameof(siteUserId));
        Tag tag = CurrentSite.FindTag(tagId) ?? throw new ArgumentException($"Tag '{tagId}' is not registered.", nameof(tagId));
        user.TagIds.Add(tag.Id);
        user.SyncTagId(CurrentSite);
        return this;
    }

    /// <summary>Adds an entry (an access event) at a lock of the current site.</summary>
    /// <param name="lockId">The lock.</param>
    /// <param name="utcDateTime">When it happened.</param>
    /// <param name="userId">Who opened (or tried to); <see langword="null"/> for an unknown tag.</param>
    /// <param name="eventCategory">What happened; <see cref="EntryEventCategory.LockOpened"/> when absent.</param>
    /// <param name="eventDetail">The detail, e.g. <c>no_access</c>.</param>
    /// <param name="accessBy">The credential kind, e.g. <c>tag</c>.</param>
    /// <param name="id">The entry's id; a new UUID when absent.</param>
    /// <param name="visibleAt">
    /// When the API starts listing it; <paramref name="utcDateTime"/> plus the ingestion delay when absent.
    /// </param>
    /// <returns>This builder.</returns>
    public SaltoKsSeedBuilder Entry(
        string lockId,
        DateTimeOffset utcDateTime,
        PlatformUserId? userId = null,
        EntryEventCategory? eventCategory = null,
        string? eventDetail = null,
        string? accessBy = null,
        string? id = null,
        DateTimeOffset? visibleAt = null)
    {
        AddEntry(_state, _options, CurrentSite, lockId, utcDateTime, userId, eventCategory, eventDetail, accessBy, id, visibleAt);
        return this;
    }

    /// <summary>
    /// Adds an entry made with a tag, as captured on the live service: <c>access_by</c> <c>tag</c> and the tag's printed
    /// number in <c>access_detail</c>; with no <paramref name="userId"/>, the entry names nobody (as a live rejection of
    /// a tag the site does not know does).
    /// </summary>
    /// <param name="lockId">The lock.</param>
    /// <param name="utcDateTime">When it happened.</param>
    /// <param name="tagNumber">The tag's printed number, e.g. <c>02305075</c>.</param>
    /// <param name="userId">The user the tag belongs to, or <see langword="null"/>.</param>
    /// <param name="eventCategory">What happened; <see cref="EntryEventCategory.LockOpened"/> when absent.</param>
    /// <param name="eventDetail">The detail, if any.</param>
    /// <param name="id">The entry's id; a new UUID when absent.</param>
    /// <returns>This builder.</returns>
    public SaltoKsSeedBuilder TagEntry(
        string lockId,
        DateTimeOffset utcDateTime,
        string tagNumber,
        PlatformUserId? userId = null,
        EntryEventCategory? eventCategory = null,
        string? eventDetail = null,
        string? id = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(tagNumber);
        AddEntry(_state, _options, CurrentSite, lockId, utcDateTime, userId, eventCategory, eventDetail, "tag", id, visibleAt: null, accessDetail: tagNumber);
        return this;
    }

    /// <summary>
    /// Adds an exit by the inside handle, as captured on the live service: <c>lock_opened</c>, <c>access_by</c>
    /// <c>inside_handle</c>, <c>exit_requested</c> true, <c>user_id</c> null and an empty <c>access_detail</c>.
    /// </summary>
    /// <param name="lockId">The lock.</param>
    /// <param name="utcDateTime">When it happened.</param>
    /// <param name="id">The entry's id; a new UUID when absent.</param>
    /// <returns>This builder.</returns>
    public SaltoKsSeedBuilder InsideHandleExit(string lockId, DateTimeOffset utcDateTime, string? id = null)
    {
        AddEntry(_state, _options, CurrentSite, lockId, utcDateTime, null, EntryEventCategory.LockOpened, null, "inside_handle", id, visibleAt: null, accessDetail: string.Empty, exitRequested: true);
        return this;
    }

    /// <summary>
    /// Adds an office-mode event, as captured on the live service: <c>easy_office_mode</c> with <c>event_detail</c>
    /// <c>start</c> or <c>end</c>, made with the user's tag.
    /// </summary>
    /// <param name="lockId">The lock.</param>
    /// <param name="utcDateTime">When it happened.</param>
    /// <param name="userId">The user whose tag switched the mode.</param>
    /// <param name="start"><see langword="true"/> for <c>start</c>, <see langword="false"/> for <c>end</c>.</param>
    /// <param name="tagNumber">The tag's printed number, for <c>access_detail</c>.</param>
    /// <param name="id">The entry's id; a new UUID when absent.</param>
    /// <returns>This builder.</returns>
    public SaltoKsSeedBuilder OfficeModeEntry(string lockId, DateTimeOffset utcDateTime, PlatformUserId userId, bool start, string? tagNumber = null, string? id = null)
    {
        AddEntry(_state, _options, CurrentSite, lockId, utcDateTime, userId, EntryEventCategory.EasyOfficeMode, start ? "start" : "end", "tag", id, visibleAt: null, accessDetail: tagNumber);
        return this;
    }

    /// <summary>
    /// Adds a rejection of a PIN the lock does not know, as captured on the live service: <c>lock_rejected</c>,
    /// <c>no_access</c>, <c>access_by</c> <c>pin_code</c> and a <c>user_id</c> that is a sentinel matching no user.
    /// </summary>
    /// <param name="lockId">The lock.</param>
    /// <param name="utcDateTime">When it happened.</param>
    /// <param name="id">The entry's id; a new UUID when absent.</param>
    /// <returns>This builder.</returns>
    public SaltoKsSeedBuilder UnknownPinRejection(string lockId, DateTimeOffset utcDateTime, string? id = null)
    {
        AddEntry(_state, _options, CurrentSite, lockId, utcDateTime, UnknownPinUser, EntryEventCategory.LockRejected, "no_access", "pin_code", id, visibleAt: null);
        return this;
    }

    /// <summary>The user id a live site wrote on every rejection of an unknown PIN; it matches no user.</summary>
    public static PlatformUserId UnknownPinUser { get; } = new("ee8f17b4-701b-4aa6-9f1c-22f71cc61ca6");

    /// <summary>Adds a KS login the password grant accepts, besides the one in the options.</summary>
    /// <param name="username">The login (an e-mail address).</param>
    /// <param name="password">The password.</param>
    /// <returns>This builder.</returns>
    public SaltoKsSeedBuilder ServiceUser(string username, string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentException.ThrowIfNullOrEmpty(password);
        _state.ServiceUsers[username] = password;
        return this;
    }

    internal static Entry AddEntry(
        SaltoKsSandboxState state,
        SaltoKsSandboxOptions options,
        SiteRecord site,
        string lockId,
        DateTimeOffset utcDateTime,
        PlatformUserId? userId,
        EntryEventCategory? eventCategory,
        string? eventDetail,
        string? accessBy,
        string? id,
        DateTimeOffset? visibleAt,
        string? accessDetail = null,
        bool exitRequested = false)
    {
        SaltoLock theLock = site.FindLock(lockId) ?? throw new ArgumentException($"Lock '{lockId}' is not on site '{site.Site.Id}'.", nameof(lockId));
        SaltoUser? user = userId is { } pid ? site.FindUser(pid)?.User.User : null;
        DateTimeOffset utc = utcDateTime.ToUniversalTime();

        // Every field of a captured live entry, so clients meet the shape they will meet in production.
        var entry = new Entry
        {
            Id = id ?? state.NewId(),
            EventCategory = eventCategory ?? EntryEventCategory.LockOpened,
            EventDetail = eventDetail,
            UtcDateTime = utc,
            LocalDateTime = SiteTimeZone.ToWallClock(site.Site.TimeZone, utc),
            LockId = theLock.Id,
            LockMacAddress = HardwareAddress(theLock.Id, 14),
            LockCustomerReference = theLock.CustomerReference,
            UserId = userId,
            UserFirstName = user?.FirstName,
            UserLastName = user?.LastName,
            UserImageUrl = null,
            UserAlias = user is null ? null : string.Empty,
            IqId = DerivedId(site.Site.Id + "/iq"),
            IqCustomerReference = "IQ 01",
            IqMacAddress = HardwareAddress(site.Site.Id, 6),
            IqRevision = "2.0",
            ExitRequested = exitRequested,
            AccessBy = accessBy ?? (userId is null ? null : "tag"),
            AccessDetail = accessDetail,
            TtlInSeconds = 7_776_000,
            ExpirationDateTime = utc.AddDays(90),
        };
        site.Entries.Add(new EntryRecord(entry, visibleAt ?? utc + options.EntryIngestionDelay, state.NextEntrySequence()));
        return entry;
    }

    private static string DerivedId(string seed) =>
        new Guid(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(seed))[..16]).ToString();

    private static string HardwareAddress(string seed, int hexDigits) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(seed)))[..hexDigits];

    private GroupRecord Group(string accessGroupId) =>
        CurrentSite.FindGroup(accessGroupId) ?? throw new ArgumentException($"Access group '{accessGroupId}' is not seeded on site '{CurrentSite.Site.Id}'.", nameof(accessGroupId));
}
