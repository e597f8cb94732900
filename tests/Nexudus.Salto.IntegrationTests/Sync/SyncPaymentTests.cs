using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.Sync;
using Nexudus.Salto.Testing;
using static Nexudus.Salto.IntegrationTests.Sync.SyncHarness;

namespace Nexudus.Salto.IntegrationTests.Sync;

/// <summary>Payment-aware access end to end: an invoice overdue past the grace removes access, paying restores exactly it.</summary>
public sealed class SyncPaymentTests
{
    private static readonly SiteUserId SamSiteUser = new("su-sam");
    private static readonly PlatformUserId Sam = new("pu-sam");

    [Fact]
    public async Task Synchronize_InvoiceOverduePastTheGrace_RemovesTheSdkMembershipsWithInvoiceLineage()
    {
        await using var h = await StartAsync();
        var seed = h.Seed(b => b.Customer("sam@example.com", "Sam Example").CustomerPass("sam@example.com", "Day Pass")
            .Invoice("sam@example.com", "INV-0042", Start.AddDays(-3)));
        var options = Suspending(seed, days: 7);

        var withinGrace = await h.SyncAsync(options);
        Assert.Single(h.Members(PassGroup));
        Assert.Empty(withinGrace.PaymentSuspensions);
        Assert.True(withinGrace.NextEdge <= Start.AddDays(4), "the worker wakes when the grace ends");

        h.Time.Advance(TimeSpan.FromDays(4) + TimeSpan.FromMinutes(1));
        var overdue = await h.SyncAsync(options);

        Assert.Empty(h.Members(PassGroup));
        var removal = Assert.Single(overdue.Changes);
        Assert.Equal((MembershipChangeKind.Remove, SyncChangeOutcome.Applied), (removal.Kind, removal.Outcome));
        Assert.Equal("invoice #INV-0042 overdue since 2025-03-01", removal.Suspension?.Reason);
        var suspension = Assert.Single(overdue.PaymentSuspensions);
        Assert.Equal((seed.Customer("sam@example.com").Id, PaymentSuspensionState.Started), (suspension.CustomerId, suspension.State));
    }

    [Fact]
    public async Task Synchronize_InvoicePaid_RestoresExactlyTheMembershipsTheSuspensionRemoved()
    {
        await using var h = await StartAsync();
        // Sam's SALTO user is in the office group by hand (not the SDK's) and in the hand-run group.
        var seed = h.Seed(
            b => b.Customer("sam@example.com", "Sam Example").CustomerPass("sam@example.com", "Day Pass")
                .Contract("sam@example.com", "Office plan", Start.AddDays(-30), ["Office 101"])
                .Invoice("sam@example.com", "INV-7", Start.AddDays(-20)),
            s => s.User(SamSiteUser, Sam, "sam@example.com").Member(OfficeGroup, Sam).Member(HandGroup, Sam));
        var options = Suspending(seed, days: 14);

        var suspended = await h.SyncAsync(options);
        Assert.Empty(suspended.Changes); // the SDK never granted anything: nothing of Sam's is its to remove
        Assert.Empty(h.Members(PassGroup));
        Assert.Equal([Sam], h.Members(OfficeGroup));

        h.Nexudus.PayInvoice(seed.Invoice("INV-7").Id, Start);
        var paid = await h.SyncAsync(options);
        Assert.Equal([Sam], h.Members(PassGroup));
        Assert.Equal(PaymentSuspensionState.Lifted, Assert.Single(paid.PaymentSuspensions).State);

        var later = h.Nexudus.Seed(b => b.AtLocation("Central").Invoice("sam@example.com", "INV-8", Start.AddDays(-30)));
        var again = await h.SyncAsync(options);
        var removal = Assert.Single(again.Changes);
        Assert.Equal((MembershipChangeKind.Remove, PassGroup), (removal.Kind, removal.GroupId));
        Assert.Equal([Sam], h.Members(OfficeGroup));
        Assert.Equal([Sam], h.Members(HandGroup));

        h.Nexudus.PayInvoice(later.Invoice("INV-8").Id, Start);
        var restored = await h.SyncAsync(options);

        var addition = Assert.Single(restored.Changes);
        Assert.Equal((MembershipChangeKind.Add, PassGroup, SyncChangeOutcome.Applied), (addition.Kind, addition.GroupId, addition.Outcome));
        Assert.Equal([Sam], h.Members(PassGroup));
        Assert.Equal([Sam], h.Members(OfficeGroup));
        Assert.Equal([Sam], h.Members(HandGroup));
        Assert.Empty((await h.SyncAsync(options)).Changes);
    }

