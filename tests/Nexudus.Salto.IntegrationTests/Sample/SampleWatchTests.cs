using Nexudus.Salto.Nexudus;
using Nexudus.Salto.Testing;

namespace Nexudus.Salto.IntegrationTests.Sample;

/// <summary><c>watch</c>: the background worker against the demo space, stopped as Ctrl+C stops it.</summary>
public sealed class SampleWatchTests : IAsyncLifetime
{
    private DemoSandboxes _sandboxes = null!;

    public async Task InitializeAsync() => _sandboxes = await DemoSandboxes.StartAsync();

    public async Task DisposeAsync() => await _sandboxes.DisposeAsync();

    [Fact]
    public async Task Watch_RunsUntilStopped_SyncsAndBridgesThenExitsZero()
    {
        using var stop = new CancellationTokenSource();
        var watching = SampleRun.StartAsync(_sandboxes.Args("watch"), stop.Token);

        // The worker syncs at start-up and runs the bridge on its interval; wait (not time) for both to show.
        await Eventually(() =>
            _sandboxes.Salto.GetAccessGroupMembers(DemoSpace.LondonSite, DemoSpace.LondonOffice).Count == 3 &&
            _sandboxes.Nexudus.GetAll<CheckIn>().Count == 1);
        await stop.CancelAsync();
        var run = await watching;

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Watching 2 location(s)", run.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("Stopped." + Environment.NewLine, run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_InvalidConfiguration_ExitsOneWithoutStarting()
    {
        var run = await SampleRun.StartAsync(_sandboxes.ArgsWith("watch", "SaltoIntegration:Locations:0:SaltoSiteId", " "));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("SaltoIntegration:Locations:0:SaltoSiteId", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, _sandboxes.Salto.Requests.GetCounters().Writes);
    }

    private static async Task Eventually(Func<bool> condition)
    {
        // A bound on waiting, so a broken worker fails the test instead of hanging it; no duration is asserted.
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token);
        }
    }
}
