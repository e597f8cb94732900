using Nexudus.Salto.Entitlements;
using Nexudus.Salto.Sync;
using static Nexudus.Salto.IntegrationTests.Sync.SyncHarness;

namespace Nexudus.Salto.IntegrationTests.Sync;

/// <summary>The access rules reaching SALTO through a sync: contracts, teams and booking windows, with their lineage.</summary>
public sealed class SyncEntitlementFlowTests
{
    [Fact]
    public async Task Synchronize_TeamOfAPayingMemberWithAnOffice_AddsEveryMemberWithTeamLineage()
    {
        await using var h = await StartAsync();
        var seed = h.Seed(b => b
            .Customer("boss@example.com", "Boss Person").Customer("dev@example.com", "Dev Person")
            .Contract("boss@example.com", "Office plan", Start.AddDays(-30), ["Office 101"])
            .Team("Acme", "boss@example.com", ["dev@example.com"]));

        var report = await h.SyncAsync(Options(seed));

        Assert.Equal(2, h.Members(OfficeGroup).Count);
        var dev = report.Changes.Single(c => c.CustomerId == seed.Customer("dev@example.com").Id);
        Assert.IsType<TeamGrant>(Assert.Single(dev.Grants));
    }

    [Fact]
    public async Task Synchronize_BookingWindow_AddsAtItsStartAndRemovesAfterItsEnd()
    {
        await using var h = await StartAsync();
        var seed = h.Seed(b => b.Customer("guest@example.com", "Guest Person")
            .Booking("guest@example.com", "Meeting room", Start.AddHours(1), Start.AddHours(2)));
        var options = Options(seed);

        var before = await h.SyncAsync(options);
        Assert.Empty(h.Members(RoomGroup));
        Assert.Equal(Start.AddMinutes(45), before.NextEdge);

        h.Time.Advance(TimeSpan.FromMinutes(50));
        var during = await h.SyncAsync(options);
        Assert.Single(h.Members(RoomGroup));
        Assert.IsType<BookingGrant>(Assert.Single(Assert.Single(during.Changes).Grants));

        h.Time.Advance(TimeSpan.FromHours(2));
        await h.SyncAsync(options);
        Assert.Empty(h.Members(RoomGroup));
    }

    [Fact]
    public async Task Synchronize_SuspendedCustomer_LosesAccessTheSdkGaveThem()
    {
        await using var h = await StartAsync();
        var seed = h.Seed(b => b.Customer("sam@example.com", "Sam Example").CustomerPass("sam@example.com", "Day Pass"));
        await h.SyncAsync(Options(seed));
        h.Nexudus.SuspendCustomer(seed.Customer("sam@example.com").Id);
        h.Nexudus.Seed(b => b.AtLocation("Central").Customer("other@example.com", "Other One").CustomerPass("other@example.com", "Day Pass"));

        await h.SyncAsync(Options(seed));

        Assert.Equal([h.UserOf("other@example.com")], h.Members(PassGroup));
    }
}
