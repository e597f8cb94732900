using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.Sync;
using Nexudus.Salto.Testing;
using static Nexudus.Salto.IntegrationTests.Sync.SyncHarness;

namespace Nexudus.Salto.IntegrationTests.Sync;

/// <summary>
/// Sync against the SALTO sandbox in its evidence defaults: no tag endpoints, tag numbers on the platform user,
/// a seat limit with suspended creation past it, groups without time schedules, the 1101 duplicate-e-mail answer.
/// </summary>
public sealed class SyncEvidenceDefaultsTests
{
    private static NexudusSeed SeedSam(SyncHarness h, string cards = "", Action<SaltoKsSeedBuilder>? salto = null) => h.Seed(
        b => b.Customer("sam@example.com", "Sam Example", c => c with { AccessCardId = cards }).CustomerPass("sam@example.com", "Day Pass"),
        salto);

    [Fact]
    public async Task Synchronize_NoCustomerHasACard_MakesNoTagCall()
    {
        await using var h = await StartAsync();
        var seed = SeedSam(h);

        var report = await h.SyncAsync(Options(seed));

        Assert.Equal(SyncResult.Completed, report.Result);
        Assert.Equal(0, h.Salto.Requests.Count("GET", $"/v1.1/sites/{SiteId}/tags"));
        Assert.DoesNotContain(report.Warnings, w => w.Kind == SyncWarningKind.TagEndpointsMissing);
    }

