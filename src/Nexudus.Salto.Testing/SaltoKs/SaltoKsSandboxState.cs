using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Testing;

/// <summary>
/// Everything a <see cref="SaltoKsSandbox"/> holds. One gate guards it all: requests arrive
/// concurrently, and a single lock keeps every multi-step change (a bulk PATCH) atomic.
/// </summary>
internal sealed class SaltoKsSandboxState
{
    private int _nextId;
    private long _nextEntrySequence;

    public Lock Gate { get; } = new();

    public List<SiteRecord> Sites { get; } = [];

    /// <summary>KS logins for the password grant: username (any case) to password.</summary>
    public Dictionary<string, string> ServiceUsers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Platform accounts by e-mail: an account is global, so a second site reuses its id.</summary>
    public Dictionary<string, PlatformUserId> PlatformAccountsByEmail { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<SaltoKsInvitation> Invitations { get; } = [];

    public SiteRecord? FindSite(string? id) =>
        id is null ? null : Sites.Find(s => string.Equals(s.Site.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>Creates a UUID that is new in this sandbox and the same in every run of a test.</summary>
    public string NewId()
    {
        int n = ++_nextId;
        return new Guid(n, 0x5a17, 0x4b5e, 0x80, 0, 0, 0, 0, 0, 0, 0).ToString();
    }

    public long NextEntrySequence() => ++_nextEntrySequence;
}

/// <summary>One site and everything in it.</summary>
internal sealed class SiteRecord(Site site)
{
    public Site Site { get; set; } = site;

    public bool Released { get; set; } = true;

    public SiteSubscription Subscription { get; set; } = new() { Type = "sandbox" };

    public List<Role> Roles { get; } = [];

    public List<UserRecord> Users { get; } = [];

    public List<GroupRecord> Groups { get; } = [];

    public List<SaltoLock> Locks { get; } = [];

    public List<Tag> Tags { get; } = [];

    public List<EntryRecord> Entries { get; } = [];

    // Indexes over Users (a bulk PATCH looks up every id it names; a generated site has thousands of users).
    private readonly Dictionary<SiteUserId, UserRecord> _bySiteUserId = [];
    private readonly Dictionary<PlatformUserId, UserRecord> _byPlatformUserId = [];
    private readonly Dictionary<string, int> _emailCounts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Adds a user (never add to <see cref="Users"/> directly: the look-ups are indexed).</summary>
    public void AddUser(UserRecord user)
    {
        Users.Add(user);
        _bySiteUserId.TryAdd(user.User.Id, user);
        _byPlatformUserId.TryAdd(user.PlatformUserId, user);
        if (user.User.User?.Email is { } email)
        {
            _emailCounts[email] = _emailCounts.GetValueOrDefault(email) + 1;
        }
    }

    /// <summary>Tells whether a user of the site has this e-mail (ignoring case).</summary>
    public bool HasUserWithEmail(string email) => _emailCounts.GetValueOrDefault(email) > 0;

    /// <summary>Removes a user (never remove from <see cref="Users"/> directly: the look-ups are indexed).</summary>
    public void RemoveUser(UserRecord user)
    {
        if (Users.Remove(user) && user.User.User?.Email is { } email && _emailCounts.TryGetValue(email, out var count))
        {
            if (count <= 1)
            {
                _emailCounts.Remove(email);
            }
            else
            {
                _emailCounts[email] = count - 1;
            }
        }

        if (_bySiteUserId.TryGetValue(user.User.Id, out var bySite) && ReferenceEquals(bySite, user))
        {
            _bySiteUserId.Remove(user.User.Id);
            if (Users.Find(u => u.User.Id == user.User.Id) is { } next)
            {
                _bySiteUserId.Add(user.User.Id, next);
            }
        }

        if (_byPlatformUserId.TryGetValue(user.PlatformUserId, out var byPlatform) && ReferenceEquals(byPlatform, user))
        {
            _byPlatformUserId.Remove(user.PlatformUserId);
            if (Users.Find(u => u.PlatformUserId == user.PlatformUserId) is { } next)
            {
                _byPlatformUserId.Add(user.PlatformUserId, next);
            }
        }
    }

    public UserRecord? FindUser(SiteUserId id) => _bySiteUserId.GetValueOrDefault(id);

    public UserRecord? FindUser(PlatformUserId id) => _byPlatformUserId.GetValueOrDefault(id);

    public GroupRecord? FindGroup(string? id) =>
        Groups.Find(g => string.Equals(g.Group.Id, id, StringComparison.OrdinalIgnoreCase));

    public SaltoLock? FindLock(string? id) =>
        Locks.Find(l => string.Equals(l.Id, id, StringComparison.OrdinalIgnoreCase));

    public Tag? FindTag(string? id) =>
        Tags.Find(t => string.Equals(t.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The seats of the site: its subscription's <c>user_amount</c>, else the sandbox's default; null for no limit.</summary>
    public int? Seats(int? defaultSeats) => Subscription.UserAmount ?? defaultSeats;

    /// <summary>
    /// The site as the API shows it, with its user counts computed now: <c>subscribed_user_amount</c> is the seats
    /// bought, <c>active_user_amount</c> the seats used, which stops counting at the seats (as captured live).
    /// </summary>
    public Site Snapshot(int? defaultSeats)
    {
        int used = Users.Count(u => u.User.SubscriptionState == SubscriptionState.Subscribed);
        int? seats = Seats(defaultSeats);
        return Site with
        {
            ActiveUserAmount = seats is { } limit ? Math.Min(used, limit) : used,
            SubscribedUserAmount = seats,
        };
    }
}

/// <summary>A site user, with when the API created it (for the post-create window) and its tags.</summary>
internal sealed class UserRecord(SiteUser user)
{
    public SiteUser User { get; set; } = user;

    public PlatformUserId PlatformUserId => User.User!.Id;

    /// <summary>When <c>POST …/users</c> created the user; <see langword="null"/> for seeded users.</summary>
    public DateTimeOffset? CreatedThroughApiAt { get; init; }

    /// <summary>The PIN SALTO issued last (<c>PUT …/pin</c>); <see langword="null"/> before any.</summary>
    public string? Pin { get; set; }

    /// <summary>When the PIN stops opening; <see langword="null"/> for no expiry of its own.</summary>
    public DateTimeOffset? PinExpiresAt { get; set; }

    /// <summary>The tags assigned, in assignment order; the first shows as <c>tag_id</c>.</summary>
    public List<string> TagIds { get; } = [];

    /// <summary>Shows the first tag on the user: its id as <c>tag_id</c>, its number as <c>user.tag_number</c>.</summary>
    public void SyncTagId(SiteRecord site)
    {
        Tag? tag = TagIds.Count > 0 ? site.FindTag(TagIds[0]) : null;
        User = User with
        {
            TagId = tag?.Id,
            TagOwnedByThisSite = tag is not null,
            User = User.User is null ? null : User.User with { TagNumber = tag?.TagNumber },
        };
    }
}

/// <summary>An access group: its members (platform user ids), locks and time schedules.</summary>
internal sealed class GroupRecord(AccessGroup group)
{
    public AccessGroup Group { get; } = group;

    public List<PlatformUserId> Members { get; } = [];

    public List<string> LockIds { get; } = [];

    public List<TimeSchedule> Schedules { get; } = [];
}

/// <summary>An entry and the moment it becomes visible through the API (after the ingestion delay).</summary>
internal sealed record EntryRecord(Entry Entry, DateTimeOffset VisibleAt, long Sequence);
