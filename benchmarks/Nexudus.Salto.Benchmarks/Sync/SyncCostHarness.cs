using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;
using Nexudus.Salto.Sync;
using Nexudus.Salto.Testing;

namespace Nexudus.Salto.Benchmarks.Sync;

/// <summary>
/// The sync call-cost harness: a generated space (5,000 customers, 20,000 passes, 2,000 contracts, 1,000 bookings,
/// 30 groups) in both sandboxes, the documented Nexudus rate limits enforced on both sides, pages of up to 1,000
/// records, and four runs measured by the sandboxes' own request logs. Writes <c>benchmarks/results/sync-cost.md</c>.
/// </summary>
internal static class SyncCostHarness
{
    private const int PageSize = 1000;

    public static async Task<int> RunAsync(string[] args)
    {
        var output = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? Path.Combine(FindRepositoryRoot(), "benchmarks", "results", "sync-cost.md");
        var concurrency = Option(args, "--concurrency", 6);
        StartLoad = Load();
        var interval = TimeSpan.FromMilliseconds(Option(args, "--interval-ms", 100));
        var skew = TimeSpan.FromMilliseconds(Option(args, "--skew-ms", 10));
        // The sandboxes' clock is the real one, except while the space is generated: its records are stamped a day
        // back, as real records are older than the sync that reads them (incremental reads depend on it).
        var time = new ShiftedTimeProvider();
        await using var nexudus = await NexudusSandbox.StartAsync(new NexudusSandboxOptions { TimeProvider = time, MaxPageSize = PageSize });
        // 5,000 customers need more than the default seat limit, and the budget with tag writes needs the tag routes.
        await using var salto = await SaltoKsSandbox.StartAsync(new SaltoKsSandboxOptions
        {
            TimeProvider = time, MaxPageSize = PageSize, DefaultSeatLimit = null, ServeTagEndpoints = true, SiteUsersShowTagId = true,
        });

        var generated = Stopwatch.StartNew();
        time.Shift = TimeSpan.FromDays(-1);
        var space = SandboxSpaceGenerator.Generate(nexudus, salto, TimeProvider.System.GetUtcNow());
        time.Shift = TimeSpan.Zero;
        generated.Stop();
        Console.WriteLine($"Generated the space in {generated.Elapsed.TotalSeconds:0.0} s: {string.Join(", ", space.Counts.Select(c => $"{c.Value} {c.Key}"))}");

        // A sandbox compiles its HTTP pipeline on its first request, as a cold service would; the services a sync
        // talks to are warm. One request to each, outside the SDK's clients and the measured runs, then a pause so the
        // rate-limit windows start empty.
        using (var warm = new HttpClient())
        {
            (await warm.GetAsync(new Uri(nexudus.BaseUrl, "api/spaces/coworkers"))).Dispose();
            (await warm.GetAsync(new Uri(salto.BaseUrl, "v1.2/sites"))).Dispose();
        }

        await WarmListsAsync(nexudus);

        var services = new ServiceCollection();
        services.AddNexudusClient(o =>
        {
            o.BaseUrl = nexudus.BaseUrl;
            o.Username = nexudus.Username;
            o.Password = nexudus.Password;
            o.PageSize = PageSize;

            // The documented 100 ms between arrivals; on loopback two requests' travel times differ by far less than
            // the skew allowed for a network, and the sandbox judges arrivals as the service does.
            o.MinRequestInterval = interval;
            o.MaxTransitSkew = skew;
        });
        services.AddSaltoKsClient(o =>
        {
            o.BaseUrl = salto.BaseUrl;
            o.IdentityUrl = salto.IdentityUrl;
            o.ClientId = salto.ClientId;
            o.ClientSecret = salto.ClientSecret;
            o.Username = salto.Username;
            o.Password = salto.Password;
            o.ListPageSize = PageSize;
        });
        await using var provider = services.BuildServiceProvider();
        var store = new InMemorySyncStateStore();
        var options = new AccessSyncOptions { Locations = [new IntegrationLocation { Links = space.Links }], NexudusReadConcurrency = concurrency };
        var synchronizer = new AccessSynchronizer(
            provider.GetRequiredService<INexudusClient>(), provider.GetRequiredService<ISaltoKsClient>(), store, options, time);

        // Each run starts with the rate-limit windows empty, as runs a worker spaces by minutes would.
        var runs = new List<Measured> { await MeasureAsync("1. First full sync (empty state)", synchronizer, nexudus, salto) };
        await QuietMinuteAsync();
        runs.Add(await MeasureAsync("2. Full sync, nothing changed", synchronizer, nexudus, salto));
        await QuietMinuteAsync();

        // A working day's worth of change: new passes, passes used up, a customer suspended.
        ChangeSomething(nexudus, space, time.GetUtcNow());
        await WarmListsAsync(nexudus);
        runs.Add(await MeasureAsync("3. Full sync after a few changes", synchronizer, nexudus, salto));

        var incremental = new AccessSynchronizer(
            provider.GetRequiredService<INexudusClient>(), provider.GetRequiredService<ISaltoKsClient>(), store,
            options with { FullReadInterval = TimeSpan.FromHours(1) }, time);
        await QuietMinuteAsync();
        await incremental.SynchronizeAsync();
        await QuietMinuteAsync();
        ChangeSomething(nexudus, space, time.GetUtcNow());
        await WarmListsAsync(nexudus);
        runs.Add(await MeasureAsync("4. Incremental sync after a few changes", incremental, nexudus, salto));

        var markdown = Render(space, generated.Elapsed, runs, concurrency, interval, skew);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        await File.WriteAllTextAsync(output, markdown);
        Console.WriteLine(markdown);
        Console.WriteLine($"Written to {output}");
        return runs.All(r => r.Report.Result != SyncResult.Failed) ? 0 : 1;
    }

