using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.Sync;
using static Nexudus.Salto.IntegrationTests.Sync.SyncHarness;

namespace Nexudus.Salto.IntegrationTests.Sync;

/// <summary>AccessCardId numbers become the SALTO user's tags; unknown ones are reported; removed ones are unassigned.</summary>
public sealed class SyncTagTests
{
    // These tests cover the older tag reading (SyncHarness.OlderTagReading); SyncEvidenceDefaultsTests covers the live one.

    private static Testing.NexudusSeed SeedCards(SyncHarness h, string cards) => h.Seed(
        b => b.Customer("sam@example.com", "Sam Example", c => c with { AccessCardId = cards }).CustomerPass("sam@example.com", "Day Pass"),
        s => s.Tag("tag-1", "11112222").Tag("tag-2", "33334444").Tag("tag-3", "55556666"));

    private static IReadOnlyList<string> TagsOf(SyncHarness h) =>
        h.Salto.GetUserTags(SiteId, h.Salto.FindSiteUserByEmail(SiteId, "sam@example.com")!.Id);

    [Fact]
    public async Task Synchronize_NewCustomerWithOneCard_GetsTheTagAtCreation()
    {
        await using var h = await StartAsync(salto: OlderTagReading);
        var seed = SeedCards(h, "11112222");

        var report = await h.SyncAsync(Options(seed));

        Assert.Equal(["tag-1"], TagsOf(h));
        Assert.Equal(1, h.Salto.Requests.Count("POST", $"/v1.1/sites/{SiteId}/users"));
        Assert.Empty(report.Tags);
        Assert.Equal("11112222", Assert.Single((await h.Store.LoadSiteAsync(SiteId)).TagAssignments).TagNumber);
    }

    [Fact]
    public async Task Synchronize_CardsSeparatedByCommasSemicolonsAndSpaces_AreAllAssigned()
    {
        await using var h = await StartAsync(salto: OlderTagReading, saltoClient: o => o.Tags.AssignmentMode = SaltoKsTagAssignmentMode.TagEndpoints);
        var seed = SeedCards(h, " 11112222, 33334444;55556666 ");

        var report = await h.SyncAsync(Options(seed));

        Assert.Equal(["tag-1", "tag-2", "tag-3"], TagsOf(h).Order());
        Assert.Equal(["••••4444", "••••6666"], report.Tags.Select(t => t.MaskedNumber));
    }