    [Fact]
    public async Task Synchronize_InvoicesUnreadable_SuspendsNobodyNewAndRestoresNobodySuspended()
    {
        await using var h = await StartAsync();
        var seed = h.Seed(b => b
            .Customer("late@example.com", "Late Payer").CustomerPass("late@example.com", "Day Pass")
            .Invoice("late@example.com", "INV-1", Start.AddDays(-30))
            .Customer("next@example.com", "Next Payer").CustomerPass("next@example.com", "Day Pass")
            .Invoice("next@example.com", "INV-2", Start.AddDays(-1)));
        var options = Suspending(seed, days: 7);
        await h.SyncAsync(options);
        Assert.Equal([h.UserOf("next@example.com")], h.Members(PassGroup));

        // Meanwhile the first invoice is paid and the second falls overdue, but the invoices cannot be read.
        h.Nexudus.PayInvoice(seed.Invoice("INV-1").Id, Start);
        h.Time.Advance(TimeSpan.FromDays(10));
        h.Nexudus.Faults.Add(SandboxFaultRule.On("GET", "/api/billing/coworkerinvoices", SandboxFault.Response(500)));
        var unread = await h.SyncAsync(options);

        Assert.Equal(SyncResult.Failed, unread.Result);
        Assert.Contains(unread.Errors, e => e.Kind == SyncErrorKind.NexudusRead && e.Message.Contains("invoices", StringComparison.Ordinal));
        Assert.Equal([h.UserOf("next@example.com")], h.Members(PassGroup));
        Assert.Empty(unread.Changes);
        Assert.Equal(PaymentSuspensionState.KeptUnread, Assert.Single(unread.PaymentSuspensions).State);

        h.Nexudus.Faults.Clear();
        var read = await h.SyncAsync(options);

        Assert.Equal([h.UserOf("late@example.com")], h.Members(PassGroup));
        Assert.Equal(
            [("late@example.com", MembershipChangeKind.Add), ("next@example.com", MembershipChangeKind.Remove)],
            read.Changes.Select(c => (c.CustomerId == seed.Customer("late@example.com").Id ? "late@example.com" : "next@example.com", c.Kind)).OrderBy(c => c.Item1));
    }

    [Fact]
    public async Task Synchronize_InvoicesRefusedWith403_WarnsAndChangesNobody()
    {
        await using var h = await StartAsync();
        var seed = h.Seed(b => b.Customer("sam@example.com", "Sam Example").CustomerPass("sam@example.com", "Day Pass")
            .Invoice("sam@example.com", "INV-1", Start.AddDays(-30)));
        h.Nexudus.Faults.Add(SandboxFaultRule.On("GET", "/api/billing/coworkerinvoices", SandboxFault.Response(403)));

        var report = await h.SyncAsync(Suspending(seed, days: 7));

        Assert.Equal(SyncResult.Completed, report.Result);
        Assert.Equal(SyncWarningKind.InvoicesUnavailable, Assert.Single(report.Warnings, w => w.Kind == SyncWarningKind.InvoicesUnavailable).Kind);
        Assert.Single(h.Members(PassGroup));
    }