    /// <summary>
    /// Reads one record of each list a sync reads, through a client of its own (not the measured one, which stays
    /// cold), then pauses so the rate-limit windows start empty. The sandbox builds a list's wire form on its first
    /// read after a change, which on these two shared cores starves the measured client; a real service is warm.
    /// </summary>
    private static async Task WarmListsAsync(NexudusSandbox nexudus)
    {
        var services = new ServiceCollection();
        services.AddNexudusClient(o =>
        {
            o.BaseUrl = nexudus.BaseUrl;
            o.Username = nexudus.Username;
            o.Password = nexudus.Password;
            o.PageSize = 1;
        });
        await using (var provider = services.BuildServiceProvider())
        {
            var client = provider.GetRequiredService<INexudusClient>();
            await client.GetCoworkersPageAsync();
            await client.GetCoworkerTimePassesPageAsync();
            await client.GetCoworkerContractsPageAsync();
            await client.GetTeamsPageAsync();
            await client.GetBookingsPageAsync();
        }

        await Task.Delay(TimeSpan.FromSeconds(1.5));
    }

    private static string StartLoad { get; set; } = "unknown";

    private static string Load() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static Task QuietMinuteAsync()
    {
        Console.WriteLine("    (waiting a minute for the rate-limit windows to empty)");
        return Task.Delay(TimeSpan.FromSeconds(61));
    }

    private static async Task<Measured> MeasureAsync(string name, AccessSynchronizer synchronizer, NexudusSandbox nexudus, SaltoKsSandbox salto)
    {
        nexudus.Requests.Clear();
        salto.Requests.Clear();
        var started = TimeProvider.System.GetUtcNow();
        var clock = Stopwatch.StartNew();
        var report = await synchronizer.SynchronizeAsync();
        clock.Stop();
        var run = new Measured(name, report, nexudus.Requests.GetCounters(), salto.Requests.GetCounters(), clock.Elapsed, ReadingTime(nexudus));
        Console.WriteLine($"{name}: {report.Result}, Nexudus {run.Nexudus.Requests} calls ({run.Nexudus.ThrottlesServed} throttled), SALTO {run.Salto.Requests} calls, {clock.Elapsed.TotalSeconds:0.00} s");
        foreach (var (route, count) in run.Nexudus.CallsPerRoute.Concat(run.Salto.CallsPerRoute).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"    {count,5} {route}");
        }

