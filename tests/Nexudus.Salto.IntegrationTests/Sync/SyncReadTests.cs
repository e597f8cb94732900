using System.Text.Json;
using Nexudus.Salto.Entitlements;
using Nexudus.Salto.Sync;
using static Nexudus.Salto.IntegrationTests.Sync.SyncHarness;

namespace Nexudus.Salto.IntegrationTests.Sync;

/// <summary>How a run reads Nexudus: few calls, bookings in their window, increments by UpdatedOn; and the JSON report.</summary>
public sealed class SyncReadTests
{
    [Fact]
    public async Task Synchronize_Bookings_AreReadOnlyInTheWindowThatCanMatter()
    {
        await using var h = await StartAsync();
        var seed = h.Seed(b => b.Customer("guest@example.com", "Guest Person")
            .Booking("guest@example.com", "Meeting room", Start.AddDays(-30), Start.AddDays(-30).AddHours(1))
            .Booking("guest@example.com", "Meeting room", Start.AddMinutes(-10), Start.AddMinutes(50)));

        await h.SyncAsync(Options(seed));

        var query = Uri.UnescapeDataString(h.Nexudus.Requests.GetRequests().Single(r => r.Path == "/api/spaces/bookings").Query);
        Assert.Contains("to_Booking_FromTime=2025-03-06T09:15", query, StringComparison.Ordinal);
        Assert.Contains("from_Booking_ToTime=2025-03-03T08:45", query, StringComparison.Ordinal);
        Assert.Single(h.Members(RoomGroup));
    }

    [Fact]
    public async Task Synchronize_ContractsForDesks_AreReadInFullOnlyForEligibleHolders()
    {
        await using var h = await StartAsync();
        var seed = h.Seed(b => b.Customers(3, "holder")
            .Contract("holder0001@example.com", "Office plan", Start.AddDays(-1), ["Office 101"])
            .Contract("holder0002@example.com", "Office plan", Start.AddDays(-1))
            .Contract("holder0003@example.com", "Office plan", Start.AddDays(-1)));
        h.Nexudus.SuspendCustomer(seed.Customer("holder0003@example.com").Id);

        await h.SyncAsync(Options(seed));

        var batch = h.Nexudus.Requests.GetRequests().Single(r => r.Path.StartsWith("/api/billing/coworkercontracts", StringComparison.Ordinal) && r.Query.Contains("id=", StringComparison.Ordinal));
        Assert.Equal(2, Uri.UnescapeDataString(batch.Query).Split(',').Length);
        Assert.Single(h.Members(OfficeGroup));
    }

    [Fact]
    public async Task Synchronize_BetweenFullReads_ReadsOnlyWhatChangedAndStillSeesNewPasses()
    {
        await using var h = await StartAsync();
        var seed = h.Seed(b => b.Customers(3, "member").CustomerPass("member0001@example.com", "Day Pass"));
        var sync = h.Synchronizer(Options(seed, o => o with { FullReadInterval = TimeSpan.FromHours(1) }));
        await sync.SynchronizeAsync();
        h.Time.Advance(TimeSpan.FromMinutes(10));
        h.Nexudus.Seed(b => b.AtLocation("Central").CustomerPass("member0002@example.com", "Day Pass"));
        h.Nexudus.Requests.Clear();

        var report = await sync.SynchronizeAsync();

        Assert.Equal(SnapshotReadKind.Incremental, report.SnapshotRead);
        Assert.Equal(2, h.Members(PassGroup).Count);
        Assert.All(h.Nexudus.Requests.GetRequests().Where(r => r.Path != "/api/spaces/bookings" && r.Path != "/api/token" && !r.Query.Contains("id=", StringComparison.Ordinal)),
            r => Assert.Contains("from_", r.Query, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Synchronize_IncrementalRead_SeesACustomerWhoWasSuspended()
    {
        await using var h = await StartAsync();
        var seed = h.Seed(b => b.Customers(2, "member").CustomerPass("member0001@example.com", "Day Pass").CustomerPass("member0002@example.com", "Day Pass"));
        var sync = h.Synchronizer(Options(seed, o => o with { FullReadInterval = TimeSpan.FromHours(1) }));
        await sync.SynchronizeAsync();
        h.Time.Advance(TimeSpan.FromMinutes(10));
        h.Nexudus.SuspendCustomer(seed.Customer("member0001@example.com").Id);

        var report = await sync.SynchronizeAsync();

        Assert.Equal(SnapshotReadKind.Incremental, report.SnapshotRead);
        Assert.Equal([h.UserOf("member0002@example.com")], h.Members(PassGroup));
    }

    [Fact]
    public async Task Synchronize_AfterTheFullReadInterval_ReadsInFullAgain()
    {
        await using var h = await StartAsync();
        var seed = h.Seed();
        var sync = h.Synchronizer(Options(seed, o => o with { FullReadInterval = TimeSpan.FromHours(1) }));
        await sync.SynchronizeAsync();
        h.Time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(SnapshotReadKind.Full, (await sync.SynchronizeAsync()).SnapshotRead);
    }

    [Fact]
    public async Task Report_SerialisedWithSyncReportJson_RoundTripsWithLineage()
    {
        await using var h = await StartAsync();
        var seed = h.Seed(b => b.Customer("sam@example.com", "Sam Example").CustomerPass("sam@example.com", "Day Pass")
            .Contract("sam@example.com", "Office plan", Start.AddDays(-1), ["Office 101"]));
        var report = await h.SyncAsync(Options(seed));

        var json = JsonSerializer.Serialize(report, SyncReportJson.TypeInfo);
        var back = JsonSerializer.Deserialize(json, SyncReportJson.TypeInfo)!;

        Assert.Contains("\"result\": \"Completed\"", json, StringComparison.Ordinal);
        Assert.Contains("\"rule\": \"contract\"", json, StringComparison.Ordinal);
        Assert.Equal(report.Changes.Select(c => (c.GroupId, c.CustomerId, c.UserId, c.Grants.Single().GetType())), back.Changes.Select(c => (c.GroupId, c.CustomerId, c.UserId, c.Grants.Single().GetType())));
        Assert.Equal(report.Calls, back.Calls);
        Assert.IsType<ContractGrant>(back.Changes.Single(c => c.GroupId == OfficeGroup).Grants.Single());
    }
}
