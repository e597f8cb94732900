using System.Text.Json;
using Nexudus.Salto.Testing;

namespace Nexudus.Salto.IntegrationTests.Sample;

/// <summary>
/// Configuration-style arguments (<c>--Section:Key=value</c>) next to a command's own options, through the sample's
/// command line: each goes where it belongs, and a key written without <c>=</c> stops the run instead of taking the
/// next option as its value.
/// </summary>
public sealed class ConfigurationArgumentsTests : IAsyncLifetime
{
    private DemoSandboxes _sandboxes = null!;

    public async Task InitializeAsync() => _sandboxes = await DemoSandboxes.StartAsync();

    public async Task DisposeAsync() => await _sandboxes.DisposeAsync();

    [Fact]
    public async Task RunAsync_KeyWithColonAndEquals_GoesToConfigurationAndTheOptionToTheCommand()
    {
        // sync, then --Nexudus:BaseUrl=… and the other keys, then --dry-run.
        var run = await SampleRun.StartAsync(_sandboxes.Args("sync", "--dry-run"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);

        // The keys reached the configuration: the sandboxes were read. --dry-run reached the command: nothing was written.
        Assert.NotEqual(0, _sandboxes.Nexudus.Requests.GetCounters().Requests);
        Assert.NotEqual(0, _sandboxes.Salto.Requests.GetCounters().Requests);
        Assert.Equal(0, _sandboxes.Salto.Requests.GetCounters().Writes);
        Assert.Null(_sandboxes.Salto.FindSiteUserByEmail(DemoSpace.LondonSite, "ada@example.com"));
    }

    [Fact]
    public async Task RunAsync_KeyWithoutEquals_NeverTakesTheNextArgumentAsItsValue()
    {
        // Were --dry-run taken as the user name, a live sync would run against the sandboxes.
        string[] args = [.. _sandboxes.Args("sync").Where(a => !a.StartsWith("--Nexudus:Username=", StringComparison.Ordinal)), "--Nexudus:Username", "--dry-run"];

        var run = await SampleRun.StartAsync(args);

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Contains("without a value: --Nexudus:Username. ", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("--dry-run", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, _sandboxes.Nexudus.Requests.GetCounters().Requests);
        Assert.Equal(0, _sandboxes.Salto.Requests.GetCounters().Requests);
    }

    [Fact]
    public async Task RunAsync_KeyWithoutEquals_FailsWithoutRunningAnything()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await global::Nexudus.Salto.Sample.SampleApp.RunAsync(["sync", "--Nexudus:ClientId", "--dry-run"], stdout, stderr);

        Assert.Equal(1, exit);
        Assert.Contains("--Nexudus:ClientId", stderr.ToString(), StringComparison.Ordinal);
        Assert.Empty(stdout.ToString());
    }

    [Fact]
    public async Task RunAsync_CommandOptionWithColonInItsValue_StaysWithTheCommand()
    {
        var run = await SampleRun.StartAsync(_sandboxes.Args("report", "--from=2025-03-03T08:00:00Z", "--to", "2025-03-04T08:00", "--format", "json"));

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(new DateTimeOffset(2025, 3, 3, 8, 0, 0, TimeSpan.Zero), json.RootElement.GetProperty("from").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 8, 0, 0, TimeSpan.Zero), json.RootElement.GetProperty("to").GetDateTimeOffset());
        Assert.Equal(0, json.RootElement.GetProperty("entries").GetArrayLength());
    }

    [Fact]
    public async Task RunAsync_KeyWithoutAValueAtTheEnd_FailsAndNamesIt()
    {
        var run = await SampleRun.StartAsync("doctor", "--Nexudus:BaseUrl");

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Contains("without a value: --Nexudus:BaseUrl. ", run.Stderr, StringComparison.Ordinal);
    }
}