        var starts = nexudus.Requests.GetRequests().Select(r => r.Timestamp).Order().ToList();
        Console.WriteLine("    gaps (ms): " + string.Join(" ", starts.Zip(starts.Skip(1), (a, b) => (int)(b - a).TotalMilliseconds)));
        var saltoLog = salto.Requests.GetRequests();
        Console.WriteLine("    slowest Nexudus answers: " + string.Join(", ", nexudus.Requests.GetRequests().OrderByDescending(r => r.AnsweredAt - r.Timestamp).Take(5)
            .Select(r => $"{r.Method} {r.Route} at {(r.Timestamp - started).TotalSeconds:0.00} s took {(r.AnsweredAt - r.Timestamp).TotalMilliseconds:0} ms")));
        Console.WriteLine("    slowest SALTO answers: " + string.Join(", ", saltoLog.OrderByDescending(r => r.AnsweredAt - r.Timestamp).Take(5)
            .Select(r => $"{r.Method} {r.Route} at {(r.Timestamp - started).TotalSeconds:0.00} s took {(r.AnsweredAt - r.Timestamp).TotalMilliseconds:0} ms")));
        string Span(IEnumerable<SandboxRequest> requests) =>
            requests.Any() ? $"{(requests.Min(r => r.Timestamp) - started).TotalSeconds:0.00}–{(requests.Max(r => r.Timestamp) - started).TotalSeconds:0.00} s" : "none";
        Console.WriteLine($"    timeline: Nexudus {Span(nexudus.Requests.GetRequests())}, SALTO users {Span(saltoLog.Where(r => r.Method == "GET" && r.Route.EndsWith("{site_id}/users", StringComparison.Ordinal)))}, " +
                          $"members {Span(saltoLog.Where(r => r.Method == "GET" && r.Route.EndsWith("{access_group_id}/users", StringComparison.Ordinal)))}, " +
                          $"tags {Span(saltoLog.Where(r => r.Method == "GET" && r.Route.EndsWith("/tags", StringComparison.Ordinal)))}, " +
                          $"user creations {Span(saltoLog.Where(r => r.Method == "POST" && r.Route.EndsWith("/users", StringComparison.Ordinal)))}, " +
                          $"PATCHes {Span(saltoLog.Where(r => r.Method == "PATCH"))}, end {(clock.Elapsed).TotalSeconds:0.00} s");
        var ordered = nexudus.Requests.GetRequests().OrderBy(r => r.Timestamp).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            if (ordered[i].Throttled)
            {
                var before = i == 0 ? null : ordered[i - 1];
                Console.WriteLine($"    throttled: {ordered[i].Method} {ordered[i].Route} {(before is null ? "first" : $"{(int)(ordered[i].Timestamp - before.Timestamp).TotalMilliseconds} ms after {before.Method} {before.Route} ({before.StatusCode})")}");
            }
        }
        return run;
    }

    // From the first Nexudus request to the last: the part of the run the rate limits govern.
    private static TimeSpan ReadingTime(NexudusSandbox nexudus)
    {
        var requests = nexudus.Requests.GetRequests();
        return requests.Count < 2 ? TimeSpan.Zero : requests.Max(r => r.Timestamp) - requests.Min(r => r.Timestamp);
    }

    private static void ChangeSomething(NexudusSandbox nexudus, SandboxSpace space, DateTimeOffset now)
    {
        var passes = nexudus.GetAll<CoworkerTimePass>();
        var customers = nexudus.GetAll<Coworker>().Where(c => c.Active == true && c.Archived == false).ToList();
        var linkedPass = space.Links.TimePassGroups.Keys.First();
        foreach (var customer in customers.Take(10))
        {
            nexudus.Put(new CoworkerTimePass { CoworkerId = customer.Id, BusinessId = space.BusinessId, TimePassId = linkedPass, Used = false, CreateMultiple = 1 });
        }

        foreach (var pass in passes.Where(p => p.Used == false && p.TimePassId == linkedPass && (p.ExpireDate is null || p.ExpireDate > now)).Take(5))
        {
            nexudus.Put(pass with { ExpireDate = now.AddMinutes(-1) });
        }

        nexudus.SuspendCustomer(customers[^1].Id);
    }

    /// <summary>The earliest the last of <paramref name="calls"/> calls can start under the documented limits.</summary>
    private static TimeSpan RateLimitFloor(int calls)
    {
        // One call per 100 ms, 120 a minute, 5000 an hour: each call starts as soon as all three allow.
        var starts = new List<double>(calls);
        for (var k = 0; k < calls; k++)
        {
            var t = k == 0 ? 0 : starts[k - 1] + 0.1;
            if (k >= 120)
            {
                t = Math.Max(t, starts[k - 120] + 60);
            }

            if (k >= 5000)
            {
                t = Math.Max(t, starts[k - 5000] + 3600);
            }

            starts.Add(t);
        }

        return TimeSpan.FromSeconds(calls == 0 ? 0 : starts[^1] + 0.1);
    }

    private static string Render(SandboxSpace space, TimeSpan generation, List<Measured> runs, int concurrency, TimeSpan interval, TimeSpan skew)
    {
        var s = new StringBuilder();
        s.AppendLine("# Sync call-cost harness");
        s.AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture, $"**Space** (`SandboxSpaceGenerator`, seed 20250304): {string.Join(", ", space.Counts.Select(c => $"{c.Value:N0} {c.Key.ToLowerInvariant()}"))}; generated in {generation.TotalSeconds:0.0} s.");
        s.AppendLine("Both sandboxes serve pages of up to 1,000 records; the Nexudus sandbox enforces the documented limits (1 call per 100 ms, 120 a minute, 5,000 an hour, 60 writes a minute, answering 409 + `Retry-After`) and the client keeps to the same limits. Calls are the sandboxes' own request logs (token requests included).");
        s.AppendLine(CultureInfo.InvariantCulture, $"Client settings: page size 1,000, batch size 100, `MinRequestInterval` {interval.TotalMilliseconds:0} ms (the documented limit, which the sandbox judges by arrival) with `MaxTransitSkew` {skew.TotalMilliseconds:0} ms (calls overlap, each starting the interval plus the skew after the one before, or the interval after its response), `NexudusReadConcurrency` {concurrency}, `SaltoWriteConcurrency` {new AccessSyncOptions().SaltoWriteConcurrency}, `MembershipChunkSize` 1,000 (the default; the sandbox sets no limit on ids per PATCH). Both sandboxes run in the harness's process on the same two shared cores (load average {StartLoad} when the harness started); before each measured full read the harness reads one record of each list through a client of its own, so the sandbox serves warm lists, as a real service does.");
        s.AppendLine();
        s.AppendLine("**Goals:** a full sync in ≤ 60 Nexudus calls and ≤ 2 SALTO calls per managed group plus one per changed group and per created user; a no-change run makes 0 writes; wall time within 1.2× of the rate-limit floor.");
        s.AppendLine();
        s.AppendLine("| Run | Result | Nexudus calls (writes) | Throttled | SALTO calls | SALTO reads / creations / PATCHes / tag writes | SALTO budget | Groups managed / changed | Changes applied | Wall time | of which Nexudus reading | Rate-limit floor | Wall ÷ floor |");
        s.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var r in runs)
        {
            var floor = RateLimitFloor(r.Nexudus.Requests);
            s.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Name} | {r.Report.Result} | {r.Nexudus.Requests} ({r.Nexudus.Writes}) | {r.Nexudus.ThrottlesServed} | {r.Salto.Requests} | {r.SaltoReads} / {r.Created} / {r.Patches} / {r.TagWrites} | {r.Budget} | {Managed} / {r.ChangedGroups} | {r.Report.Changes.Count(c => c.Outcome == SyncChangeOutcome.Applied)} | {r.Wall.TotalSeconds:0.00} s | {r.Reading.TotalSeconds:0.00} s | {floor.TotalSeconds:0.00} s | {r.Wall / floor:0.00}× |");
        }

        s.AppendLine();
        s.AppendLine("SALTO budget = 2 × managed groups + changed groups + users created (the issue's formula). Reads are the token, the site's users (pages of 1,000), each managed group's members and the site's tags; each changed group takes one PATCH of up to 1,000 ids (`MembershipChunkSize`). The formula has no term for tags: SALTO assigns a tag to an existing user only with one `PATCH …/users/{id}` per user (a new user gets it in its creation), so those writes are listed apart and the verdict gives both readings.");
        s.AppendLine();
        s.AppendLine("**Verdict**");
        s.AppendLine();
        var full = runs.Where(r => r.Report.SnapshotRead == SnapshotReadKind.Full).ToList();
        s.AppendLine(CultureInfo.InvariantCulture, $"- Nexudus calls per full sync: {string.Join(", ", full.Select(r => r.Nexudus.Requests))} (goal ≤ 60): {(full.All(r => r.Nexudus.Requests <= 60) ? "met" : "NOT met")}.");
        foreach (var r in runs)
        {
            var verdict = r.Salto.Requests <= r.Budget ? "met" : $"over by {r.Salto.Requests - r.Budget}";
            var withTags = r.TagWrites == 0
                ? "no tag writes"
                : $"with one call per tag assigned to an existing user ({r.TagWrites}): {r.Salto.Requests} against {r.Budget + r.TagWrites}, {(r.Salto.Requests <= r.Budget + r.TagWrites ? "met" : "NOT met")}";
            s.AppendLine(CultureInfo.InvariantCulture, $"- {r.Name}: SALTO {r.Salto.Requests} calls against a budget of {r.Budget}: {verdict}; {withTags}.");
        }

        s.AppendLine(CultureInfo.InvariantCulture, $"- No-change run writes: Nexudus {runs[1].Nexudus.Writes}, SALTO {runs[1].Salto.Writes} (goal 0): {(runs[1].Nexudus.Writes + runs[1].Salto.Writes == 0 ? "met" : "NOT met")}.");
        var ratios = runs.Select(r => r.Wall / RateLimitFloor(r.Nexudus.Requests)).ToList();
        s.AppendLine(CultureInfo.InvariantCulture, $"- Wall ÷ floor: {string.Join(", ", ratios.Select(x => x.ToString("0.00", CultureInfo.InvariantCulture)))} (goal ≤ 1.2): {(ratios.All(x => x <= 1.2) ? "met" : "NOT met")}.");
        s.AppendLine();
        s.AppendLine("**Run it:** `dotnet run -c Release --project benchmarks/Nexudus.Salto.Benchmarks -- sync-cost` (about five minutes: it waits a minute between runs so each starts with empty rate-limit windows).");
        return s.ToString();
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

    /// <summary>The real clock, shifted by an amount the harness sets (to stamp generated records in the past).</summary>
    private sealed class ShiftedTimeProvider : TimeProvider
    {
        public TimeSpan Shift { get; set; }

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Shift;
    }

    private const int Managed = 30;

    private sealed record Measured(string Name, SyncReport Report, SandboxCounters Nexudus, SandboxCounters Salto, TimeSpan Wall, TimeSpan Reading)
    {
        public int ChangedGroups => Report.Changes.Where(c => c.Outcome == SyncChangeOutcome.Applied).Select(c => c.GroupId).Distinct().Count();

        public int Created => Report.UserCreations.Count(c => c.Outcome == SyncChangeOutcome.Applied);

        public int Budget => (2 * Managed) + ChangedGroups + Created;

        public int Patches => Salto.CallsPerRoute.Where(p => p.Key.StartsWith("PATCH", StringComparison.Ordinal) && p.Key.EndsWith("/users", StringComparison.Ordinal)).Sum(p => p.Value);

        public int TagWrites => Salto.CallsPerRoute.Where(p => p.Key.Contains("/tags", StringComparison.Ordinal) && !p.Key.StartsWith("GET", StringComparison.Ordinal)).Sum(p => p.Value) +
                                Salto.CallsPerRoute.Where(p => p.Key.StartsWith("PATCH /v1.2/sites/{site_id}/users/", StringComparison.Ordinal)).Sum(p => p.Value);

        public int SaltoReads => Salto.Requests - Salto.Writes;
    }
}
