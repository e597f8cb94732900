using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;
using Nexudus.Salto.Sync;
using Nexudus.Salto.Testing;
using static Nexudus.Salto.IntegrationTests.Sync.SyncHarness;

namespace Nexudus.Salto.IntegrationTests.Sync;

/// <summary>One bulk PATCH per changed group (chunked), failures isolated and backed off, dry run, no-change runs.</summary>
public sealed class SyncApplyTests
{
    private static NexudusSeed SeedMembers(SyncHarness h, int passes, bool office = false) => h.Seed(b =>
    {
        b.Customers(passes, "member");
        foreach (var i in Enumerable.Range(1, passes))
        {
            b.CustomerPass($"member{i:0000}@example.com", "Day Pass");
        }

        if (office)
        {
            b.Contract("member0001@example.com", "Office plan", Start.AddDays(-10), ["Office 101"]);
        }
    });

    [Fact]
    public async Task Synchronize_GroupWithAddsAndRemoves_ChangesItInOneBulkPatch()
    {
        await using var h = await StartAsync();
        var seed = h.Seed(
            b => b.Customers(2, "member").CustomerPass("member0001@example.com", "Day Pass").CustomerPass("member0002@example.com", "Day Pass", p => p with { ExpireDate = Start.AddHours(1) }),
            s => s.User(new SiteUserId("su-x"), new PlatformUserId("pu-x"), "x@example.com").Member(PassGroup, new PlatformUserId("pu-x")));
        await h.SyncAsync(Options(seed));
        h.Nexudus.Seed(b => b.AtLocation("Central").Customer("member0003@example.com", "Member 3").CustomerPass("member0003@example.com", "Day Pass"));
        h.Time.Advance(TimeSpan.FromHours(2));
        h.Salto.Requests.Clear();

        var report = await h.SyncAsync(Options(seed));

        Assert.Equal(1, h.Salto.Requests.Count("PATCH", $"/v1.1/sites/{SiteId}/access_groups/{PassGroup}/users"));
        Assert.Equal([(MembershipChangeKind.Add, SyncChangeOutcome.Applied), (MembershipChangeKind.Remove, SyncChangeOutcome.Applied)],
            report.Changes.Select(c => (c.Kind, c.Outcome)));
    }

    [Fact]
    public async Task Synchronize_MoreChangesThanTheChunkSize_SendsOnePatchPerChunk()
    {
        await using var h = await StartAsync();
        var seed = SeedMembers(h, 5);

        await h.SyncAsync(Options(seed, o => o with { MembershipChunkSize = 2 }));

        Assert.Equal(3, h.Salto.Requests.Count("PATCH", $"/v1.1/sites/{SiteId}/access_groups/{PassGroup}/users"));
        Assert.Equal(5, h.Members(PassGroup).Count);
        Assert.Equal(5, (await h.Store.LoadSiteAsync(SiteId)).OwnedMemberships.Count);
    }

    [Fact]
    public async Task Synchronize_OneGroupFails_OtherGroupsAreStillChanged()
    {
        await using var h = await StartAsync(saltoClient: o => o.MaxRetryAttempts = 0);
        var seed = SeedMembers(h, 2, office: true);
        h.Salto.Faults.Add(SandboxFaultRule.On("PATCH", $"/v1.1/sites/{SiteId}/access_groups/{PassGroup}/users", SaltoKsFaults.InternalError()));

        var report = await h.SyncAsync(Options(seed));

        Assert.Equal(SyncResult.Failed, report.Result);
        Assert.Empty(h.Members(PassGroup));
        Assert.Single(h.Members(OfficeGroup));
        Assert.Contains(report.Errors, e => e.Kind == SyncErrorKind.GroupChange && e.GroupId == PassGroup);
    }

    [Fact]
    public async Task Synchronize_GroupChangeRejected_RecordsNothingForItInTheLedger()
    {
        await using var h = await StartAsync(saltoClient: o => o.MaxRetryAttempts = 0);
        var seed = SeedMembers(h, 2, office: true);
        h.Salto.Faults.Add(SandboxFaultRule.On("PATCH", $"/v1.1/sites/{SiteId}/access_groups/{PassGroup}/users", SaltoKsFaults.InternalError()));

        await h.SyncAsync(Options(seed));

        var owned = (await h.Store.LoadSiteAsync(SiteId)).OwnedMemberships;
        Assert.Equal([OfficeGroup], owned.Select(o => o.GroupId));
    }

