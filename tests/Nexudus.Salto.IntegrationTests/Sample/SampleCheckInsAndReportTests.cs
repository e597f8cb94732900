using System.Text.Json;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.Reports;
using Nexudus.Salto.Testing;

namespace Nexudus.Salto.IntegrationTests.Sample;

/// <summary>
/// <c>checkins</c> and <c>report</c> against the demo space: Margaret, whom SALTO already knew by e-mail, was
/// refused at the New York lobby and then let in; a visitor's fob nobody in Nexudus holds opened the London door.
/// </summary>
public sealed class SampleCheckInsAndReportTests : IAsyncLifetime
{
    // CSV lines end in CRLF (RFC 4180), on every platform.
    private const string Crlf = "\r\n";

    private DemoSandboxes _sandboxes = null!;

    public async Task InitializeAsync() => _sandboxes = await DemoSandboxes.StartAsync();

    public async Task DisposeAsync() => await _sandboxes.DisposeAsync();

    [Fact]
    public async Task CheckIns_FirstRun_CreatesOneCheckInAndCountsTheRestAndExitsZero()
    {
        var run = await SampleRun.StartAsync(_sandboxes.Args("checkins"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("1 CheckedIn, 1 Rejected, 1 UnknownUser, 1 InsideExit.", run.Stdout, StringComparison.Ordinal);
        var checkIn = Assert.Single(_sandboxes.Nexudus.GetAll<CheckIn>());
        Assert.Equal(_sandboxes.Space.Seed.Customer("margaret@example.com").Id, checkIn.CoworkerId);
    }

    [Fact]
    public async Task CheckIns_SecondRun_HandlesNothingAgain()
    {
        await SampleRun.StartAsync(_sandboxes.Args("checkins"));

        var run = await SampleRun.StartAsync(_sandboxes.Args("checkins"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("No new door entries.", run.Stdout, StringComparison.Ordinal);
        Assert.Single(_sandboxes.Nexudus.GetAll<CheckIn>());
    }

    [Fact]
    public async Task CheckInsJson_PrintsTheReportAsOneJsonDocumentOnStdout()
    {
        var run = await SampleRun.StartAsync(_sandboxes.Args("checkins", "--json"));

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var entries = json.RootElement.GetProperty("sites").EnumerateArray().SelectMany(s => s.GetProperty("entries").EnumerateArray()).ToList();
        Assert.Equal(["CheckedIn", "InsideExit", "Rejected", "UnknownUser"], entries.Select(e => e.GetProperty("outcome").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ReportCsv_PrintsTheEntriesThenABlankLineThenTheDailySummary()
    {
        var run = await SampleRun.StartAsync(_sandboxes.Args("report", "--from", Iso(-2), "--to", Iso(1)));

        Assert.Equal(0, run.ExitCode);
        var parts = run.Stdout.Split(Crlf + Crlf);
        Assert.Equal(2, parts.Length);
        var entries = parts[0].Split(Crlf);
        Assert.Equal(AccessReportCsvWriter.EntriesHeader, entries[0]);
        Assert.Equal(5, entries.Length);
        Assert.Equal(2, entries.Count(line => line.Contains("margaret@example.com", StringComparison.Ordinal)));
        var daily = parts[1].TrimEnd().Split(Crlf);
        Assert.Equal(AccessReportCsvWriter.DailyHeader, daily[0]);
        Assert.Single(daily.Skip(1));
        Assert.All(daily.Skip(1), row => Assert.Contains("Margaret Hamilton", row, StringComparison.Ordinal));
        Assert.Contains(NewYorkToday(), daily[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportJson_PrintsOneDocumentWithEntriesAndDailyRows()
    {
        var run = await SampleRun.StartAsync(_sandboxes.Args("report", "--from", Iso(-2), "--to", Iso(1), "--format", "json"));

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(4, json.RootElement.GetProperty("entries").GetArrayLength());
        Assert.Equal(1, json.RootElement.GetProperty("daily").GetArrayLength());
    }

    [Fact]
    public async Task ReportHtml_PrintsAPageWithItsChart()
    {
        var run = await SampleRun.StartAsync(_sandboxes.Args("report", "--from", Iso(-2), "--to", Iso(1), "--format", "html"));

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("<!DOCTYPE html>", run.Stdout, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<svg", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportOutput_WritesBothCsvFilesAndNothingOnStdout()
    {
        var directory = Path.Combine(_sandboxes.StateDirectory, "reports");

        var run = await SampleRun.StartAsync(_sandboxes.Args("report", "--from", Iso(-2), "--to", Iso(1), "--output", directory));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.StartsWith(AccessReportCsvWriter.EntriesHeader, await File.ReadAllTextAsync(Path.Combine(directory, "access-entries.csv")), StringComparison.Ordinal);
        Assert.StartsWith(AccessReportCsvWriter.DailyHeader, await File.ReadAllTextAsync(Path.Combine(directory, "access-daily.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_PeriodWithoutEntries_PrintsOnlyTheHeaders()
    {
        var run = await SampleRun.StartAsync(_sandboxes.Args("report", "--from", Iso(-48), "--to", Iso(-47)));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            AccessReportCsvWriter.EntriesHeader + Crlf + Crlf + AccessReportCsvWriter.DailyHeader,
            run.Stdout.TrimEnd());
    }

    // Margaret's two entries are on New York's day of the space's now, whatever the time (DemoSpace.RecentEntryTime):
    // one daily row, dated that day.
    private string NewYorkToday() =>
        TimeZoneInfo.ConvertTime(_sandboxes.Now, DemoSpace.NewYorkTimeZone).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    // An instant hours from now, as an operator would type it (UTC, ISO 8601).
    private static string Iso(int hours) => DateTimeOffset.UtcNow.AddHours(hours).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