    [Fact]
    public async Task Synchronize_SiteWithoutTagEndpoints_CompletesWithOneWarningAndReportsTheCard()
    {
        await using var h = await StartAsync();
        var seed = SeedSam(h, "02305075");

        var report = await h.SyncAsync(Options(seed));

        Assert.Equal(SyncResult.Completed, report.Result);
        Assert.Empty(report.Errors);
        var warning = Assert.Single(report.Warnings, w => w.Kind == SyncWarningKind.TagEndpointsMissing);
        Assert.Equal(SiteId, warning.SiteId);
        Assert.Single(h.Members(PassGroup));
        Assert.Equal(1, h.Salto.Requests.Count("GET", $"/v1.1/sites/{SiteId}/tags"));

        // The next run finds the user and compares: the card is not on SALTO.
        var second = await h.SyncAsync(Options(seed));
        Assert.Equal(SyncResult.Completed, second.Result);
        var difference = Assert.Single(second.TagDifferences);
        Assert.Equal((TagDifferenceKind.MissingOnSalto, "••••5075"), (difference.Kind, difference.MaskedNumber));
        Assert.DoesNotContain("02305075", System.Text.Json.JsonSerializer.Serialize(second, SyncJsonContext.Default.SyncReport), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Synchronize_CardHeldByAnotherPersonAndStaleTag_AreReported()
    {
        await using var h = await StartAsync();
        var seed = SeedSam(h, "11112222", s => s
            .Tag("tag-1", "11112222").Tag("tag-9", "99990000")
            .User(new SiteUserId("su-sam"), new PlatformUserId("pu-sam"), "sam@example.com", "Sam", "Example")
            .User(new SiteUserId("su-kim"), new PlatformUserId("pu-kim"), "kim@example.com", "Kim", "Other")
            .UserTag(new SiteUserId("su-kim"), "tag-1")
            .UserTag(new SiteUserId("su-sam"), "tag-9"));

        var report = await h.SyncAsync(Options(seed));

        Assert.Equal(SyncResult.Completed, report.Result);
        Assert.Equal(
            [(TagDifferenceKind.HeldByAnotherPerson, "••••2222"), (TagDifferenceKind.Stale, "••••0000")],
            report.TagDifferences.Select(d => (d.Kind, d.MaskedNumber)));
    }

    [Fact]
    public async Task Synchronize_NoFreeSeat_FailsNamingTheCustomer()
    {
        await using var h = await StartAsync();
        var seed = SeedSam(h, salto: s => s.Subscription(1).User(new SiteUserId("su-x"), new PlatformUserId("pu-x"), "x@example.com", "X", "Y"));

        var report = await h.SyncAsync(Options(seed));

        Assert.Equal(SyncResult.Failed, report.Result);
        var customerId = seed.Customer("sam@example.com").Id;
        var error = Assert.Single(report.Errors);
        Assert.Equal((SyncErrorKind.UserCreation, customerId), (error.Kind, error.CustomerId));
        Assert.Contains("No free seat at site " + SiteId, error.Message, StringComparison.Ordinal);
        Assert.Contains(customerId.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.Equal(SyncChangeOutcome.Failed, Assert.Single(report.UserCreations).Outcome);
    }

    [Fact]
    public async Task Synchronize_LinkedGroupsWithoutSchedule_AreWarnedAboutWithoutFailing()
    {
        await using var h = await StartAsync();
        var seed = SeedSam(h, salto: s => s.TimeSchedule(OfficeGroup, new TimeSchedule
        {
            Id = "ts-1", Monday = true, Tuesday = true, Wednesday = true, Thursday = true, Friday = true, Saturday = true, Sunday = true,
            StartTime = new TimeOnly(0, 0), EndTime = new TimeOnly(23, 59, 59),
        }));

        var report = await h.SyncAsync(Options(seed));

        Assert.Equal(SyncResult.Completed, report.Result);
        Assert.Equal(
            new[] { PassGroup, RoomGroup }.Order(StringComparer.Ordinal),
            report.Warnings.Where(w => w.Kind == SyncWarningKind.GroupWithoutSchedule).Select(w => w.GroupId!));
        Assert.Empty(h.Salto.GetTimeSchedules(SiteId, PassGroup));
    }

    [Fact]
    public async Task Synchronize_CreateMissingGroupSchedules_CreatesTheAlwaysOpenScheduleOnce()
    {
        await using var h = await StartAsync();
        var seed = SeedSam(h);
        var options = Options([Location(seed) with { CreateMissingGroupSchedules = true }]);

        var report = await h.SyncAsync(options);
        var second = await h.SyncAsync(options);

        Assert.Equal(SyncResult.Completed, report.Result);
        Assert.DoesNotContain(report.Warnings, w => w.Kind == SyncWarningKind.GroupWithoutSchedule);
        Assert.Equal(3, report.Schedules.Count(s => s is { Kind: ScheduleChangeKind.CreateAlwaysOpen, Outcome: SyncChangeOutcome.Applied }));
        var schedule = Assert.Single(h.Salto.GetTimeSchedules(SiteId, PassGroup));
        Assert.True(schedule.Monday && schedule.Tuesday && schedule.Wednesday && schedule.Thursday && schedule.Friday && schedule.Saturday && schedule.Sunday);
        Assert.Equal(new TimeOnly(0, 0), schedule.StartTime);
        Assert.Equal(23, schedule.EndTime!.Value.Hour);
        Assert.Equal(59, schedule.EndTime!.Value.Minute);
        Assert.Empty(second.Schedules);
    }

    [Fact]
    public async Task Synchronize_UserWithSameEmailAppearsBetweenReadAndCreate_AdoptsIt()
    {
        await using var h = await StartAsync();
        var seed = SeedSam(h);
        h.Hook.OnRequest = (_, request) =>
        {
            // The e-mail is taken by hand just before the create arrives: SALTO answers 400 1101 "already in use".
            if (request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath.EndsWith("/users", StringComparison.Ordinal) &&
                h.Salto.FindSiteUserByEmail(SiteId, "sam@example.com") is null)
            {
                h.Salto.Seed(b => b.UseSite(SiteId).User(new SiteUserId("su-hand"), new PlatformUserId("pu-hand"), "sam@example.com", "Sam", "Example"));
            }

            return HookAction.None;
        };

        var report = await h.SyncAsync(Options(seed));

        Assert.Equal(SyncResult.Completed, report.Result);
        Assert.Equal([new PlatformUserId("pu-hand")], h.Members(PassGroup));
        var link = Assert.Single((await h.Store.LoadSiteAsync(SiteId)).Identities);
        Assert.False(link.CreatedBySdk);
    }
}
