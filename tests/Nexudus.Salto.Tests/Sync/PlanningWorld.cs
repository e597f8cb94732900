using Nexudus.Salto.Entitlements;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;
using Nexudus.Salto.Sync;

namespace Nexudus.Salto.Tests.Sync;

/// <summary>
/// A small site for planner and matcher tests: customers, SALTO users, identity links, desired memberships,
/// actual group members and the ownership ledger, built fluently.
/// </summary>
public sealed class PlanningWorld
{
    public const string SiteId = "site-1";
    public const string Shared = "g-shared";
    public const string Exclusive = "g-exclusive";
    public static readonly DateTimeOffset Now = new(2025, 3, 4, 9, 0, 0, TimeSpan.Zero);

    public List<Coworker> Customers { get; } = [];

    public List<SiteUser> Users { get; } = [];

    public List<IdentityLink> Links { get; } = [];

    public List<DesiredMembership> Desired { get; } = [];

    public Dictionary<string, List<PlatformUserId>> Members { get; } = new(StringComparer.OrdinalIgnoreCase)
    {
        [Shared] = [],
        [Exclusive] = [],
    };

    public List<OwnedMembership> Ledger { get; } = [];

    public static PlatformUserId User(long customerId) => new($"pu-{customerId}");

    public static SiteUserId SiteUser(long customerId) => new($"su-{customerId}");

    public static TimePassGrant Grant(long passId = 7) => new() { BusinessId = 1, CoworkerTimePassId = passId, TimePassId = 70 };

    /// <summary>A customer with e-mail <c>c{id}@example.com</c>.</summary>
    public PlanningWorld Customer(long id, string? email = "default")
    {
        Customers.Add(new Coworker
        {
            Id = id,
            Email = email == "default" ? $"c{id}@example.com" : email,
            FullName = $"Customer {id}",
            GuessedFirstName = "Customer",
            GuessedLastName = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Active = true,
            Archived = false,
        });
        return this;
    }

    /// <summary>A SALTO user for the customer (same e-mail unless given).</summary>
    public PlanningWorld SaltoUser(long customerId, string? email = null, string? siteUser = null, string? platformUser = null)
    {
        Users.Add(new SiteUser
        {
            Id = siteUser is null ? SiteUser(customerId) : new SiteUserId(siteUser),
            User = new SaltoUser { Id = platformUser is null ? User(customerId) : new PlatformUserId(platformUser), Email = email ?? $"c{customerId}@example.com" },
        });
        return this;
    }

    public PlanningWorld Link(long customerId, string? siteUser = null, string? platformUser = null)
    {
        Links.Add(new IdentityLink
        {
            SiteId = SiteId,
            CustomerId = customerId,
            SiteUserId = siteUser is null ? SiteUser(customerId) : new SiteUserId(siteUser),
            PlatformUserId = platformUser is null ? User(customerId) : new PlatformUserId(platformUser),
            LinkedAt = Now.AddDays(-1),
        });
        return this;
    }

    public PlanningWorld Entitle(long customerId, string group = Shared, AccessGrant? grant = null)
    {
        Desired.Add(new DesiredMembership { SiteId = SiteId, GroupId = group, CustomerId = customerId, Grants = [grant ?? Grant()] });
        return this;
    }

    public PlanningWorld Member(string group, PlatformUserId user)
    {
        Members[group].Add(user);
        return this;
    }

    public PlanningWorld Member(string group, long customerId) => Member(group, User(customerId));

    public PlanningWorld Owned(string group, PlatformUserId user, long? customerId = null)
    {
        Ledger.Add(new OwnedMembership { SiteId = SiteId, GroupId = group, UserId = user, CustomerId = customerId, AddedAt = Now.AddDays(-2) });
        return this;
    }

    public PlanningWorld Owned(string group, long customerId) => Owned(group, User(customerId), customerId);

    public PlanningWorld Unreadable(string group)
    {
        Members.Remove(group);
        return this;
    }

    internal IdentityMatchResult Match() => IdentityMatcher.Match(
        SiteId, Customers, Desired.Select(d => d.CustomerId), Users, Links, Now);

    internal SitePlan Plan() => AccessPlanner.Plan(Input());

    internal SitePlanningInput Input() => new()
    {
        SiteId = SiteId,
        Groups =
        [
            new ManagedGroup { SiteId = SiteId, GroupId = Exclusive, Ownership = GroupOwnership.Exclusive },
            new ManagedGroup { SiteId = SiteId, GroupId = Shared, Ownership = GroupOwnership.Shared },
        ],
        Members = Members.ToDictionary(p => p.Key, p => (IReadOnlyList<PlatformUserId>)p.Value, StringComparer.OrdinalIgnoreCase),
        Desired = new DesiredAccess
        {
            EvaluatedAt = Now,
            Memberships = [.. Desired.OrderBy(d => d.GroupId, StringComparer.Ordinal).ThenBy(d => d.CustomerId)],
        },
        Identities = Match(),
        Ledger = Ledger,
        Customers = Customers.ToDictionary(c => c.Id),
    };
}
