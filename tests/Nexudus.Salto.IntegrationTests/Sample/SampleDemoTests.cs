namespace Nexudus.Salto.IntegrationTests.Sample;

/// <summary>The demo, run as a new user runs it: no arguments, nothing configured.</summary>
public sealed class SampleDemoTests
{
    [Fact]
    public async Task RunAsync_NoArgumentsAndNoBaseUrl_RunsTheDemoAndExitsZero()
    {
        var run = await SampleRun.StartAsync();

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Nexudus.Salto demo", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("No problems found.", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Demo_ShowsEachMembershipWithItsLineage()
    {
        var run = await SampleRun.StartAsync("demo");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"Ada Lovelace\s+│ London members \(London Shoreditch\)\s+│ holds pass 'London Day Pass'", run.Stdout);
        Assert.Matches(@"Katherine Johnson\s+│ Office 3A \(London Shoreditch\)\s+│ member of team 'Analytical Engines Ltd'", run.Stdout);
        Assert.Matches(@"Grace Hopper\s+│ Thames meeting room \(London Shoreditch\)\s+│ booking #\d+ of 'Thames Meeting Room'", run.Stdout);
    }

    [Fact]
    public async Task RunAsync_Demo_ListsTheSuspendedCustomerAmongThoseWithoutAccess()
    {
        var run = await SampleRun.StartAsync("demo");

        Assert.Matches(@"Mallory Mayhem\s+│ not active in Nexudus: gets nothing", run.Stdout);
        Assert.DoesNotMatch(@"Mallory Mayhem\s+│ London members", run.Stdout);
    }

    [Fact]
    public async Task RunAsync_Demo_SyncsThenMakesNoWritesTheSecondTime()
    {
        var run = await SampleRun.StartAsync("demo");

        Assert.Contains("SALTO KS writes during the dry run: 0.", run.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"\+ add\s+│ Ada Lovelace\s+│ London members\s+│ holds pass 'London Day Pass'.*│ Applied", run.Stdout);
        Assert.Contains("Result Completed: 0 SALTO KS writes, 0 changes.", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Frank Facilities, added by hand to 'London members' (a Shared group): still a member", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Demo_ShowsTheGuardHoldingAMassRevocation()
    {
        var run = await SampleRun.StartAsync("demo");

        Assert.Contains("3 removal(s) held by the guard", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("`sync` exits 2 here", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("--allow-mass-revocation released them", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Demo_BridgesDoorEntriesOnceAndReportsThem()
    {
        var run = await SampleRun.StartAsync("demo");

        Assert.Contains("3 CheckedIn, 1 CheckedOut, 1 Rejected, 1 UnknownUser, 1 InsideExit.", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Nothing to do the second time: 7 entries were already handled", run.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"London Shoreditch\s+│ Exit gate\s+│ Charles Babbage\s+│ charles@example.com\s+│ Opened", run.Stdout);
        Assert.Matches(@"London Shoreditch\s+│ Charles Babbage\s+│ \d\d:\d\d\s+│ \d\d:\d\d\s+│ [12] ", run.Stdout);
    }

    [Fact]
    public async Task RunAsync_Demo_BookingReachesTheRoomGroupByASignedWebhookWithinSeconds()
    {
        var run = await SampleRun.StartAsync("demo");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Ada Lovelace in 'Thames meeting room' now: no.", run.Stdout, StringComparison.Ordinal);
        var match = System.Text.RegularExpressions.Regex.Match(run.Stdout, @"Ada Lovelace is in 'Thames meeting room' (\d+\.\d\d) s after the booking was made");
        Assert.True(match.Success, run.Stdout);
        Assert.InRange(double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 0, 30);
        Assert.Contains("the webhook's error count is 0.", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_DemoWithRealServiceConfigured_StillUsesItsSandboxes()
    {
        // An unreachable address: were the demo to use it, the Nexudus read would fail and the demo exit 1.
        var run = await SampleRun.StartAsync("demo", "--Nexudus:BaseUrl=https://nexudus.invalid", "--Nexudus:Username=someone", "--Nexudus:Password=secret");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("No problems found.", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NoCommandButBaseUrlConfigured_ExitsOneWithAOneLineReason()
    {
        var run = await SampleRun.StartAsync("--Nexudus:BaseUrl=https://spaces.nexudus.com");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("choose a command", run.Stderr, StringComparison.Ordinal);
    }
}
