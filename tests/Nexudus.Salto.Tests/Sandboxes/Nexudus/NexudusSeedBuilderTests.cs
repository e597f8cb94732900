using Nexudus.Salto.Nexudus;
using Nexudus.Salto.Testing;
using static Nexudus.Salto.Tests.Sandboxes.Nexudus.NexudusSandboxHttp;

namespace Nexudus.Salto.Tests.Sandboxes.Nexudus;

/// <summary>The seed builder produces consistent records, and the direct mutation methods change them like the dashboard would.</summary>
public sealed class NexudusSeedBuilderTests
{
    [Fact]
    public async Task Location_WithATimeZone_LinksASimpleTimeZoneNamedAfterIt()
    {
        await using var sandbox = await StartAsync();

        var seed = SeedCentral(sandbox);

        var zone = sandbox.Get<SimpleTimeZone>(seed.Location("Central").SimpleTimeZoneId!.Value)!;
        Assert.Equal("Europe/Madrid", zone.Name);
        Assert.Equal("+01:00", zone.TimeOffset);
        Assert.True(zone.UsesSummerTime);
    }

    [Fact]
    public async Task Customer_IsActiveAtTheCurrentLocation()
    {
        await using var sandbox = await StartAsync();

        var seed = SeedCentral(sandbox);

        var sam = seed.Customer("sam@example.com");
        Assert.True(sam.Active);
        Assert.False(sam.Archived);
        Assert.Equal([seed.Location("Central").Id], sam.Businesses);
        Assert.Equal("12345678", sam.AccessCardId);
    }

    [Fact]
    public async Task Contract_OnADesk_GivesTheDeskItsCustomerAndTheCustomerItsPlan()
    {
        await using var sandbox = await StartAsync();

        var seed = SeedCentral(sandbox);

        var kim = seed.Customer("kim@example.com");
        var desk = seed.Desk("Office 101");
        var contract = Assert.Single(seed.All<CoworkerContract>());
        Assert.Equal([desk.Id], contract.Desks);
        Assert.Equal(kim.Id, desk.CoworkerId);
        Assert.False(desk.Available);
        Assert.Equal(seed.Plan("Office plan").Id, kim.TariffId);
        Assert.True(contract.Active);
    }

    [Fact]
    public async Task Team_AddsItselfToEveryMembersTeams()
    {
        await using var sandbox = await StartAsync();

        var seed = SeedCentral(sandbox);

        var team = seed.Team("Acme");
        Assert.Equal(seed.Customer("kim@example.com").Id, team.PayingMemberId);
        Assert.Equal([team.Id], seed.Customer("sam@example.com").Teams);
        Assert.Equal([team.Id], seed.Customer("kim@example.com").Teams);
    }

    [Fact]
    public async Task Booking_CopiesTheNamesNexudusDenormalises()
    {
        await using var sandbox = await StartAsync();

        var seed = SeedCentral(sandbox);

        var booking = Assert.Single(seed.All<Booking>());
        Assert.Equal("Small meeting room", booking.ResourceName);
        Assert.Equal("Sam Example", booking.CoworkerFullName);
    }

    [Fact]
    public async Task Seed_LaterCall_CanReferToEarlierRecords()
    {
        await using var sandbox = await StartAsync();
        SeedCentral(sandbox);

        var seed = sandbox.Seed(b => b.AtLocation("Central").CustomerPass("kim@example.com", "Day Pass"));

        Assert.Equal(seed.Customer("kim@example.com").Id, Assert.Single(seed.Changed.OfType<CoworkerTimePass>()).CoworkerId);
    }

    [Fact]
    public async Task Seed_UnknownCustomer_ThrowsAndAddsNothing()
    {
        await using var sandbox = await StartAsync();

        Assert.Throws<ArgumentException>(() => sandbox.Seed(b => b.Location("Central").Resource("Room").Booking("nobody@example.com", "Room", Now, Now.AddHours(1))));
        Assert.Empty(sandbox.GetAll<Business>());
    }

    [Fact]
    public async Task Seed_WithoutALocation_Throws()
    {
        await using var sandbox = await StartAsync();

        Assert.Throws<InvalidOperationException>(() => sandbox.Seed(b => b.Customer("sam@example.com", "Sam Example")));
    }

    [Fact]
    public async Task CancelBooking_MovesItToCancelledBookingsWithTheReason()
    {
        await using var sandbox = await StartAsync();
        SeedCentral(sandbox);
        var booking = Assert.Single(sandbox.GetAll<Booking>());

        var cancelled = sandbox.CancelBooking(booking.Id, BookingCancellationReason.TooExpensive);

        Assert.Empty(sandbox.GetAll<Booking>());
        Assert.Equal(booking.Id, cancelled.Id);
        Assert.Equal(BookingCancellationReason.TooExpensive, Assert.Single(sandbox.GetAll<CancelledBooking>()).CancellationReason);
    }

    [Fact]
    public async Task ArchiveCustomer_SetsArchivedAndStampsUpdatedOn()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now);
        await using var sandbox = await StartAsync(o => o.TimeProvider = time);
        var seed = SeedCentral(sandbox);
        time.Advance(TimeSpan.FromHours(1));

        var archived = sandbox.ArchiveCustomer(seed.Customer("sam@example.com").Id);

        Assert.True(archived.Archived);
        Assert.Equal(Now.AddHours(1), archived.UpdatedOn);
    }

    [Fact]
    public async Task Put_NewRecord_GetsTheNextIdAndTimestamps()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now);
        await using var sandbox = await StartAsync(o => o.TimeProvider = time);

        var resource = sandbox.Put(new Resource { Name = "Phone booth" });

        Assert.Equal(1_414_000_001, resource.Id);
        Assert.Equal(Now, resource.CreatedOn);
        Assert.NotNull(resource.UniqueId);
        Assert.Equal(resource, sandbox.Get<Resource>(resource.Id));
    }
}
