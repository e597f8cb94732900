using Nexudus.Salto.Entitlements;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;
using Nexudus.Salto.Sync;
using static Nexudus.Salto.Tests.Sync.PlanningWorld;

namespace Nexudus.Salto.Tests.Sync;

public sealed class AccessPlannerTests
{
    [Fact]
    public void Plan_EntitledCustomerNotInGroup_AddsThemWithLineage()
    {
        var grant = new ContractGrant { BusinessId = 1, ContractId = 55, FloorPlanDeskId = 66 };
        var world = new PlanningWorld().Customer(1).SaltoUser(1).Link(1).Entitle(1, Shared, grant);

        var plan = world.Plan().Plan;

        var add = Assert.Single(plan.Additions);
        Assert.Equal((SiteId, Shared, 1L, (PlatformUserId?)User(1)), (add.SiteId, add.GroupId, add.CustomerId, add.UserId));
        Assert.Equal([grant], add.Grants);
        Assert.Empty(plan.Removals);
    }

    [Fact]
    public void Plan_EntitledCustomerAlreadyInGroup_ChangesNothing()
    {
        var world = new PlanningWorld().Customer(1).SaltoUser(1).Link(1).Entitle(1).Member(Shared, 1);

        Assert.True(world.Plan().Plan.IsEmpty);
    }

    [Fact]
    public void Plan_SharedGroupMemberAddedByHand_IsNeverRemoved()
    {
        var world = new PlanningWorld().Member(Shared, new PlatformUserId("pu-by-hand"));

        Assert.Empty(world.Plan().Plan.Removals);
    }

    [Fact]
    public void Plan_SharedGroupMemberTheSdkAddedAndNoLongerEntitled_IsRemoved()
    {
        var world = new PlanningWorld().Customer(1).SaltoUser(1).Link(1).Member(Shared, 1).Owned(Shared, 1);

        var removal = Assert.Single(world.Plan().Plan.Removals);

        Assert.Equal((Shared, User(1), (long?)1, RemovalBasis.AddedBySdk, (DateTimeOffset?)Now.AddDays(-2)),
            (removal.GroupId, removal.UserId, removal.CustomerId, removal.Basis, removal.AddedAt));
    }

    [Fact]
    public void Plan_ExclusiveGroupMemberNotEntitled_IsRemovedWhoeverAddedThem()
    {
        var world = new PlanningWorld().Customer(1).SaltoUser(1).Link(1).Member(Exclusive, 1);

        var removal = Assert.Single(world.Plan().Plan.Removals);

        Assert.Equal((Exclusive, User(1), (long?)1, RemovalBasis.ExclusiveGroup), (removal.GroupId, removal.UserId, removal.CustomerId, removal.Basis));
    }

    [Fact]
    public void Plan_ExclusiveGroupMemberWhoMayBeAnUnmatchedEntitledCustomer_IsNotRemoved()
    {
        // Two SALTO users share customer 1's e-mail: either may be the paying member.
        var world = new PlanningWorld().Customer(1)
            .SaltoUser(1, siteUser: "su-a", platformUser: "pu-a").SaltoUser(1, siteUser: "su-b", platformUser: "pu-b")
            .Entitle(1, Exclusive).Member(Exclusive, new PlatformUserId("pu-a"));

        var plan = world.Plan().Plan;

        Assert.Empty(plan.Removals);
        Assert.Empty(plan.Additions);
        Assert.Equal(IdentityIssueKind.AmbiguousSaltoUsers, Assert.Single(plan.IdentityIssues).Kind);
    }

    [Fact]
    public void Plan_EntitledCustomerWithoutSaltoUser_PlansCreationThenAdditionWithoutUserId()
    {
        var world = new PlanningWorld().Customer(1).Entitle(1, Shared).Entitle(1, Exclusive);

        var plan = world.Plan().Plan;

        var creation = Assert.Single(plan.UserCreations);
        Assert.Equal((1L, "c1@example.com", "Customer", "1"), (creation.CustomerId, creation.Email, creation.FirstName, creation.LastName));
        Assert.Equal([(Exclusive, (PlatformUserId?)null), (Shared, null)], plan.Additions.Select(a => (a.GroupId, a.UserId)));
    }

    [Fact]
    public void Plan_EntitledCustomerWhoCannotBeMatched_IsNeitherCreatedNorAdded()
    {
        var world = new PlanningWorld().Customer(1, email: null).Entitle(1);

        var plan = world.Plan().Plan;

        Assert.True(plan.IsEmpty);
        Assert.Equal(IdentityIssueKind.NoEmail, Assert.Single(plan.IdentityIssues).Kind);
    }

    [Fact]
    public void Plan_GroupWhoseMembersCouldNotBeRead_IsLeftOut()
    {
        var world = new PlanningWorld().Customer(1).SaltoUser(1).Link(1).Entitle(1, Exclusive).Unreadable(Exclusive)
            .Member(Shared, 1).Owned(Shared, 1);

        var plan = world.Plan().Plan;

        Assert.Empty(plan.Additions);
        Assert.Equal([Shared], plan.Removals.Select(r => r.GroupId));
        Assert.Equal(1, plan.ManagedMembershipCount);
    }