    [Fact]
    public async Task Synchronize_PaidVoidCreditedAndDraftInvoices_SuspendNobody()
    {
        await using var h = await StartAsync();
        var seed = h.Seed(b => b.Customer("sam@example.com", "Sam Example").CustomerPass("sam@example.com", "Day Pass")
            .Invoice("sam@example.com", "P", Start.AddDays(-30), i => i with { Paid = true, PaidAmount = 100m })
            .Invoice("sam@example.com", "V", Start.AddDays(-30), i => i with { Void = true })
            .Invoice("sam@example.com", "C", Start.AddDays(-30), i => i with { CreditNote = true })
            .Invoice("sam@example.com", "D", Start.AddDays(-30), i => i with { Draft = true }));

        var report = await h.SyncAsync(Suspending(seed, days: 0));

        Assert.Single(h.Members(PassGroup));
        Assert.Empty(report.PaymentSuspensions);
    }

    [Fact]
    public async Task Synchronize_ManySuspensionsPastTheGuard_HoldsThem()
    {
        await using var h = await StartAsync();
        var seed = h.Seed(b =>
        {
            foreach (var i in Enumerable.Range(1, 3))
            {
                b.Customer($"c{i}@example.com", $"Customer {i}").CustomerPass($"c{i}@example.com", "Day Pass");
            }
        });
        var options = Suspending(seed, days: 7) with { Safety = new RevocationSafety { MaxRevocations = 2, MaxRevocationPercent = 100 } };
        await h.SyncAsync(options);
        h.Nexudus.Seed(b =>
        {
            b.AtLocation("Central");
            foreach (var i in Enumerable.Range(1, 3))
            {
                b.Invoice($"c{i}@example.com", $"INV-{i}", Start.AddDays(-30));
            }
        });

        var report = await h.SyncAsync(options);

        Assert.Equal(SyncResult.RemovalsHeld, report.Result);
        Assert.Equal(3, h.Members(PassGroup).Count);
        Assert.All(report.Changes, c => Assert.Equal((SyncChangeOutcome.Held, true), (c.Outcome, c.Suspension is not null)));
    }

    [Fact]
    public async Task Synchronize_DryRunWithAnOverdueInvoice_ShowsWhoWouldLoseAccessAndWritesNothing()
    {
        await using var h = await StartAsync();
        var seed = h.Seed(b => b.Customer("sam@example.com", "Sam Example").CustomerPass("sam@example.com", "Day Pass"));
        var options = Suspending(seed, days: 7);
        await h.SyncAsync(options);
        h.Nexudus.Seed(b => b.AtLocation("Central").Invoice("sam@example.com", "INV-9", Start.AddDays(-8)));

        var report = await h.SyncAsync(options, new SyncRunOptions { DryRun = true });

        var planned = Assert.Single(report.Changes);
        Assert.Equal((SyncChangeOutcome.Planned, "invoice #INV-9 overdue since 2025-02-24"), (planned.Outcome, planned.Suspension?.Reason));
        Assert.Single(h.Members(PassGroup));
        Assert.Null(await h.Store.GetValueAsync(PaymentAwareAccess.StateKey));
    }

    [Fact]
    public async Task Synchronize_PaymentAwareAccessOff_ReadsNoInvoices()
    {
        await using var h = await StartAsync();
        var seed = h.Seed(b => b.Customer("sam@example.com", "Sam Example").CustomerPass("sam@example.com", "Day Pass")
            .Invoice("sam@example.com", "INV-1", Start.AddDays(-30)));

        var paths = new System.Collections.Concurrent.ConcurrentQueue<string>();
        h.Hook.OnRequest = (_, request) =>
        {
            paths.Enqueue(request.RequestUri!.AbsolutePath);
            return HookAction.None;
        };

        await h.SyncAsync(Options(seed));

        Assert.Single(h.Members(PassGroup));
        Assert.Contains(paths, p => p.Contains("coworkertimepasses", StringComparison.Ordinal));
        Assert.DoesNotContain(paths, p => p.Contains("coworkerinvoices", StringComparison.Ordinal));
    }

    private static AccessSyncOptions Suspending(NexudusSeed seed, int days) =>
        Options([Location(seed) with { SuspendAfterOverdueDays = days }]);
}