    [Fact]
    public async Task Synchronize_UnknownCardNumber_IsReportedMaskedAndNotFatal()
    {
        await using var h = await StartAsync(salto: OlderTagReading);
        var seed = SeedCards(h, "99998888");

        var report = await h.SyncAsync(Options(seed));

        Assert.Equal(SyncResult.Completed, report.Result);
        var unknown = Assert.Single(report.Tags);
        Assert.Equal((TagChangeKind.UnknownNumber, "••••8888"), (unknown.Kind, unknown.MaskedNumber));
        Assert.Single(h.Members(PassGroup));
        Assert.DoesNotContain("99998888", System.Text.Json.JsonSerializer.Serialize(report, SyncJsonContext.Default.SyncReport), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Synchronize_CardRemovedInNexudus_IsUnassigned()
    {
        await using var h = await StartAsync(salto: OlderTagReading, saltoClient: o => o.Tags.AssignmentMode = SaltoKsTagAssignmentMode.TagEndpoints);
        var seed = SeedCards(h, "11112222 33334444");
        await h.SyncAsync(Options(seed));
        h.Nexudus.Put(h.Nexudus.Get<global::Nexudus.Salto.Nexudus.Coworker>(seed.Customer("sam@example.com").Id)! with { AccessCardId = "33334444" });

        var report = await h.SyncAsync(Options(seed));

        Assert.Equal(["tag-2"], TagsOf(h));
        Assert.Equal((TagChangeKind.Unassign, "••••2222"), (Assert.Single(report.Tags).Kind, report.Tags[0].MaskedNumber));
        Assert.Equal(["33334444"], (await h.Store.LoadSiteAsync(SiteId)).TagAssignments.Select(t => t.TagNumber));
    }

    [Fact]
    public async Task Synchronize_CardAddedLater_IsAssignedToTheExistingUser()
    {
        await using var h = await StartAsync(salto: OlderTagReading);
        var seed = SeedCards(h, "");
        await h.SyncAsync(Options(seed));
        h.Nexudus.Put(h.Nexudus.Get<global::Nexudus.Salto.Nexudus.Coworker>(seed.Customer("sam@example.com").Id)! with { AccessCardId = "55556666" });

        var report = await h.SyncAsync(Options(seed));

        Assert.Equal(["tag-3"], TagsOf(h));
        Assert.Equal(SyncChangeOutcome.Applied, Assert.Single(report.Tags).Outcome);
    }

    [Fact]
    public async Task Synchronize_CustomTagResolver_IsUsedInsteadOfTheTagList()
    {
        await using var h = await StartAsync(salto: OlderTagReading);
        var seed = SeedCards(h, "anything");

        await h.Synchronizer(Options(seed), new FixedTagResolver("tag-2")).SynchronizeAsync();

        Assert.Equal(["tag-2"], TagsOf(h));
        Assert.Equal(0, h.Salto.Requests.Count("GET", $"/v1.1/sites/{SiteId}/tags"));
    }

    [Fact]
    public async Task Synchronize_UserAlreadyHoldsTheTag_MakesNoWrite()
    {
        await using var h = await StartAsync(salto: OlderTagReading);
        var seed = SeedHeldTag(h, cards: "11112222", heldTag: "tag-1");

        await h.SyncAsync(Options(seed));

        Assert.Equal(0, h.Salto.Requests.GetCounters().Writes);
        Assert.Equal(["tag-1"], TagsOf(h));
    }

    [Fact]
    public async Task Synchronize_UserAlreadyHoldsTheTag_ReportsAndRecordsNothing()
    {
        await using var h = await StartAsync(salto: OlderTagReading);
        var seed = SeedHeldTag(h, cards: "11112222", heldTag: "tag-1");

        var report = await h.SyncAsync(Options(seed));

        Assert.Empty(report.Tags);
        Assert.Empty((await h.Store.LoadSiteAsync(SiteId)).TagAssignments);
    }

    [Fact]
    public async Task Synchronize_HeldTagNumberRemovedInNexudus_IsNeverUnassigned()
    {
        await using var h = await StartAsync(salto: OlderTagReading);
        var seed = SeedHeldTag(h, cards: "11112222", heldTag: "tag-1");
        await h.SyncAsync(Options(seed));
        h.Nexudus.Put(h.Nexudus.Get<global::Nexudus.Salto.Nexudus.Coworker>(seed.Customer("sam@example.com").Id)! with { AccessCardId = "" });

        var report = await h.SyncAsync(Options(seed));

        Assert.Empty(report.Tags);
        Assert.Equal(["tag-1"], TagsOf(h));
    }

    [Fact]
    public async Task Synchronize_UserHoldsADifferentTag_ReplacesItWithTheResolvedOne()
    {
        await using var h = await StartAsync(salto: OlderTagReading);
        var seed = SeedHeldTag(h, cards: "11112222", heldTag: "tag-2");

        var report = await h.SyncAsync(Options(seed));

        Assert.Equal(["tag-1"], TagsOf(h));
        Assert.Equal((TagChangeKind.Assign, SyncChangeOutcome.Applied), (Assert.Single(report.Tags).Kind, report.Tags[0].Outcome));
        Assert.Equal(["tag-1"], (await h.Store.LoadSiteAsync(SiteId)).TagAssignments.Select(t => t.TagId));
    }

    [Fact]
    public async Task Synchronize_DryRunAndUserAlreadyHoldsTheTag_PlansNoTagChange()
    {
        await using var h = await StartAsync(salto: OlderTagReading);
        var seed = SeedHeldTag(h, cards: "11112222", heldTag: "tag-1");

        var report = await h.SyncAsync(Options(seed, o => o with { DryRun = true }));

        Assert.Empty(report.Tags);
        Assert.Equal(0, h.Salto.Requests.GetCounters().Writes);
    }

    [Fact]
    public async Task Synchronize_DryRunAndUserHoldsADifferentTag_PlansTheAssignmentAndWritesNothing()
    {
        await using var h = await StartAsync(salto: OlderTagReading);
        var seed = SeedHeldTag(h, cards: "11112222", heldTag: "tag-2");

        var report = await h.SyncAsync(Options(seed, o => o with { DryRun = true }));

        Assert.Equal((TagChangeKind.Assign, SyncChangeOutcome.Planned), (Assert.Single(report.Tags).Kind, report.Tags[0].Outcome));
        Assert.Equal(0, h.Salto.Requests.GetCounters().Writes);
        Assert.Equal(["tag-2"], TagsOf(h));
    }

    // Sam already has a SALTO user, already in the pass group, holding a tag given by hand.
    private static Testing.NexudusSeed SeedHeldTag(SyncHarness h, string cards, string heldTag) => h.Seed(
        b => b.Customer("sam@example.com", "Sam Example", c => c with { AccessCardId = cards }).CustomerPass("sam@example.com", "Day Pass"),
        s => s.Tag("tag-1", "11112222").Tag("tag-2", "33334444")
            .User(new SiteUserId("su-sam"), new PlatformUserId("pu-sam"), "sam@example.com")
            .UserTag(new SiteUserId("su-sam"), heldTag)
            .Member(PassGroup, new PlatformUserId("pu-sam")));

    private sealed class FixedTagResolver(string tagId) : ISaltoTagResolver
    {
        public Task<IReadOnlyDictionary<string, string>> ResolveAsync(string siteId, IReadOnlyCollection<string> tagNumbers, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyDictionary<string, string>>(tagNumbers.ToDictionary(n => n, _ => tagId));
    }
}
