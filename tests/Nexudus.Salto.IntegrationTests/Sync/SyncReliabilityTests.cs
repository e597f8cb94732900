using Nexudus.Salto.Sync;
using Nexudus.Salto.Testing;
using static Nexudus.Salto.IntegrationTests.Sync.SyncHarness;

namespace Nexudus.Salto.IntegrationTests.Sync;

/// <summary>
/// Revocation needs a reason from Nexudus: a SALTO read that comes back empty, short or malformed never removes a
/// membership, whatever the guard's limits.
/// </summary>
public sealed class SyncReliabilityTests
{
    /// <summary>Five customers with a pass that does not end; after the first sync all five are in the pass group.</summary>
    private static async Task<(SyncHarness Harness, NexudusSeed Seed)> FiveMembersAsync()
    {
        var h = await StartAsync();
        var seed = h.Seed(b =>
        {
            b.Customers(5, "member");
            foreach (var i in Enumerable.Range(1, 5))
            {
                b.CustomerPass($"member{i:0000}@example.com", "Day Pass", p => p with { ExpireDate = Start.AddDays(30) });
            }
        });
        await h.SyncAsync(Options(seed));
        Assert.Equal(5, h.Members(PassGroup).Count);
        return (h, seed);
    }

    // Limits high enough that the guard would let every removal through: only the planner's rules protect the members.
    private static AccessSyncOptions Permissive(NexudusSeed seed) =>
        Options(seed, o => o with { Safety = new RevocationSafety { MaxRevocations = 1000, MaxRevocationPercent = 100 } });

    [Theory]
    [InlineData("[]")]
    [InlineData("""{"items":[]}""")]
    [InlineData("""{"items":[],"next_page_link":null,"count":0}""")]
    public async Task Synchronize_SaltoAnswersTheSiteUserListEmpty_RemovesNoOneAndReportsAFailedRead(string body)
    {
        var (h, seed) = await FiveMembersAsync();
        await using var _ = h;
        h.Salto.Faults.Add(SandboxFaultRule.On("GET", $"/*/sites/{SiteId}/users", SandboxFault.Response(200, body)));

        var report = await h.SyncAsync(Permissive(seed));

        Assert.Equal(5, h.Members(PassGroup).Count);
        Assert.DoesNotContain(report.Changes, c => c.Kind == MembershipChangeKind.Remove);
        Assert.Empty(report.UserCreations);
        Assert.Equal(SyncResult.Failed, report.Result);
        var error = Assert.Single(report.Errors, e => e.Kind == SyncErrorKind.SaltoRead);
        Assert.DoesNotContain("allow-mass-revocation", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Synchronize_SaltoAnswersTheSiteUserListEmptyWithTheOverride_StillRemovesNoOne()
    {
        var (h, seed) = await FiveMembersAsync();
        await using var _ = h;
        h.Salto.Faults.Add(SandboxFaultRule.On("GET", $"/*/sites/{SiteId}/users", SandboxFault.Response(200, "[]")));

        var report = await h.SyncAsync(Options(seed, o => o with { AllowMassRevocation = true }));

        Assert.Equal(5, h.Members(PassGroup).Count);
        Assert.DoesNotContain(report.Changes, c => c.Kind == MembershipChangeKind.Remove);
    }

    [Fact]
    public async Task Synchronize_EntitledCustomersUserMissingAndCreationRefused_KeepsTheirMembershipAndReportsIt()
    {
        var (h, seed) = await FiveMembersAsync();
        await using var _ = h;

        // The list shows four of the five users: long enough to be trusted, yet one customer cannot be matched and
        // SALTO refuses to create them again (the e-mail is in use).
        var missing = h.UserOf("member0001@example.com");
        h.Salto.Faults.Add(SandboxFaultRule.On("GET", $"/*/sites/{SiteId}/users", SandboxFault.Response(200, UsersBodyWithout(h, missing))));

        var report = await h.SyncAsync(Permissive(seed));

        Assert.Contains(missing, h.Members(PassGroup));
        Assert.Equal(5, h.Members(PassGroup).Count);
        Assert.DoesNotContain(report.Changes, c => c.Kind == MembershipChangeKind.Remove);
        Assert.Equal(SyncResult.Failed, report.Result);
    }

    [Fact]
    public async Task Synchronize_NexudusListsACustomerTwice_CompletesAndKeepsEveryonesAccess()
    {
        var (h, seed) = await FiveMembersAsync();
        await using var _ = h;
        h.Hook.OnResponse = async (request, response) =>
        {
            if (request.Method != HttpMethod.Get || !request.RequestUri!.AbsolutePath.EndsWith("/coworkers", StringComparison.OrdinalIgnoreCase))
            {
                return response;
            }

            var json = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
            var records = json["Records"]!.AsArray();
            if (records.Count > 0)
            {
                records.Add(records[0]!.DeepClone());
            }

            response.Content = new StringContent(json.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
            return response;
        };

        var report = await h.SyncAsync(Permissive(seed));

        Assert.Equal(SyncResult.Completed, report.Result);
        Assert.Equal(5, h.Members(PassGroup).Count);
    }

    [Fact]
    public async Task Synchronize_RebuildOwnershipAfterTheStateWasLost_ClaimsEntitledMembersSoALeaverIsRemovedLater()
    {
        var (h, seed) = await FiveMembersAsync();
        await using var _ = h;
        h.Store = new global::Nexudus.Salto.State.InMemorySyncStateStore(); // the state file was lost

        var dryRun = await h.SyncAsync(Options(seed), new SyncRunOptions { DryRun = true, RebuildOwnership = true });
        Assert.Equal(5, dryRun.ClaimedMemberships.Count);
        Assert.Empty((await h.Store.LoadSiteAsync(SiteId)).OwnedMemberships);

        var rebuilt = await h.SyncAsync(Options(seed), new SyncRunOptions { RebuildOwnership = true });
        Assert.Equal(5, rebuilt.ClaimedMemberships.Count);
        Assert.Equal(5, (await h.Store.LoadSiteAsync(SiteId)).OwnedMemberships.Count(o => o.GroupId == PassGroup));

        var leaver = h.Nexudus.GetAll<global::Nexudus.Salto.Nexudus.Coworker>().First(c => c.Email == "member0001@example.com");
        h.Nexudus.SuspendCustomer(leaver.Id);
        var after = await h.SyncAsync(Permissive(seed));

        Assert.Equal(4, h.Members(PassGroup).Count);
        Assert.DoesNotContain(h.UserOf("member0001@example.com"), h.Members(PassGroup));
        Assert.Equal(SyncResult.Completed, after.Result);
    }

    private static string UsersBodyWithout(SyncHarness h, global::Nexudus.Salto.SaltoKs.PlatformUserId missing)
    {
        var users = h.Salto.GetSiteUsers(SiteId).Where(u => !u.User!.Id.Equals(missing)).ToList();
        return System.Text.Json.JsonSerializer.Serialize(users, global::Nexudus.Salto.SaltoKs.SaltoKsJsonContext.Default.IReadOnlyListSiteUser);
    }
}
