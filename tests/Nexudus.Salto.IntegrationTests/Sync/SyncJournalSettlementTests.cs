using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.Sync;
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

    private static SandboxFaultRule EmptyOnce(string group) =>
        SandboxFaultRule.On("GET", $"/*/sites/*/access_groups/{group}/users", SandboxFault.Response(200, """{"items":[],"next_page_link":null}""")).ForNextCalls(1);

    [Fact]
    public async Task Synchronize_GroupReadsEmptyOnceWhileAMemberWasAddedByHand_NeverClaimsThatMembership()
    {
        // Found by the chaos soak: an empty answer made the SDK add every entitled customer again and take a membership
        // added by hand for its own, which it removed when the entitlement ended.
        // Pat is entitled by a pass and was added to the group by hand before the SDK ever ran: not the SDK's. Kim's
        // membership is the SDK's.
        await using var h = await StartAsync();
        var pat = new PlatformUserId("0000a11c-0000-4000-8000-00000000000a");
        var seed = h.Seed(
            b => b.Customer("pat@example.com", "Pat Holder").CustomerPass("pat@example.com", "Day Pass", p => p with { ExpireDate = Start.AddHours(1) })
                .Customer("kim@example.com", "Kim Holder").CustomerPass("kim@example.com", "Day Pass"),
            b => b.User(new SiteUserId("0000a11c-0000-4000-8000-00000000000b"), pat, "pat@example.com").Member(PassGroup, pat));
        var options = Options(seed);
        await h.SyncAsync(options);
        Assert.Equal([h.UserOf("kim@example.com")], (await h.Store.LoadSiteAsync(SiteId)).OwnedMemberships.Where(o => o.GroupId == PassGroup).Select(o => o.UserId));

        h.Salto.Faults.Add(EmptyOnce(PassGroup));
        var glitch = await h.SyncAsync(options);
        h.Time.Advance(TimeSpan.FromHours(2));
        await h.SyncAsync(options);

        Assert.Contains(glitch.Errors, e => e.Kind == SyncErrorKind.SaltoRead && e.GroupId == PassGroup && e.Message.Contains("the SDK added 1 of its members", StringComparison.Ordinal));
        Assert.DoesNotContain(glitch.Changes, c => c.GroupId == PassGroup);
        Assert.Contains(pat, h.Members(PassGroup));
    }

    [Fact]
    public async Task Synchronize_GroupEmptiedByHand_IsBelievedOnTheThirdEmptyAnswerAndItsEntitledMembersReturn()
    {
        await using var h = await StartAsync();
        var seed = h.Seed(b => b.Customer("pat@example.com", "Pat Holder").CustomerPass("pat@example.com", "Day Pass"));
        var options = Options(seed);
        await h.SyncAsync(options);
        var pat = h.UserOf("pat@example.com");
        await h.SaltoClient.RemoveAccessGroupMemberAsync(SiteId, PassGroup, pat);

        var first = await h.SyncAsync(options);
        var second = await h.SyncAsync(options);
        Assert.DoesNotContain(pat, h.Members(PassGroup));
        var third = await h.SyncAsync(options);

        Assert.Contains(first.Errors, e => e.GroupId == PassGroup && e.Message.Contains("empty answer 1 in a row", StringComparison.Ordinal));
        Assert.Contains(second.Errors, e => e.GroupId == PassGroup && e.Message.Contains("empty answer 2 in a row", StringComparison.Ordinal));
        Assert.Equal(SyncResult.Completed, third.Result);
        Assert.Contains(pat, h.Members(PassGroup));
        Assert.Contains((await h.Store.LoadSiteAsync(SiteId)).OwnedMemberships, o => o.GroupId == PassGroup && o.UserId == pat);
    }
}
