using System.Text.Json;
using Nexudus.Salto.CheckIns;
using Nexudus.Salto.IntegrationTests.CheckIns;
using Nexudus.Salto.Reports;
using Nexudus.Salto.SaltoKs;
using PuppeteerSharp;

namespace Nexudus.Salto.IntegrationTests.Reports;

/// <summary>
/// The HTML access report opened in a real browser: the system's headless Chromium
/// (<c>eng/ci/ensure-chromium.sh</c> installs it; CI never skips this), driven over the DevTools
/// protocol. A page that only looks right as text could still draw nothing; this checks what is drawn.
/// </summary>
/// <remarks>
/// Set <c>NEXUDUS_SALTO_REPORT_SCREENSHOT</c> to a file path to keep the screenshot (the README's
/// <c>docs/images/access-report.png</c> comes from this test); <c>NEXUDUS_SALTO_CHROMIUM</c> points at
/// another Chromium than <c>/usr/bin/chromium</c>.
/// </remarks>
public sealed class AccessReportBrowserTests
{
    // Monday 3 March 2025 to Monday 10 March (London is on GMT all week, so local times are UTC times).
    private static readonly DateTimeOffset From = new(2025, 3, 3, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = From.AddDays(7);

    [Fact]
    public async Task WriteAsync_WeekOfEntries_RendersChartsAndTableInChromiumWithoutErrors()
    {
        await using var world = await WeekWorldAsync();
        var folder = Directory.CreateTempSubdirectory("nexudus-salto-report-");
        try
        {
            var path = Path.Combine(folder.FullName, "access-report.html");
            IReadOnlyList<DailyPresenceRow> daily;
            await using (var file = File.CreateText(path))
            {
                daily = await AccessReportHtmlWriter.WriteAsync(new AccessReportBuilder(
                    world.NexudusClient, world.SaltoClient, world.Store,
                    new AccessReportOptions { Locations = world.Options().Locations }).GetRowsAsync(From, To), file, From, To);
            }

            Assert.True(daily.Count >= 10, $"the week should give a realistic table, got {daily.Count} rows");

            await using var browser = await LaunchAsync(Path.Combine(folder.FullName, "profile"));
            await using var page = await browser.NewPageAsync();
            var problems = new List<string>();
            page.Console += (_, e) =>
            {
                if (e.Message.Type is ConsoleType.Error or ConsoleType.Warning or ConsoleType.Assert)
                {
                    problems.Add($"console {e.Message.Type}: {e.Message.Text}");
                }
            };
            page.PageError += (_, e) => problems.Add($"page error: {e.Message}");
            page.RequestFailed += (_, e) => problems.Add($"request failed: {e.Request.Url}");
            await page.SetViewportAsync(new ViewPortOptions { Width = 1100, Height = 900 });

            var response = await page.GoToAsync(new Uri(path).AbsoluteUri, new NavigationOptions
            {
                WaitUntil = [WaitUntilNavigation.Load],
                Timeout = 60_000,
            });
            Assert.NotNull(response);

            var drawn = await page.EvaluateFunctionAsync<JsonElement>(
                """
                () => {
                  const box = e => { const r = e.getBoundingClientRect(); return { w: r.width, h: r.height }; };
                  const charts = [...document.querySelectorAll('svg')].map(svg => ({
                    box: box(svg),
                    title: svg.querySelector(':scope > title')?.textContent ?? '',
                    bars: svg.querySelectorAll('g').length,
                    drawnBars: [...svg.querySelectorAll('rect')].filter(r => { const b = box(r); return b.w > 0 && b.h > 0; }).length,
                    overflows: svg.getBoundingClientRect().right > document.documentElement.clientWidth + 1,
                    overlappingLabels: [...svg.querySelectorAll('g > text')].map(t => t.getBoundingClientRect())
                      .filter((r, i, all) => i > 0 && r.left < all[i - 1].right).length,
                  }));
                  const table = document.querySelector('table');
                  const headers = [...table.querySelectorAll('thead th')].map(th => th.textContent);
                  const rows = [...table.querySelectorAll('tbody tr')];
                  return {
                    title: document.title,
                    charts,
                    table: box(table),
                    headers,
                    rows: rows.length,
                    cellsPerRow: [...new Set(rows.map(r => r.cells.length))],
                    emptyRows: rows.filter(r => box(r).h === 0).length,
                    totals: [...document.querySelectorAll('.totals strong')].map(s => s.textContent),
                    bodyWidth: document.documentElement.scrollWidth,
                    viewportWidth: document.documentElement.clientWidth,
                    scripts: document.scripts.length,
                    legend: [...document.querySelectorAll('.legend span')].map(s => box(s)).filter(b => b.w > 0 && b.h > 0).length,
                  };
                }
                """);

            Assert.StartsWith("Access report, ", drawn.GetProperty("title").GetString(), StringComparison.Ordinal);
            var charts = drawn.GetProperty("charts").EnumerateArray().ToList();
            Assert.Equal(2, charts.Count);
            Assert.Equal("Entries per hour of the day", charts[0].GetProperty("title").GetString());
            Assert.Equal("Entries per day", charts[1].GetProperty("title").GetString());
            Assert.Equal(24, charts[0].GetProperty("bars").GetInt32());
            Assert.Equal(7, charts[1].GetProperty("bars").GetInt32());
            foreach (var chart in charts)
            {
                Assert.True(chart.GetProperty("box").GetProperty("w").GetDouble() > 100, chart.ToString());
                Assert.True(chart.GetProperty("box").GetProperty("h").GetDouble() > 100, chart.ToString());
                Assert.False(chart.GetProperty("overflows").GetBoolean(), $"a chart is wider than the page: {chart}");
                Assert.True(chart.GetProperty("overlappingLabels").GetInt32() == 0, $"a chart's labels run into each other: {chart}");
            }

            // Every day has openings and some refusals: each day's bar draws both of its parts.
            Assert.Equal(14, charts[1].GetProperty("drawnBars").GetInt32());
            Assert.True(charts[0].GetProperty("drawnBars").GetInt32() >= 8, charts[0].ToString());

            Assert.Equal(
                ["Date", "Location", "Customer", "E-mail", "First in", "Last out", "Entries"],
                drawn.GetProperty("headers").EnumerateArray().Select(h => h.GetString()));
            Assert.Equal(daily.Count, drawn.GetProperty("rows").GetInt32());
            Assert.Equal([7], drawn.GetProperty("cellsPerRow").EnumerateArray().Select(c => c.GetInt32()));
            Assert.Equal(0, drawn.GetProperty("emptyRows").GetInt32());
            Assert.True(drawn.GetProperty("table").GetProperty("h").GetDouble() > daily.Count * 10, drawn.GetProperty("table").ToString());
            Assert.Equal(5, drawn.GetProperty("totals").GetArrayLength());
            Assert.Equal(0, drawn.GetProperty("scripts").GetInt32());
            Assert.Equal(2, drawn.GetProperty("legend").GetInt32());
            Assert.True(
                drawn.GetProperty("bodyWidth").GetDouble() <= drawn.GetProperty("viewportWidth").GetDouble() + 1,
                $"the page scrolls sideways: {drawn}");

            var screenshot = Environment.GetEnvironmentVariable("NEXUDUS_SALTO_REPORT_SCREENSHOT") is { Length: > 0 } keep
                ? Path.GetFullPath(keep)
                : Path.Combine(folder.FullName, "access-report.png");
            await page.ScreenshotAsync(screenshot, new ScreenshotOptions { FullPage = true });
            Assert.True(new FileInfo(screenshot).Length > 10_000, "the screenshot should show a drawn page");

            Assert.Empty(problems);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<IBrowser> LaunchAsync(string profile)
    {
        var chromium = Environment.GetEnvironmentVariable("NEXUDUS_SALTO_CHROMIUM") is { Length: > 0 } configured
            ? configured
            : "/usr/bin/chromium";
        Assert.True(File.Exists(chromium), $"Chromium was not found at {chromium}: run eng/ci/ensure-chromium.sh (CI does) or set NEXUDUS_SALTO_CHROMIUM.");
        return await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            UserDataDir = profile,
            Timeout = 120_000,
            ProtocolTimeout = 120_000,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
    }

    // A week at Central: the linked members come most days, one is refused now and then, a stranger's
    // card opens the side door, and people leave by the exit.
    private static async Task<CheckInWorld> WeekWorldAsync()
    {
        var world = await CheckInWorld.StartAsync();
        world.Salto.Seed(b =>
        {
            b.UseSite(CheckInWorld.SiteId);
            for (var day = 0; day < 7; day++)
            {
                var morning = From.AddDays(day);
                b.Entry(CheckInWorld.FrontDoor, morning.AddHours(8).AddMinutes(10 + day), CheckInWorld.Ada, EntryEventCategory.LockOpened, id: $"ada-in-{day}")
                 .Entry(CheckInWorld.Exit, morning.AddHours(12).AddMinutes(30), CheckInWorld.Ada, EntryEventCategory.LockOpened, id: $"ada-out-{day}")
                 .Entry(CheckInWorld.FrontDoor, morning.AddHours(13).AddMinutes(5), CheckInWorld.Ada, EntryEventCategory.LockOpened, id: $"ada-back-{day}")
                 .Entry(CheckInWorld.Exit, morning.AddHours(17).AddMinutes(45), CheckInWorld.Ada, EntryEventCategory.LockOpened, id: $"ada-home-{day}")
                 .Entry(CheckInWorld.FrontDoor, morning.AddHours(9).AddMinutes(40), CheckInWorld.Bob, EntryEventCategory.LockRejected, "no_access", id: $"bob-refused-{day}")
                 .Entry(CheckInWorld.FrontDoor, morning.AddHours(9).AddMinutes(42), CheckInWorld.Bob, EntryEventCategory.LockOpened, id: $"bob-in-{day}")
                 .Entry(CheckInWorld.Exit, morning.AddHours(18).AddMinutes(20), CheckInWorld.Bob, EntryEventCategory.LockOpened, id: $"bob-out-{day}");
                if (day % 2 == 0)
                {
                    b.Entry(CheckInWorld.FrontDoor, morning.AddHours(10).AddMinutes(15), CheckInWorld.Cy, EntryEventCategory.LockOpened, id: $"cy-in-{day}")
                     .Entry(CheckInWorld.SideDoor, morning.AddHours(20), CheckInWorld.Eve, EntryEventCategory.LockOpened, id: $"eve-{day}");
                }
            }
        });

        world.Time.Advance(new DateTimeOffset(2025, 11, 1, 0, 0, 0, TimeSpan.Zero) - world.Time.GetUtcNow());
        return world;
    }
}
