using Nexudus.Salto.Entitlements;
using static Nexudus.Salto.Tests.Entitlements.TestWorld;

namespace Nexudus.Salto.Tests.Entitlements;

/// <summary>Only customers with Active == true and Archived == false get anything.</summary>
public sealed class EntitlementResolverEligibilityTests
{
    private static readonly DateTimeOffset Now = Utc(2026, 1, 15, 12);

    // Holds one of everything: a pass, a contract on a desk, and a booking happening now.
    private static TestWorld WorldWithEverythingFor(long customer, bool? active, bool? archived)
    {
        var world = new TestWorld();
        world.Customer(customer, active, archived);
        world.Pass(1, customer);
        world.Contract(2, customer, Utc(2025, 1, 1));
        world.Booking(3, customer, Now.AddMinutes(-30), Now.AddMinutes(30));
        return world;
    }

    [Fact]
    public void Resolve_ActiveUnarchivedCustomer_GetsEveryLinkedGroup()
    {
        var access = WorldWithEverythingFor(10, active: true, archived: false).Resolve(Now);

        Assert.Equal([DeskGroup, PassGroup, RoomGroup], access.GroupsOf(10).Order());
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    [InlineData(false, true)]
    public void Resolve_SuspendedOrArchivedCustomer_GetsNothing(bool active, bool archived)
    {
        var access = WorldWithEverythingFor(10, active, archived).Resolve(Now);

        Assert.Empty(access.Memberships);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(true, null)]
    [InlineData(null, null)]
    public void Resolve_CustomerWithMissingStatus_GetsNothing(bool? active, bool? archived)
    {
        var access = WorldWithEverythingFor(10, active, archived).Resolve(Now);

        Assert.Empty(access.Memberships);
    }

    [Fact]
    public void Resolve_CustomerNotInSnapshot_GetsNothing()
    {
        var world = WorldWithEverythingFor(10, active: true, archived: false);
        world.Coworkers.Clear();

        Assert.Empty(world.Resolve(Now).Memberships);
    }

    [Fact]
    public void Resolve_CustomerListedTwiceOnceSuspended_GetsNothing()
    {
        var world = WorldWithEverythingFor(10, active: true, archived: false);
        world.Customer(10, active: false);

        Assert.Empty(world.Resolve(Now).Memberships);
    }

    [Fact]
    public void Resolve_IneligibleCustomer_StillLeavesTheGroupsManaged()
    {
        var access = WorldWithEverythingFor(10, active: false, archived: false).Resolve(Now);

        Assert.Contains(access.ManagedGroups, g => g.GroupId == PassGroup && g.SiteId == LondonSite);
    }
}