    [Fact]
    public void Plan_LedgerEntryWhoseMemberWasRemovedByHand_IsMarkedStale()
    {
        var world = new PlanningWorld().Customer(1).Customer(2).SaltoUser(1).SaltoUser(2).Link(1).Link(2)
            .Member(Shared, 1).Owned(Shared, 1).Owned(Shared, 2).Entitle(1);

        var result = world.Plan();

        Assert.Equal([new MembershipKey(SiteId, Shared, User(2))], result.StaleLedgerEntries);
    }

    [Fact]
    public void Plan_BelievedEmptyGroupWhereTheLedgerHeldMembers_ForgetsThemAsRemovedByHand()
    {
        // A doubted empty group never reaches the planner (EmptyGroupReads): one that does is believed.
        var world = new PlanningWorld().Owned(Shared, 1).Owned(Shared, 2);

        var result = world.Plan();

        Assert.Equal([new MembershipKey(SiteId, Shared, User(1)), new MembershipKey(SiteId, Shared, User(2))], result.StaleLedgerEntries);
    }

    [Fact]
    public void Plan_ManagedMembershipCount_CountsMembersOfReadGroups()
    {
        var world = new PlanningWorld().Member(Shared, 1).Member(Shared, 2).Member(Exclusive, 3);

        Assert.Equal(3, world.Plan().Plan.ManagedMembershipCount);
    }

    [Fact]
    public void Plan_ManyChanges_AreOrderedByGroupThenCustomerOrUser()
    {
        var world = new PlanningWorld();
        foreach (var id in new long[] { 5, 3, 9 })
        {
            world.Customer(id).SaltoUser(id).Link(id).Entitle(id, Shared).Entitle(id, Exclusive);
        }

        world.Member(Exclusive, new PlatformUserId("pu-z")).Member(Exclusive, new PlatformUserId("pu-a"))
            .SaltoUser(100, "z@example.com", "su-z", "pu-z").SaltoUser(101, "a@example.com", "su-a", "pu-a");

        var plan = world.Plan().Plan;

        Assert.Equal(
            [(Exclusive, 3L), (Exclusive, 5L), (Exclusive, 9L), (Shared, 3L), (Shared, 5L), (Shared, 9L)],
            plan.Additions.Select(a => (a.GroupId, a.CustomerId)));
        Assert.Equal(["pu-a", "pu-z"], plan.Removals.Select(r => r.UserId.Value));
    }

    [Fact]
    public void Plan_MemberMatchedByEmailIsEntitled_IsKeptEvenInExclusiveGroup()
    {
        var world = new PlanningWorld().Customer(1).SaltoUser(1).Entitle(1, Exclusive).Member(Exclusive, 1);

        Assert.True(world.Plan().Plan.IsEmpty);
    }

    [Fact]
    public void Plan_EntitledCustomerWhoseRememberedUserIsMissingFromTheList_KeepsTheMembershipTheSdkGranted()
    {
        // The issue's scenario in one site: the list no longer shows the customer's user, the link goes stale and a
        // creation is planned, but the membership the SDK granted stays: Nexudus still entitles the customer.
        var world = new PlanningWorld().Customer(1).Link(1).Entitle(1, Shared).Entitle(1, Exclusive)
            .Member(Shared, 1).Owned(Shared, 1).Member(Exclusive, 1).Owned(Exclusive, 1)
            .SaltoUser(2); // someone else, so the list is not empty

        var plan = world.Plan();

        Assert.Empty(plan.Plan.Removals);
        Assert.Equal([1L], plan.Plan.UserCreations.Select(c => c.CustomerId));
    }

    [Fact]
    public void Plan_EntitledCustomerWhoseLedgerMembershipIsNotTheirMatchedUser_KeepsIt()
    {
        // The ledger says the SDK added pu-old for customer 1, who now matches another user by e-mail.
        var world = new PlanningWorld().Customer(1).SaltoUser(1).Entitle(1, Shared)
            .SaltoUser(1, "old@example.com", "su-old", "pu-old").Member(Shared, new PlatformUserId("pu-old")).Owned(Shared, new PlatformUserId("pu-old"), 1);

        var plan = world.Plan();

        Assert.Empty(plan.Plan.Removals);
        Assert.Equal([new MembershipKey(SiteId, Shared, new PlatformUserId("pu-old"))], plan.KeptForEntitledCustomers);
    }

    [Fact]
    public void Plan_CustomerNoLongerEntitled_LosesTheMembershipTheSdkGranted()
    {
        var world = new PlanningWorld().Customer(1).SaltoUser(1).Link(1).Member(Shared, 1).Owned(Shared, 1);

        var plan = world.Plan().Plan;

        Assert.Equal([(Shared, User(1))], plan.Removals.Select(r => (r.GroupId, r.UserId)));
    }

    [Fact]
    public void Plan_ExclusiveGroupMemberTheSiteUserListDoesNotShow_IsNotRemoved()
    {
        var world = new PlanningWorld().Member(Exclusive, new PlatformUserId("pu-unlisted"));

        Assert.Empty(world.Plan().Plan.Removals);
    }
}
