using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.Sync;

namespace Nexudus.Salto.Tests.Sync;

public sealed class IdentityMatcherTests
{
    [Fact]
    public void Match_LinkedCustomer_UsesIdentityMapEvenWhenEmailChanged()
    {
        var world = new PlanningWorld().Customer(1, "new@example.com").SaltoUser(1, "old@example.com").Link(1).Entitle(1);

        var result = world.Match();

        Assert.Equal(new MatchedIdentity(1, PlanningWorld.SiteUser(1), PlanningWorld.User(1), IdentityMatchKind.IdentityMap), result.Matched[1]);
        Assert.Empty(result.LinksToSave);
    }

    [Fact]
    public void Match_NoLinkAndEmailDiffersInCaseAndSpaces_MatchesByEmailAndRemembersLink()
    {
        var world = new PlanningWorld().Customer(1, "  Sam@Example.com ").SaltoUser(1, "sam@example.COM").Entitle(1);

        var result = world.Match();

        Assert.Equal(IdentityMatchKind.Email, result.Matched[1].Kind);
        var link = Assert.Single(result.LinksToSave);
        Assert.Equal((1L, PlanningWorld.SiteUser(1), PlanningWorld.User(1), false), (link.CustomerId, link.SiteUserId, link.PlatformUserId, link.CreatedBySdk));
    }

    [Fact]
    public void Match_ByEmailUserHoldingATag_CarriesTheHeldTag()
    {
        var world = new PlanningWorld().Customer(1).SaltoUser(1).Entitle(1);
        world.Users[0] = world.Users[0] with { TagId = "tag-held" };

        var result = world.Match();

        Assert.Equal("tag-held", result.Matched[1].TagId);
    }

    [Fact]
    public void Match_ByIdentityMapUserHoldingATag_CarriesTheHeldTag()
    {
        var world = new PlanningWorld().Customer(1).SaltoUser(1).Link(1).Entitle(1);
        world.Users[0] = world.Users[0] with { TagId = "tag-held" };

        var result = world.Match();

        Assert.Equal(("tag-held", IdentityMatchKind.IdentityMap), (result.Matched[1].TagId, result.Matched[1].Kind));
    }

    [Fact]
    public void Match_NoSaltoUserWithEmail_ListsCustomerWithoutUser()
    {
        var world = new PlanningWorld().Customer(1).SaltoUser(2).Entitle(1);

        var result = world.Match();

        Assert.Equal([1L], result.WithoutUser);
        Assert.Empty(result.Matched);
        Assert.Empty(result.Issues);
    }

    [Fact]
    public void Match_TwoSaltoUsersShareTheEmail_ReportsAmbiguityAndMatchesNone()
    {
        var world = new PlanningWorld().Customer(1)
            .SaltoUser(1, siteUser: "su-a", platformUser: "pu-a")
            .SaltoUser(1, siteUser: "su-b", platformUser: "pu-b")
            .Entitle(1);

        var result = world.Match();

        Assert.Empty(result.Matched);
        Assert.Empty(result.WithoutUser);
        Assert.Equal(IdentityIssueKind.AmbiguousSaltoUsers, Assert.Single(result.Issues).Kind);
        Assert.Equal([new PlatformUserId("pu-a"), new PlatformUserId("pu-b")], result.Unresolved.OrderBy(u => u.Value));
    }

    [Fact]
    public void Match_TwoCustomersShareAnEmail_ReportsBothAndMatchesNeither()
    {
        var world = new PlanningWorld().Customer(1, "team@example.com").Customer(2, "TEAM@example.com")
            .SaltoUser(1, "team@example.com").Entitle(1).Entitle(2);

        var result = world.Match();

        Assert.Empty(result.Matched);
        Assert.Empty(result.WithoutUser);
        Assert.Equal([(1L, IdentityIssueKind.SharedEmail), (2L, IdentityIssueKind.SharedEmail)], result.Issues.Select(i => (i.CustomerId, i.Kind)));
    }

    [Fact]
    public void Match_EmailBelongsToUserLinkedToAnotherCustomer_ReportsAndNeitherMatchesNorCreates()
    {
        // Customer 2 took the address customer 1 used when the link was made.
        var world = new PlanningWorld().Customer(1, "moved@example.com").Customer(2, "c1@example.com")
            .SaltoUser(1).Link(1).Entitle(2);

        var result = world.Match();

        Assert.False(result.Matched.ContainsKey(2));
        Assert.Empty(result.WithoutUser);
        Assert.Equal(IdentityIssueKind.LinkedToAnotherCustomer, Assert.Single(result.Issues).Kind);
    }

    [Fact]
    public void Match_LinkedUserLeftTheSite_ForgetsLinkAndMatchesAgainByEmail()
    {
        var world = new PlanningWorld().Customer(1).SaltoUser(1, siteUser: "su-new", platformUser: "pu-new")
            .Link(1, siteUser: "su-gone", platformUser: "pu-gone").Entitle(1);

        var result = world.Match();

        Assert.Equal([1L], result.LinksToForget);
        Assert.Equal(IdentityIssueKind.StaleLink, Assert.Single(result.Issues).Kind);
        Assert.Equal(new PlatformUserId("pu-new"), result.Matched[1].PlatformUserId);
        Assert.Equal(new SiteUserId("su-new"), Assert.Single(result.LinksToSave).SiteUserId);
    }

    [Fact]
    public void Match_LinkedUserReaddedWithNewSiteUserId_KeepsMatchAndSavesTheNewId()
    {
        var world = new PlanningWorld().Customer(1).SaltoUser(1, siteUser: "su-readded").Link(1).Entitle(1);

        var result = world.Match();

        Assert.Equal(IdentityMatchKind.IdentityMap, result.Matched[1].Kind);
        Assert.Equal(new SiteUserId("su-readded"), Assert.Single(result.LinksToSave).SiteUserId);
        Assert.Empty(result.LinksToForget);
    }

    [Fact]
    public void Match_CustomerWithoutEmail_ReportsNoEmailAndPlansNoUser()
    {
        var world = new PlanningWorld().Customer(1, email: "  ").Entitle(1);

        var result = world.Match();

        Assert.Equal(IdentityIssueKind.NoEmail, Assert.Single(result.Issues).Kind);
        Assert.Empty(result.WithoutUser);
    }

    [Fact]
    public void Match_LinkedCustomerNotAskedAbout_StillNamesTheirSaltoUser()
    {
        var world = new PlanningWorld().Customer(1).SaltoUser(1).Link(1);

        var result = world.Match();

        Assert.Empty(result.Matched);
        Assert.Equal(1L, result.CustomerByUser[PlanningWorld.User(1)]);
    }

    [Fact]
    public void Match_TwoLinksClaimOneSaltoUser_KeepsTheFirstAndTreatsTheOtherAsStale()
    {
        var world = new PlanningWorld().Customer(1).Customer(2).SaltoUser(1).Link(1).Link(2, siteUser: "su-1", platformUser: "pu-1").Entitle(1).Entitle(2);

        var result = world.Match();

        Assert.Equal(PlanningWorld.User(1), result.Matched[1].PlatformUserId);
        Assert.False(result.Matched.ContainsKey(2));
        Assert.Contains(2L, result.LinksToForget);
    }
}
