using System.Text.Json;
using Nexudus.Salto.Testing;

namespace Nexudus.Salto.IntegrationTests.Sample;

/// <summary><c>sync</c> against the demo space in both sandboxes, as an operator runs it.</summary>
public sealed class SampleSyncTests : IAsyncLifetime
{
    private DemoSandboxes _sandboxes = null!;

    public async Task InitializeAsync() => _sandboxes = await DemoSandboxes.StartAsync();

    public async Task DisposeAsync() => await _sandboxes.DisposeAsync();

    [Fact]
    public async Task Sync_FirstRun_AddsTheEntitledCustomersAndExitsZero()
    {
        var run = await SampleRun.StartAsync(_sandboxes.Args("sync"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        var ada = _sandboxes.Salto.FindSiteUserByEmail(DemoSpace.LondonSite, "ada@example.com");
        Assert.NotNull(ada?.User);
        Assert.Contains(ada.User.Id, _sandboxes.Salto.GetAccessGroupMembers(DemoSpace.LondonSite, DemoSpace.LondonMembers));
        Assert.Null(_sandboxes.Salto.FindSiteUserByEmail(DemoSpace.LondonSite, "mallory@example.com"));
    }

    [Fact]
    public async Task Sync_CardButNoTagEndpoints_ExitsZeroWithOneTagWarning()
    {
        var ada = _sandboxes.Space.Seed.Customer("ada@example.com");
        _sandboxes.Nexudus.Put(ada with { AccessCardId = "02305075" });

        var run = await SampleRun.StartAsync(_sandboxes.Args("sync"));

        Assert.Equal(0, run.ExitCode);
        var output = run.Stdout + run.Stderr;
        Assert.Single(output.Split('\n'), line => line.Contains("Warning (TagEndpointsMissing)", StringComparison.Ordinal));
        Assert.DoesNotContain("02305075", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_NoFreeSeat_ExitsOneAndNamesTheCustomer()
    {
        _sandboxes.Salto.Seed(b => b.UseSite(DemoSpace.LondonSite).Subscription(1));
        var ada = _sandboxes.Space.Seed.Customer("ada@example.com");

        var run = await SampleRun.StartAsync(_sandboxes.Args("sync"));

        Assert.Equal(1, run.ExitCode);
        var output = run.Stdout + run.Stderr;
        Assert.Contains($"No free seat at site {DemoSpace.LondonSite}", output, StringComparison.Ordinal);
        Assert.Contains($"customer {ada.Id}", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_FailedReadAfterAGoodRun_ExitsOneAndNeverSaysSaltoMatches()
    {
        Assert.Equal(0, (await SampleRun.StartAsync(_sandboxes.Args("sync"))).ExitCode);
        // SALTO answers the site's users with an empty list: a failed read of the site, so nothing can be concluded.
        _sandboxes.Salto.Faults.Add(SandboxFaultRule.On("GET", $"/*/sites/{DemoSpace.LondonSite}/users", SandboxFault.Response(200, "[]")));

        var run = await SampleRun.StartAsync(_sandboxes.Args("sync"));

        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain("SALTO already matches Nexudus", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("the run failed", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("--allow-mass-revocation", run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_HandAddedMemberOfASharedGroup_IsLeftAlone()
    {
        var run = await SampleRun.StartAsync(_sandboxes.Args("sync"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(DemoSpace.Contractor, _sandboxes.Salto.GetAccessGroupMembers(DemoSpace.LondonSite, DemoSpace.LondonMembers));
    }

    [Fact]
    public async Task SyncDryRun_WritesNothingToEitherService()
    {
        var membersBefore = _sandboxes.Salto.GetAccessGroupMembers(DemoSpace.LondonSite, DemoSpace.LondonMembers);

        var run = await SampleRun.StartAsync(_sandboxes.Args("sync", "--dry-run"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Dry run, nothing written.", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Planned", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, _sandboxes.Salto.Requests.GetCounters().Writes);
        Assert.Equal(0, _sandboxes.Nexudus.Requests.GetCounters().Writes);
        Assert.Empty(_sandboxes.Salto.GetInvitations());
        Assert.Equal(membersBefore, _sandboxes.Salto.GetAccessGroupMembers(DemoSpace.LondonSite, DemoSpace.LondonMembers));
    }

    [Fact]
    public async Task SyncDryRun_ThenSync_AppliesExactlyWhatWasPlanned()
    {
        var dryRun = await SampleRun.StartAsync(_sandboxes.Args("sync", "--dry-run", "--json"));

        var run = await SampleRun.StartAsync(_sandboxes.Args("sync", "--json"));

        Assert.Equal(Changes(dryRun, "Planned"), Changes(run, "Applied"));
        Assert.Equal(7, Changes(run, "Applied").Count);
    }

    private static List<string> Changes(SampleRun run, string outcome)
    {
        using var json = JsonDocument.Parse(run.Stdout);
        return [.. json.RootElement.GetProperty("changes").EnumerateArray()
            .Where(c => c.GetProperty("outcome").GetString() == outcome)
            .Select(c => $"{c.GetProperty("kind").GetString()} {c.GetProperty("groupId").GetString()} {c.GetProperty("customerId").GetInt64()}")
            .Order(StringComparer.Ordinal)];
    }

    [Fact]
    public async Task SyncJson_PrintsTheSyncReportAsTheOnlyThingOnStdout()
    {
        var run = await SampleRun.StartAsync(_sandboxes.Args("sync", "--json"));

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.Equal("Completed", root.GetProperty("result").GetString());
        Assert.False(root.GetProperty("dryRun").GetBoolean());
        var changes = root.GetProperty("changes").EnumerateArray().ToList();
        Assert.All(changes, c => Assert.Equal("Applied", c.GetProperty("outcome").GetString()));
        Assert.All(changes, c => Assert.NotEqual(0, c.GetProperty("grants").GetArrayLength()));
        Assert.Equal(5, root.GetProperty("userCreations").GetArrayLength());
        Assert.True(root.GetProperty("calls").GetProperty("saltoKs").GetProperty("writes").GetInt32() > 0);
    }

    [Fact]
    public async Task Sync_NothingChanged_MakesNoWrites()
    {
        await SampleRun.StartAsync(_sandboxes.Args("sync"));
        var saltoWrites = _sandboxes.Salto.Requests.GetCounters().Writes;
        var nexudusWrites = _sandboxes.Nexudus.Requests.GetCounters().Writes;

        var run = await SampleRun.StartAsync(_sandboxes.Args("sync"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("No membership changes", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(saltoWrites, _sandboxes.Salto.Requests.GetCounters().Writes);
        Assert.Equal(nexudusWrites, _sandboxes.Nexudus.Requests.GetCounters().Writes);
    }

    [Fact]
    public async Task Sync_RemovalsOverTheGuardsLimit_ExitsTwoWithOneLineReasonAndKeepsTheMembers()
    {
        await SampleRun.StartAsync(_sandboxes.Args("sync"));
        _sandboxes.Nexudus.SuspendCustomer(_sandboxes.Space.Seed.Customer("charles@example.com").Id);

        var run = await SampleRun.StartAsync(_sandboxes.Args("sync"));

        Assert.Equal(2, run.ExitCode);
        var reason = Assert.Single(run.Stderr.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("sync: 3 removal(s) held by the guard", reason, StringComparison.Ordinal);
        Assert.Equal(3, _sandboxes.Salto.GetAccessGroupMembers(DemoSpace.LondonSite, DemoSpace.LondonOffice).Count);
    }

    [Fact]
    public async Task Sync_RemovalsHeldThenTheNameLookUpFails_StillExitsTwoAsWithJson()
    {
        await SampleRun.StartAsync(_sandboxes.Args("sync"));
        _sandboxes.Nexudus.SuspendCustomer(_sandboxes.Space.Seed.Customer("charles@example.com").Id);

        // The run itself never lists a site's groups; only the table's names do, after the run.
        _sandboxes.Salto.Faults.Add(SandboxFaultRule.On("GET", "/*/sites/*/access_groups", SandboxFault.Response(400, "{\"message\":\"bad request\"}")));
        var run = await SampleRun.StartAsync(_sandboxes.Args("sync"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("names could not be read", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("sync: 3 removal(s) held by the guard", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(3, _sandboxes.Salto.GetAccessGroupMembers(DemoSpace.LondonSite, DemoSpace.LondonOffice).Count);
    }

    [Fact]
    public async Task SyncDryRun_NoStateFileYet_ReadsEmptyStateAndCreatesNothing()
    {
        var folder = Path.Combine(_sandboxes.StateDirectory, "not-yet");
        var saltoWrites = _sandboxes.Salto.Requests.GetCounters().Writes;

        var run = await SampleRun.StartAsync(_sandboxes.ArgsWith("sync", "SaltoIntegration:StatePath", Path.Combine(folder, "state.db"), "--dry-run"));

        Assert.Equal(0, run.ExitCode);
        Assert.False(Directory.Exists(folder), "a dry run created the state folder");
        Assert.Equal(saltoWrites, _sandboxes.Salto.Requests.GetCounters().Writes);
    }

    [Fact]
    public async Task SyncDryRun_StateFolderExistsButNoFile_CreatesNoFile()
    {
        var path = Path.Combine(_sandboxes.StateDirectory, "fresh.db");

        var run = await SampleRun.StartAsync(_sandboxes.ArgsWith("sync", "SaltoIntegration:StatePath", path, "--dry-run"));

        Assert.Equal(0, run.ExitCode);
        Assert.False(File.Exists(path), "a dry run created the state file");
    }

    [Fact]
    public async Task SyncJson_RemovalsHeld_StillPrintsOnlyTheReportOnStdout()
    {
        await SampleRun.StartAsync(_sandboxes.Args("sync"));
        _sandboxes.Nexudus.SuspendCustomer(_sandboxes.Space.Seed.Customer("charles@example.com").Id);

        var run = await SampleRun.StartAsync(_sandboxes.Args("sync", "--json"));

        Assert.Equal(2, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("RemovalsHeld", json.RootElement.GetProperty("result").GetString());
        Assert.True(json.RootElement.GetProperty("revocation").GetProperty("removalsHeld").GetBoolean());
    }

    [Fact]
    public async Task Sync_AllowMassRevocation_ReleasesTheHeldRemovals()
    {
        await SampleRun.StartAsync(_sandboxes.Args("sync"));
        _sandboxes.Nexudus.SuspendCustomer(_sandboxes.Space.Seed.Customer("charles@example.com").Id);

        var run = await SampleRun.StartAsync(_sandboxes.Args("sync", "--allow-mass-revocation"));

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(_sandboxes.Salto.GetAccessGroupMembers(DemoSpace.LondonSite, DemoSpace.LondonOffice));
    }

    [Fact]
    public async Task Sync_SaltoRefusesTheLogin_ExitsOneWithAOneLineReasonWithoutTheSecret()
    {
        var run = await SampleRun.StartAsync(_sandboxes.ArgsWith("sync", "SaltoKs:Password", "wrong-password-1618"));

        Assert.Equal(1, run.ExitCode);
        var reason = Assert.Single(run.Stderr.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("sync: failed", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-password-1618", run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, _sandboxes.Salto.Requests.GetCounters().Writes);
    }
}
