using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Nexudus.Salto.Entitlements;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;
using Nexudus.Salto.Sync;
using Nexudus.Salto.Testing;

namespace Nexudus.Salto.Benchmarks.Sync;

/// <summary>
/// What <see cref="AccessSyncOptions.SaltoWriteConcurrency"/> buys against a SALTO KS that takes time to answer: a
/// first sync of a space whose customers all need a SALTO user and a place in several groups, with a fixed latency
/// injected on every SALTO write (user creation, bulk PATCH), run once per concurrency on fresh sandboxes. Nexudus is
/// read without rate limits, so the wall time is the SALTO side's. Writes <c>benchmarks/results/salto-write-concurrency.md</c>.
/// </summary>
/// <remarks>
/// The loopback sandboxes of the call-cost harness answer in about a millisecond on two shared cores, so there the
/// writes are bound by the processor and overlapping them shows little; real SALTO KS calls take hundreds of
/// milliseconds, which is what this harness emulates.
/// </remarks>
internal static class SaltoWriteConcurrencyHarness
{
    private const string SiteId = "7c0f2c1e-0000-4000-8000-000000000001";

    public static async Task<int> RunAsync(string[] args)
    {
        var output = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || !args[i - 1].StartsWith("--", StringComparison.Ordinal))).FirstOrDefault()
            ?? Path.Combine(FindRepositoryRoot(), "benchmarks", "results", "salto-write-concurrency.md");
        var customers = Option(args, "--customers", 200);
        var groups = Option(args, "--groups", 6);
        var latency = TimeSpan.FromMilliseconds(Option(args, "--latency-ms", 100));
        var load = Load();
        var rows = new List<string>();
        double? sequential = null;

        // A small run first, so no row pays for start-up (JIT, connection set-up).
        await MeasureAsync(10, 1, TimeSpan.Zero, 1);
        foreach (var concurrency in new[] { 1, 2, 4, 8, 16 })
        {
            var (wall, report, calls) = await MeasureAsync(customers, groups, latency, concurrency);
            sequential ??= wall.TotalSeconds;
            var creations = report.UserCreations.Count(c => c.Outcome == SyncChangeOutcome.Applied);
            var added = report.Changes.Count(c => c.Outcome == SyncChangeOutcome.Applied);
            rows.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"| {concurrency} | {report.Result} | {creations} | {added} | {calls.Writes} | {calls.StoreWrites} | {wall.TotalSeconds:0.00} s | {sequential / wall.TotalSeconds:0.0}× | {calls.Writes * latency.TotalSeconds / concurrency:0.00} s |"));
            Console.WriteLine(rows[^1]);
        }

        var s = new StringBuilder();
        s.AppendLine("# SALTO write concurrency");
        s.AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture, $"A first sync of {customers:N0} customers, each with a pass linked to {groups} groups, so every customer needs a SALTO user and {groups} memberships; every SALTO user creation and bulk `PATCH` answers after {latency.TotalMilliseconds:0} ms of injected latency (`SandboxFault.Latency`). Nexudus is read without rate limits; the state store is the default SQLite one, on a temporary file. Fresh sandboxes per row; load average {load} when the harness started, on two shared cores.");
        s.AppendLine();
        s.AppendLine("| `SaltoWriteConcurrency` | Result | Users created | Memberships added | SALTO writes | State-store writes | Wall time | Speed-up over 1 | Latency floor (writes × latency ÷ concurrency) |");
        s.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var row in rows)
        {
            s.AppendLine(row);
        }

        s.AppendLine();
        s.AppendLine("Every row reaches the same end state (users created, memberships added). State-store writes fall as concurrency rises because records that finish while a write is running are saved together in the next one (group commit). The last column is the floor the injected latency sets; the gap above it is the sync's own work (reads, planning, SQLite writes) on the shared cores.");
        s.AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture, $"**Run it:** `dotnet run -c Release --project benchmarks/Nexudus.Salto.Benchmarks -- salto-writes [--customers {customers}] [--groups {groups}] [--latency-ms {latency.TotalMilliseconds:0}] [output.md]`.");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        await File.WriteAllTextAsync(output, s.ToString());
        Console.WriteLine($"Written to {output}");
        return 0;
    }

    private static async Task<(TimeSpan Wall, SyncReport Report, (int Writes, int StoreWrites) Calls)> MeasureAsync(
        int customers, int groups, TimeSpan latency, int concurrency)
    {
        await using var nexudus = await NexudusSandbox.StartAsync(new NexudusSandboxOptions { RateLimits = NexudusRateLimits.Disabled, MaxPageSize = 1000 });
        await using var salto = await SaltoKsSandbox.StartAsync(new SaltoKsSandboxOptions { MaxPageSize = 1000 });
        var groupIds = Enumerable.Range(1, groups).Select(g => $"9a1e0000-0000-4000-8000-{g:000000000000}").ToList();
        var seed = nexudus.Seed(b =>
        {
            b.Location("Central", TimeZoneInfo.Utc).Pass("Day Pass");
            for (var i = 1; i <= customers; i++)
            {
                var email = $"member{i:00000}@example.com";
                b.Customer(email, $"Member {i}").CustomerPass(email, "Day Pass");
            }
        });
        salto.Seed(b =>
        {
            b.Site(SiteId, "Central", timeZone: "UTC");
            foreach (var group in groupIds)
            {
                b.AccessGroup(group, group);
            }
        });
        salto.Faults.Add(SandboxFaultRule.On("POST", $"/v1.1/sites/{SiteId}/users", SandboxFault.Latency(latency)));
        salto.Faults.Add(SandboxFaultRule.On("PATCH", $"/v1.1/sites/{SiteId}/access_groups/*/users", SandboxFault.Latency(latency)));

        var services = new ServiceCollection();
        services.AddNexudusClient(o =>
        {
            o.BaseUrl = nexudus.BaseUrl;
            o.Username = nexudus.Username;
            o.Password = nexudus.Password;
            o.PageSize = 1000;
            o.MinRequestInterval = TimeSpan.Zero;
            o.MaxRequestsPerMinute = 0;
            o.MaxRequestsPerHour = 0;
            o.MaxWritesPerMinute = 0;
        });
        services.AddSaltoKsClient(o =>
        {
            o.BaseUrl = salto.BaseUrl;
            o.IdentityUrl = salto.IdentityUrl;
            o.ClientId = salto.ClientId;
            o.ClientSecret = salto.ClientSecret;
            o.Username = salto.Username;
            o.Password = salto.Password;
            o.ListPageSize = 1000;
        });
        await using var provider = services.BuildServiceProvider();

        // The default store: its writes take real time, which is when group commit saves writes.
        var path = Path.Combine(Path.GetTempPath(), $"salto-writes-{Guid.NewGuid():N}.db");
        var store = new CountingStore(new SqliteSyncStateStore(new SqliteSyncStateStoreOptions { Path = path }));
        var options = new AccessSyncOptions
        {
            SaltoWriteConcurrency = concurrency,
            Locations =
            [
                new IntegrationLocation
                {
                    Links = new LocationLinks
                    {
                        NexudusBusinessId = seed.Location("Central").Id,
                        SaltoSiteId = SiteId,
                        TimePassGroups = new Dictionary<long, IReadOnlyList<string>> { [seed.Pass("Day Pass").Id] = groupIds },
                        UseNexudusLinkFields = false,
                    },
                },
            ],
        };
        var synchronizer = new AccessSynchronizer(provider.GetRequiredService<INexudusClient>(), provider.GetRequiredService<ISaltoKsClient>(), store, options);
        var before = salto.Requests.GetRequests().Count(r => r.Method is "POST" or "PATCH" && !r.Path.EndsWith("/token", StringComparison.Ordinal));
        var watch = Stopwatch.StartNew();
        var report = await synchronizer.SynchronizeAsync();
        watch.Stop();
        var writes = salto.Requests.GetRequests().Count(r => r.Method is "POST" or "PATCH" && !r.Path.EndsWith("/token", StringComparison.Ordinal)) - before;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(path) + "*"))
        {
            File.Delete(file);
        }

        return (watch.Elapsed, report, (writes, store.Writes));
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }

    private static string Load()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Nexudus.Salto.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? Directory.GetCurrentDirectory();
    }

    /// <summary>Counts the batches written, to show group commit.</summary>
    private sealed class CountingStore(ISyncStateStore inner) : ISyncStateStore
    {
        private int _writes;

        public int Writes => Volatile.Read(ref _writes);

        public Task<ISyncStateLease> AcquireLeaseAsync(string holder, CancellationToken cancellationToken = default) => inner.AcquireLeaseAsync(holder, cancellationToken);

        public Task<SiteSyncState> LoadSiteAsync(string siteId, CancellationToken cancellationToken = default) => inner.LoadSiteAsync(siteId, cancellationToken);

        public Task<CheckInCursor> LoadCheckInCursorAsync(string siteId, CancellationToken cancellationToken = default) => inner.LoadCheckInCursorAsync(siteId, cancellationToken);

        public Task<bool> IsEntryProcessedAsync(string siteId, string entryId, CancellationToken cancellationToken = default) =>
            inner.IsEntryProcessedAsync(siteId, entryId, cancellationToken);

        public Task<string?> GetValueAsync(string key, CancellationToken cancellationToken = default) => inner.GetValueAsync(key, cancellationToken);

        public Task ApplyAsync(SyncStateChanges changes, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _writes);
            return inner.ApplyAsync(changes, cancellationToken);
        }
    }
}