    [Fact]
    public async Task Synchronize_FailedGroup_RecordsBackOffAndIsSkippedUntilItPasses()
    {
        await using var h = await StartAsync(saltoClient: o => o.MaxRetryAttempts = 0);
        var seed = SeedMembers(h, 1);
        h.Salto.Faults.Add(SandboxFaultRule.On("PATCH", $"/v1.1/sites/{SiteId}/access_groups/{PassGroup}/users", SaltoKsFaults.InternalError()).ForNextCalls(1));
        var options = Options(seed, o => o with { GroupRetryBaseDelay = TimeSpan.FromMinutes(10) });
        await h.SyncAsync(options);
        var status = Assert.Single((await h.Store.LoadSiteAsync(SiteId)).GroupStatuses);
        Assert.Equal((1, (DateTimeOffset?)Start.AddMinutes(10)), (status.ConsecutiveFailures, status.NextAttemptAt));

        h.Time.Advance(TimeSpan.FromMinutes(5));
        var skipped = await h.SyncAsync(options);
        h.Time.Advance(TimeSpan.FromMinutes(6));
        var retried = await h.SyncAsync(options);

        Assert.Equal(SyncChangeOutcome.Skipped, Assert.Single(skipped.Changes).Outcome);
        Assert.Contains(skipped.Errors, e => e.Kind == SyncErrorKind.GroupBackOff);
        Assert.Equal(SyncChangeOutcome.Applied, Assert.Single(retried.Changes).Outcome);
        Assert.Single(h.Members(PassGroup));
        Assert.Equal(0, Assert.Single((await h.Store.LoadSiteAsync(SiteId)).GroupStatuses).ConsecutiveFailures);
    }

    [Fact]
    public async Task Synchronize_RepeatedFailures_DoubleTheBackOff()
    {
        await using var h = await StartAsync(saltoClient: o => o.MaxRetryAttempts = 0);
        var seed = SeedMembers(h, 1);
        h.Salto.Faults.Add(SandboxFaultRule.On("PATCH", $"/v1.1/sites/{SiteId}/access_groups/{PassGroup}/users", SaltoKsFaults.InternalError()));
        var options = Options(seed, o => o with { GroupRetryBaseDelay = TimeSpan.FromMinutes(1) });
        await h.SyncAsync(options);
        h.Time.Advance(TimeSpan.FromMinutes(1));

        await h.SyncAsync(options);

        var status = Assert.Single((await h.Store.LoadSiteAsync(SiteId)).GroupStatuses);
        Assert.Equal((2, (DateTimeOffset?)Start.AddMinutes(1 + 2)), (status.ConsecutiveFailures, status.NextAttemptAt));
    }

    [Fact]
    public async Task Synchronize_DryRun_ReportsThePlanAndWritesNothing()
    {
        await using var h = await StartAsync();
        var seed = SeedMembers(h, 2, office: true);
        var store = new CountingStateStore(new InMemorySyncStateStore());
        h.Store = store;

        var report = await h.SyncAsync(Options(seed, o => o with { DryRun = true }));

        Assert.True(report.DryRun);
        Assert.Equal(3, report.Changes.Count);
        Assert.All(report.Changes, c => Assert.Equal(SyncChangeOutcome.Planned, c.Outcome));
        Assert.Equal(2, report.UserCreations.Count);
        Assert.Equal(0, h.Salto.Requests.GetCounters().Writes);
        Assert.Equal(0, store.Writes);
        Assert.Empty(h.Salto.GetSiteUsers(SiteId));
    }

    [Fact]
    public async Task Synchronize_SecondRunWithNothingChanged_WritesNothingAnywhere()
    {
        await using var h = await StartAsync();
        var seed = SeedMembers(h, 3, office: true);
        await h.SyncAsync(Options(seed));
        var store = new CountingStateStore(h.Store);
        h.Store = store;
        h.Salto.Requests.Clear();
        h.Nexudus.Requests.Clear();

        var report = await h.SyncAsync(Options(seed));

        Assert.Equal(SyncResult.Completed, report.Result);
        Assert.Empty(report.Changes);
        Assert.Equal(0, h.Salto.Requests.GetCounters().Writes);
        Assert.Equal(0, h.Nexudus.Requests.GetCounters().Writes);
        Assert.Equal(0, store.Writes);
    }

    [Fact]
    public async Task Synchronize_AnotherRunHoldsTheState_FailsWithoutTouchingAnything()
    {
        await using var h = await StartAsync();
        var seed = SeedMembers(h, 1);
        await using var lease = await h.Store.AcquireLeaseAsync("other");

        var report = await h.SyncAsync(Options(seed));

        Assert.Equal(SyncResult.Failed, report.Result);
        Assert.Equal(SyncErrorKind.StateLocked, Assert.Single(report.Errors).Kind);
        Assert.Equal(0, h.Salto.Requests.GetCounters().Requests);
    }

    [Fact]
    public async Task Synchronize_Report_CountsTheCallsTheSandboxesSaw()
    {
        await using var h = await StartAsync();
        var seed = SeedMembers(h, 2, office: true);

        var report = await h.SyncAsync(Options(seed));

        var nexudus = h.Nexudus.Requests.GetCounters();
        var salto = h.Salto.Requests.GetCounters();
        Assert.Equal((nexudus.Requests, nexudus.Writes), (report.Calls.Nexudus.Total, report.Calls.Nexudus.Writes));
        Assert.Equal((salto.Requests, salto.Writes), (report.Calls.SaltoKs.Total, report.Calls.SaltoKs.Writes));
    }
}
