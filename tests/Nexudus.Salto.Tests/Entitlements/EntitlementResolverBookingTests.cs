using Nexudus.Salto.Entitlements;
using static Nexudus.Salto.Tests.Entitlements.TestWorld;

namespace Nexudus.Salto.Tests.Entitlements;

/// <summary>A booking of a linked item grants from FromTime − before to ToTime + after.</summary>
public sealed class EntitlementResolverBookingTests
{
    private static readonly DateTimeOffset Now = Utc(2026, 1, 15, 12);
    private static readonly TimeSpan Buffer = TimeSpan.FromMinutes(15);

    private static TestWorld World(Action<TestWorld> add, bool includeTentative = false, TimeSpan? before = null, TimeSpan? after = null)
    {
        var world = new TestWorld();
        world.Customer(10);
        world.LondonLinks = world.LondonLinks with
        {
            IncludeTentativeBookings = includeTentative,
            BookingAccessBefore = before ?? Buffer,
            BookingAccessAfter = after ?? Buffer,
        };
        add(world);
        return world;
    }

    [Fact]
    public void Resolve_BookingStartingExactlyOneBufferFromNow_Grants()
    {
        var access = World(w => w.Booking(1, 10, Now + Buffer, Now + Buffer + TimeSpan.FromHours(1))).Resolve(Now);

        Assert.True(access.Grants(10, RoomGroup));
    }

    [Fact]
    public void Resolve_BookingStartingOneSecondAfterTheBufferEdge_GrantsNothingYet()
    {
        var from = Now + Buffer + TimeSpan.FromSeconds(1);
        var access = World(w => w.Booking(1, 10, from, from.AddHours(1))).Resolve(Now);

        Assert.False(access.Grants(10, RoomGroup));
        Assert.Equal(Now.AddSeconds(1), access.NextEdge);
    }

    [Fact]
    public void Resolve_BookingEndedExactlyOneBufferAgo_GrantsNothing()
    {
        var to = Now - Buffer;
        var access = World(w => w.Booking(1, 10, to.AddHours(-1), to)).Resolve(Now);

        Assert.False(access.Grants(10, RoomGroup));
    }

    [Fact]
    public void Resolve_BookingEndedOneSecondLessThanABufferAgo_GrantsForThatSecond()
    {
        var to = Now - Buffer + TimeSpan.FromSeconds(1);
        var access = World(w => w.Booking(1, 10, to.AddHours(-1), to)).Resolve(Now);

        Assert.Equal(Now.AddSeconds(1), access.Membership(10, RoomGroup).ValidUntil);
    }

    [Fact]
    public void Resolve_BookingHappeningNow_HasLineageWithTheWidenedWindow()
    {
        var access = World(w => w.Booking(1, 10, Utc(2026, 1, 15, 11), Utc(2026, 1, 15, 13))).Resolve(Now);

        var grant = Assert.IsType<BookingGrant>(Assert.Single(access.GetLineage(10, RoomGroup)));
        Assert.Equal((1L, LinkedItemKind.Resource, (long?)LondonRoom), (grant.BookingId, grant.LinkedBy, grant.ResourceId));
        Assert.Equal((Utc(2026, 1, 15, 10, 45), Utc(2026, 1, 15, 13, 15)), (grant.WindowStart, grant.WindowEnd));
        Assert.Equal(grant.WindowEnd, grant.ValidUntil);
    }

    [Fact]
    public void Resolve_BuffersSetToZero_UsesTheBookingsOwnWindow()
    {
        var world = World(w => w.Booking(1, 10, Now, Now.AddHours(1)), before: TimeSpan.Zero, after: TimeSpan.Zero);

        Assert.Equal(Now.AddHours(1), world.Resolve(Now).Membership(10, RoomGroup).ValidUntil);
        Assert.False(world.Resolve(Now.AddTicks(-1)).Grants(10, RoomGroup));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(null)]
    public void Resolve_TentativeOrUnflaggedBookingByDefault_GrantsNothing(bool? tentative)
    {
        var access = World(w => w.Booking(1, 10, Now, Now.AddHours(1), tentative: tentative)).Resolve(Now);

        Assert.False(access.Grants(10, RoomGroup));
    }

    [Fact]
    public void Resolve_TentativeBookingWhenIncluded_GrantsAndSaysItIsTentative()
    {
        var access = World(w => w.Booking(1, 10, Now, Now.AddHours(1), tentative: true), includeTentative: true).Resolve(Now);

        Assert.True(Assert.IsType<BookingGrant>(Assert.Single(access.GetLineage(10, RoomGroup))).Tentative);
    }

    [Fact]
    public void Resolve_BookingWithoutACustomer_GrantsNothing()
    {
        var access = World(w => w.Booking(1, null, Now, Now.AddHours(1))).Resolve(Now);

        Assert.Empty(access.Memberships);
    }

    [Fact]
    public void Resolve_BookingOfAnUnlinkedResource_GrantsNothing()
    {
        var access = World(w => w.Booking(1, 10, Now, Now.AddHours(1), resource: 1414925999)).Resolve(Now);

        Assert.Empty(access.Memberships);
    }

    [Fact]
    public void Resolve_BookingOfALinkedDesk_GrantsTheDesksGroup()
    {
        var access = World(w => w.Booking(1, 10, Now, Now.AddHours(1), resource: null, desk: LondonDesk)).Resolve(Now);

        Assert.Equal(LinkedItemKind.FloorPlanDesk, Assert.IsType<BookingGrant>(Assert.Single(access.GetLineage(10, DeskGroup))).LinkedBy);
    }

    [Fact]
    public void Resolve_BookingOfALinkedDeskAndResource_GrantsBothGroups()
    {
        var access = World(w => w.Booking(1, 10, Now, Now.AddHours(1), resource: LondonRoom, desk: LondonDesk)).Resolve(Now);

        Assert.Equal([DeskGroup, RoomGroup], access.GroupsOf(10).Order());
    }

    [Fact]
    public void Resolve_BookingAtLosAngeles_UsesThatLocationsBuffers()
    {
        var world = World(w => w.Booking(1, 10, Now.AddMinutes(20), Now.AddHours(1), resource: LosAngelesRoom));
        world.LosAngelesLinks = world.LosAngelesLinks with { BookingAccessBefore = TimeSpan.FromMinutes(30) };

        Assert.True(world.Resolve(Now).Grants(10, LaRoomGroup));
    }

    [Fact]
    public void Resolve_BookingEndingBeforeItStarts_GrantsNothing()
    {
        var world = World(w => w.Booking(1, 10, Now.AddHours(1), Now.AddHours(-1)), before: TimeSpan.Zero, after: TimeSpan.Zero);

        Assert.Empty(world.Resolve(Now).Memberships);
        Assert.Null(world.Resolve(Now).NextEdge);
    }
}
