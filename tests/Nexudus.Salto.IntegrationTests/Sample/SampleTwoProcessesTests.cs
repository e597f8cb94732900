using System.Diagnostics;
using System.Globalization;
using Nexudus.Salto.Testing;
using Nexudus.Salto.Tests.Support;

namespace Nexudus.Salto.IntegrationTests.Sample;

/// <summary>
/// Two real <c>sync</c> processes of the sample, started together on the same PostgreSQL state, against sandboxes this
/// test hosts on loopback with several sites: they split the sites, each site is synced by exactly one of them, both
/// exit 0, and a third run writes nothing.
/// </summary>
public sealed class SampleTwoProcessesTests : IAsyncLifetime
{
    private const int Sites = 4;
    private readonly string _schema = "t_" + Guid.NewGuid().ToString("N");
    private readonly List<string> _siteIds = [];
    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal);
    private NexudusSandbox _nexudus = null!;
    private SaltoKsSandbox _salto = null!;

    public async Task InitializeAsync()
    {
        _nexudus = await NexudusSandbox.StartAsync(new NexudusSandboxOptions { RateLimits = NexudusRateLimits.Disabled });
        _salto = await SaltoKsSandbox.StartAsync(new SaltoKsSandboxOptions { DefaultSeatLimit = null, ServeTagEndpoints = true, SiteUsersShowTagId = true });
        _settings["Nexudus:BaseUrl"] = _nexudus.BaseUrl.AbsoluteUri;
        _settings["Nexudus:Username"] = _nexudus.Username;
        _settings["Nexudus:Password"] = _nexudus.Password;
        _settings["Nexudus:MinRequestInterval"] = "00:00:00.005";
        _settings["SaltoKs:BaseUrl"] = _salto.BaseUrl.AbsoluteUri;
        _settings["SaltoKs:IdentityUrl"] = _salto.IdentityUrl.AbsoluteUri;
        _settings["SaltoKs:ClientId"] = _salto.ClientId;
        _settings["SaltoKs:ClientSecret"] = _salto.ClientSecret;
        _settings["SaltoKs:Username"] = _salto.Username;
        _settings["SaltoKs:Password"] = _salto.Password;
        _settings["SaltoIntegration:PostgreSql:ConnectionString"] = await PostgreSqlTestServer.ConnectionStringAsync();
        _settings["SaltoIntegration:PostgreSql:Schema"] = _schema;

        // Long enough that two processes started together announce themselves before either takes a site, even on a loaded machine.
        _settings["SaltoIntegration:PostgreSql:JoinWindow"] = "00:00:08";
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < Sites; i++)
        {
            var space = SandboxSpaceGenerator.Generate(_nexudus, _salto, now, new SandboxSpaceOptions
            {
                Seed = 1701 + i,
                Customers = 40,
                Passes = 80,
                Contracts = 12,
                Bookings = 10,
                Groups = 6,
                ExistingSaltoUserShare = 0.25,
                EmailDomain = $"site{i + 1}.example", // one Nexudus account sees every site's customers: e-mails must not repeat
                SiteId = $"5a17f000-0000-4000-8000-{i + 1:000000000000}",
            });
            _siteIds.Add(space.SiteId);
            AddLocation(i, space);
        }
    }

    public async Task DisposeAsync()
    {
        await _nexudus.DisposeAsync();
        await _salto.DisposeAsync();
        await PostgreSqlTestServer.DropSchemaAsync(_schema);
    }

    [Fact]
    public async Task Sync_TwoProcessesStartedTogetherOnOneDatabase_SplitTheSitesBothExitZeroAndAThirdRunWritesNothing()
    {
        var first = RunAsync("sync");
        var second = RunAsync("sync");
        var runs = await Task.WhenAll(first, second);
        var firstWrites = _salto.Requests.GetCounters().Writes;
        _salto.Requests.Clear();
        var third = await RunAsync("sync");

        Assert.All(runs, r => Assert.True(r.ExitCode == 0, $"exit {r.ExitCode}\n{r.Stdout}\n{r.Stderr}"));
        Assert.True(firstWrites > 0, runs[0].Stdout); // the two processes did the work: SALTO users and memberships were written
        Assert.All(runs, r => Assert.DoesNotContain("No membership changes: SALTO already matches Nexudus.", r.Stdout, StringComparison.Ordinal));
        var synced = runs.Select(r => _siteIds.Where(s => !r.Stdout.Contains($"Skipped site {s}", StringComparison.Ordinal)).ToHashSet()).ToList();
        Assert.All(synced, s => Assert.NotEmpty(s)); // both did some of the work
        Assert.Empty(synced[0].Intersect(synced[1])); // no site synced by both
        Assert.Equal(_siteIds.Order(), synced[0].Union(synced[1]).Order()); // every site synced by one
        Assert.Contains(runs, r => r.Stdout.Contains("another process (" + Environment.MachineName, StringComparison.Ordinal)); // skipped sites name their holder
        Assert.True(third.ExitCode == 0, third.Stdout + third.Stderr);
        Assert.DoesNotContain("Skipped site", third.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, _salto.Requests.GetCounters().Writes);
    }

    private void AddLocation(int index, SandboxSpace space)
    {
        var prefix = string.Create(CultureInfo.InvariantCulture, $"SaltoIntegration:Locations:{index}");
        _settings[$"{prefix}:NexudusBusinessId"] = space.BusinessId.ToString(CultureInfo.InvariantCulture);
        _settings[$"{prefix}:SaltoSiteId"] = space.SiteId;
        _settings[$"{prefix}:UseNexudusLinkFields"] = "false";
        foreach (var (kind, links) in new[] { ("TimePassGroups", space.Links.TimePassGroups), ("FloorPlanDeskGroups", space.Links.FloorPlanDeskGroups), ("ResourceGroups", space.Links.ResourceGroups) })
        {
            foreach (var (item, groups) in links)
            {
                for (var g = 0; g < groups.Count; g++)
                {
                    _settings[string.Create(CultureInfo.InvariantCulture, $"{prefix}:{kind}:{item}:{g}")] = groups[g];
                }
            }
        }
    }

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string command)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Nexudus.Salto.Sample.dll"));
        start.ArgumentList.Add(command);

        // The settings go through the environment, as an operator's deployment passes them (and off the command line).
        foreach (var (key, value) in _settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
