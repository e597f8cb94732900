using System.Text.Json;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.Sample;

namespace Nexudus.Salto.IntegrationTests.Sample;

/// <summary>
/// <c>report --format json</c> on stdout: the SDK writes UTF-8 bytes, the sample hands them to its text output as
/// they come, and the output stays usable afterwards.
/// </summary>
public sealed class SampleReportJsonTests : IAsyncLifetime
{
    private const string Name = "Zoë Ångström ✓";

    private DemoSandboxes _sandboxes = null!;

    public async Task InitializeAsync() => _sandboxes = await DemoSandboxes.StartAsync();

    public async Task DisposeAsync() => await _sandboxes.DisposeAsync();

    [Fact]
    public async Task ReportJson_NameOutsideAscii_ComesOutWhole()
    {
        var margaret = _sandboxes.Space.Seed.Customer("margaret@example.com");
        _sandboxes.Nexudus.Put(margaret with { FullName = Name });

        var run = await SampleRun.StartAsync(_sandboxes.Args("report", "--from", Iso(-2), "--to", Iso(1), "--format", "json"));

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain('\uFFFD', run.Stdout);
        using var json = JsonDocument.Parse(run.Stdout);
        var names = json.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("customerName").GetString()).ToList();
        Assert.Equal(2, names.Count(n => n == Name));
        Assert.Equal(Name, Assert.Single(json.RootElement.GetProperty("daily").EnumerateArray()).GetProperty("customerName").GetString());
    }

    [Fact]
    public async Task ReportJson_OnStdout_LeavesTheWriterOpen()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await SampleApp.RunAsync(_sandboxes.Args("report", "--from", Iso(-2), "--to", Iso(1), "--format", "json"), stdout, stderr);
        stdout.Write("still open");

        Assert.Equal(0, exit);
        var text = stdout.ToString();
        Assert.EndsWith("still open", text, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(text[..^"still open".Length]);
        Assert.Equal(4, json.RootElement.GetProperty("entries").GetArrayLength());
    }

    // An instant hours from now, as an operator would type it (UTC, ISO 8601).
    private static string Iso(int hours) => DateTimeOffset.UtcNow.AddHours(hours).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
