using Nexudus.Salto.Testing;
using static Nexudus.Salto.IntegrationTests.Sync.SyncHarness;

namespace Nexudus.Salto.IntegrationTests.Sync;

/// <summary>What an interrupted run left in the journal is settled against a member list that can be trusted (found by the chaos soak).</summary>
public sealed class SyncJournalSettlementTests
{
    [Fact]
    public async Task Synchronize_PendingAdditionWhileTheGroupReadsEmpty_KeepsTheClaimSoTheMemberIsRemovedWhenTheEntitlementEnds()
    {
        await using var h = await StartAsync();
        var seed = h.Seed(b => b.Customer("pat@example.com", "Pat Holder").CustomerPass("pat@example.com", "Day Pass", p => p with { ExpireDate = Start.AddHours(1) }));
        var options = Options(seed);

        // Run 1 stops right after SALTO accepted the PATCH: the addition is journalled, not yet in the ledger.
        using (var run = new CancellationTokenSource())
        {
            h.Hook.OnRequest = (_, request) => request.Method == HttpMethod.Patch ? HookAction.StopAfter : HookAction.None;
            h.Hook.OnStop = run.Cancel;
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.SyncAsync(options, run.Token));
            h.Hook.OnRequest = null;
        }

        var pat = h.UserOf("pat@example.com");
        Assert.Contains(pat, h.Members(PassGroup));

        // Run 2, after the pass expired: the group's member list comes back empty once (a glitch).
        h.Time.Advance(TimeSpan.FromHours(2));
        h.Salto.Faults.Add(SandboxFaultRule.On("GET", $"/*/sites/*/access_groups/{PassGroup}/users", SandboxFault.Response(200, """{"items":[],"next_page_link":null}""")).ForNextCalls(1));
        await h.SyncAsync(options);

        // Run 3 reads the group as it is: the member the SDK added without entitlement goes.
        await h.SyncAsync(options);

        Assert.DoesNotContain(pat, h.Members(PassGroup));
    }
}
