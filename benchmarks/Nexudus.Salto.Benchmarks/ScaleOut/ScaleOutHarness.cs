using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.Testing;
using Npgsql;

namespace Nexudus.Salto.Benchmarks.ScaleOut;

/// <summary>
/// Several worker processes (<see cref="ScaleOutWorker"/>) sharing one PostgreSQL, against both sandboxes hosted here on
/// loopback: 40 named integrations × 2 sites. Measures the time until every site is synced once, the take-over time of
/// the sites of a worker killed with <c>kill -9</c> in the middle of an apply, writes applied twice, stale-holder writes
/// refused, ledger entries lost, sites synced per minute per worker, and the CPU a site sync costs (for the
/// single-machine ceiling). Results go to <c>benchmarks/results/scale-out.md</c>.
/// </summary>
internal static class ScaleOutHarness
{
    private static readonly Stopwatch Clock = new();
    private static readonly ConcurrentQueue<(double At, string Line)> Lines = new();
    private static readonly Dictionary<(string Worker, int Id), Write> Writes = [];
    private static TextWriter? LineLog;

    public static async Task<int> RunAsync(string[] args)
    {
        int workers = Option(args, "--workers", 3);
        int integrations = Option(args, "--integrations", 40);
        int customers = Option(args, "--customers", 60);
        int ttl = Option(args, "--ttl-seconds", 10);
        int concurrency = Option(args, "--concurrency", 4);
        double pause = Option(args, "--pause-seconds", 2);
        int sitesPer = Option(args, "--sites-per-integration", 2);
        bool ceiling = args.Contains("--ceiling");
        var output = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault() ?? Path.Combine("benchmarks", "results", "scale-out.md");

        var (connectionString, stopServer) = await PostgreSqlAsync();
        try
        {
            return await MeasureAsync(connectionString, workers, integrations, sitesPer, customers, ttl, concurrency, pause, ceiling, output);
        }
        finally
        {
            stopServer?.Invoke();
        }
    }

    private static async Task<int> MeasureAsync(
        string connectionString, int workerCount, int integrations, int sitesPer, int customers, int ttl, int concurrency, double pause, bool ceiling, string output)
    {
        await using var nexudus = await NexudusSandbox.StartAsync(new NexudusSandboxOptions { RateLimits = NexudusRateLimits.Disabled, MaxPageSize = 1000 });
        await using var salto = await SaltoKsSandbox.StartAsync(new SaltoKsSandboxOptions { DefaultSeatLimit = null, ServeTagEndpoints = true, SiteUsersShowTagId = true, MaxPageSize = 1000 });
        var now = DateTimeOffset.UtcNow;
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        var spaces = new List<(string Integration, SandboxSpace Space)>();
        var generation = Stopwatch.StartNew();
        for (var i = 1; i <= integrations; i++)
        {
            var name = $"op-{i:00}";
            var prefix = $"Integrations:{name}";
            values[$"{prefix}:Nexudus:BaseUrl"] = nexudus.BaseUrl.AbsoluteUri;
            values[$"{prefix}:Nexudus:Username"] = nexudus.Username;
            values[$"{prefix}:Nexudus:Password"] = nexudus.Password;
            values[$"{prefix}:Nexudus:MinRequestInterval"] = "00:00:00";
            values[$"{prefix}:Nexudus:MaxRequestsPerMinute"] = "0";
            values[$"{prefix}:Nexudus:MaxRequestsPerHour"] = "0";
            values[$"{prefix}:Nexudus:MaxWritesPerMinute"] = "0";
            values[$"{prefix}:SaltoKs:BaseUrl"] = salto.BaseUrl.AbsoluteUri;
            values[$"{prefix}:SaltoKs:IdentityUrl"] = salto.IdentityUrl.AbsoluteUri;
            values[$"{prefix}:SaltoKs:ClientId"] = salto.ClientId;
            values[$"{prefix}:SaltoKs:ClientSecret"] = salto.ClientSecret;
            values[$"{prefix}:SaltoKs:Username"] = salto.Username;
            values[$"{prefix}:SaltoKs:Password"] = salto.Password;
            values[$"{prefix}:SaltoIntegration:PostgreSql:ConnectionString"] = connectionString;
            values[$"{prefix}:SaltoIntegration:PostgreSql:SiteLeaseDuration"] = TimeSpan.FromSeconds(ttl).ToString("c", CultureInfo.InvariantCulture);
            values[$"{prefix}:SaltoIntegration:PostgreSql:JoinWindow"] = "00:00:02";
            for (var l = 0; l < sitesPer; l++)
            {
                var space = SandboxSpaceGenerator.Generate(nexudus, salto, now, new SandboxSpaceOptions
                {
                    Seed = 5000 + (i * 2) + l,
                    Customers = customers,
                    Passes = customers * 4,
                    Contracts = customers * 2 / 5,
                    Bookings = customers / 5,
                    Groups = ceiling ? 30 : 6,
                    SiteId = $"5ca1e000-0000-4000-8000-{i:000000}{l:000000}",
                    EmailDomain = $"op{i:00}-site{l}.example", // the sandbox account sees every location: e-mails must not repeat
                });
                spaces.Add((name, space));
                AddLocation(values, $"{prefix}:SaltoIntegration:Locations:{l}", space);
            }

            await DropSchemaAsync(connectionString, ScaleOutWorker.SchemaOf(name));
        }

        generation.Stop();
        var baseline = spaces.ToDictionary(s => s.Space.SiteId, s => Members(salto, s.Space));
        var file = Path.Combine(Path.GetTempPath(), $"nexudus-salto-scale-out-{Environment.ProcessId}.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(values));
        var sites = spaces.Select(s => s.Space.SiteId).ToList();
        Console.WriteLine($"{integrations} integrations, {sites.Count} sites of {customers} customers generated in {generation.Elapsed.TotalSeconds:0.0} s; starting {workerCount} workers.");

        LineLog = TextWriter.Synchronized(new StreamWriter(output + ".lines.log") { AutoFlush = true });
        Clock.Start();
        var workers = Enumerable.Range(1, workerCount).Select(w => StartWorker(file, $"w{w}", pause, concurrency)).ToList();
        try
        {
            // 1. Every site synced once.
            var firstSynced = new Dictionary<string, (double At, string Worker)>(StringComparer.OrdinalIgnoreCase);
            var syncedBy = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
            var runs = new List<Run>();
            void Drain()
            {
                while (Lines.TryDequeue(out var line))
                {
                    if (ParseWrite(line.Line))
                    {
                        continue;
                    }

                    if (Run.Parse(line.Line) is not { } run)
                    {
                        if (line.Line.StartsWith("CRASH", StringComparison.Ordinal))
                        {
                            Console.WriteLine(line.Line);
                        }

                        continue;
                    }

                    runs.Add(run with { SeenAt = line.At, SeenUnix = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() });
                    if (run.Result != "Failed")
                    {
                        foreach (var site in run.Held)
                        {
                            firstSynced.TryAdd(site, (line.At, run.Worker));
                            (syncedBy.TryGetValue(site, out var by) ? by : syncedBy[site] = []).Add(run.Worker);
                        }
                    }
                }
            }

            var limit = TimeSpan.FromMinutes(10);
            while (firstSynced.Count < sites.Count && Clock.Elapsed < limit)
            {
                await Task.Delay(100);
                Drain();
            }

            var allSyncedAt = firstSynced.Count == 0 ? double.NaN : firstSynced.Values.Max(v => v.At); // with fewer than all: when the limit was reached
            var firstBy = firstSynced.Values.GroupBy(v => v.Worker).ToDictionary(g => g.Key, g => g.Count());
            Console.WriteLine($"All {firstSynced.Count}/{sites.Count} sites synced once after {allSyncedAt / 1000:0.0} s ({string.Join(", ", firstBy.OrderBy(p => p.Key).Select(p => $"{p.Key}: {p.Value}"))}).");

            // Steady state: sites synced per minute per worker, and CPU per site sync.
            var steadyFrom = Clock.Elapsed.TotalMilliseconds;
            var cpuBefore = workers.ToDictionary(w => w.Name, w => Cpu(w.Process));
            if (ceiling)
            {
                // Syncs of 5,000 customers can take longer than a minute on a loaded machine: wait for two no-change syncs of
                // every integration (at most 10 minutes), so the CPU and wall time per sync come from whole syncs.
                // The window opens once every integration has ended one no-change sync, so runs begun before it count little.
                var ceilingLimit = Clock.Elapsed + TimeSpan.FromMinutes(12);
                while (Clock.Elapsed < ceilingLimit && runs.Count(r => r.SeenAt >= steadyFrom && r.Result != "Failed") < integrations)
                {
                    await Task.Delay(200);
                    Drain();
                }

                steadyFrom = Clock.Elapsed.TotalMilliseconds;
                cpuBefore = workers.ToDictionary(w => w.Name, w => Cpu(w.Process));
                while (Clock.Elapsed < ceilingLimit && runs.Count(r => r.SeenAt >= steadyFrom && r.Result != "Failed") < 2 * integrations)
                {
                    await Task.Delay(200);
                    Drain();
                }
            }
            else
            {
                await Task.Delay(TimeSpan.FromSeconds(60));
            }

            Drain();
            var steadyTo = Clock.Elapsed.TotalMilliseconds;
            var steadyRuns = runs.Where(r => r.SeenAt >= steadyFrom && r.SeenAt <= steadyTo && r.Result != "Failed").ToList();
            var perWorker = workers.ToDictionary(w => w.Name, w => steadyRuns.Where(r => r.Worker == w.Name).Sum(r => r.Held.Count) / ((steadyTo - steadyFrom) / 60000));
            var cpu = workers.ToDictionary(w => w.Name, w => Cpu(w.Process) - cpuBefore[w.Name]);
            var siteSyncs = steadyRuns.Sum(r => r.Held.Count);
            var cpuPerSiteSync = cpu.Values.Sum() / Math.Max(1, siteSyncs);
            var steadyWrites = steadyRuns.Sum(r => r.Applied);
            var steadyFailed = runs.Count(r => r.SeenAt >= steadyFrom && r.SeenAt <= steadyTo && r.Result == "Failed");
            Console.WriteLine($"Steady state: {steadyFailed} failed runs, {siteSyncs} site syncs in {(steadyTo - steadyFrom) / 1000:0} s; {cpuPerSiteSync * 1000:0.0} ms CPU per site sync; {steadyWrites} changes applied.");

            if (ceiling)
            {
                var syncWall = steadyRuns.Count == 0 ? double.NaN : steadyRuns.Average(r => r.End - r.Start) / 1000;
                var cpuPerSync = cpu.Values.Sum() / Math.Max(1, steadyRuns.Count);
                var text = string.Create(CultureInfo.InvariantCulture,
                    $"| {integrations} × {sitesPer} site(s) of {customers} customers, {workerCount} worker | {allSyncedAt / 1000:0.0} s | {steadyRuns.Count} in {(steadyTo - steadyFrom) / 1000:0} s | {syncWall:0.00} s | {cpuPerSync:0.000} s | {Environment.ProcessorCount} | {LoadAverage()} |");
                await File.WriteAllTextAsync(output + ".ceiling.md", text + Environment.NewLine);
                Console.WriteLine("| Run | First pass | No-change syncs | Wall per sync | Worker CPU per sync | Cores | Load |");
                Console.WriteLine(text);
                return 0;
            }

            // 2. Changes at every site: two new customers given two passes, each linked to its own group (A and B). SALTO
            // answers group B's PATCHes 8 s late, so a worker that has had group A's PATCH answered and has sent group B's is
            // in the middle of its apply (one membership write applied, one in flight); that worker is killed there.
            var changes = spaces.ToDictionary(s => s.Space.SiteId, s => NewCustomers(nexudus, s.Space, now, "k"), StringComparer.OrdinalIgnoreCase);
            var changedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            salto.Faults.Clear();
            foreach (var (site, change) in changes)
            {
                salto.Faults.Add(SandboxFaultRule.On("PATCH", $"/*/sites/{site}/access_groups/{change.GroupB}/**", SandboxFault.Latency(TimeSpan.FromSeconds(8))));
            }

            var victim = workers[0];
            var (victimSite, killedAt) = await MidApplyAsync(victim, changes, changedAt, Drain, TimeSpan.FromMinutes(3));
            var victimSites = new List<string>();
            if (victimSite is not null)
            {
                victim.Process.Kill(entireProcessTree: false); // SIGKILL on Linux: no clean-up runs, its leases stay until they expire
                victimSites = (await LeasesAsync(connectionString, spaces.Select(s => s.Integration).Distinct()))
                    .Where(l => l.Holder.Contains($":{victim.Process.Id}:", StringComparison.Ordinal)).Select(l => l.Site).ToList();
                victimSites = [.. victimSites.Append(victimSite).Distinct(StringComparer.OrdinalIgnoreCase)];
                salto.Faults.Clear();
                Console.WriteLine($"Killed {victim.Name} (pid {victim.Process.Id}) mid-apply at {victimSite} (group A's PATCH answered, group B's in flight); it held {victimSites.Count} site(s).");
            }

            // Taken over: another worker holds the site's lease (polled) or writes to it; finished: SALTO has what Nexudus says.
            var takenOver = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
            var finished = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
            var takeOverLimit = Clock.Elapsed + TimeSpan.FromMinutes(5);
            while (victimSites.Count > 0 && finished.Count < victimSites.Count && Clock.Elapsed < takeOverLimit)
            {
                await Task.Delay(100);
                Drain();
                var nowMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                foreach (var lease in await LeasesAsync(connectionString, spaces.Select(s => s.Integration).Distinct()))
                {
                    if (victimSites.Contains(lease.Site, StringComparer.OrdinalIgnoreCase) && !lease.Holder.Contains($":{victim.Process.Id}:", StringComparison.Ordinal))
                    {
                        takenOver.TryAdd(lease.Site, nowMs - killedAt);
                    }
                }

                foreach (var write in Writes.Values.Where(w => w.Worker != victim.Name && w.SentAt > killedAt && SiteOf(w.Path) is { } s && victimSites.Contains(s, StringComparer.OrdinalIgnoreCase)))
                {
                    var site = SiteOf(write.Path)!;
                    takenOver[site] = Math.Min(takenOver.GetValueOrDefault(site, double.MaxValue), write.SentAt - killedAt);
                }

                foreach (var site in victimSites.Where(s => !finished.ContainsKey(s) && Entitled(salto, s, changes[s])))
                {
                    finished[site] = nowMs - killedAt;
                    takenOver.TryAdd(site, nowMs - killedAt);
                }
            }

            // 3. A worker paused (SIGSTOP) in the middle of an apply, past its lease, then resumed (SIGCONT): its writes after
            // waking must be refused, and the other workers finish what it left.
            var paused = workers[1];
            var changes2 = spaces.ToDictionary(s => s.Space.SiteId, s => NewCustomers(nexudus, s.Space, now, "p"), StringComparer.OrdinalIgnoreCase);
            var changed2At = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            foreach (var (site, change) in changes2)
            {
                salto.Faults.Add(SandboxFaultRule.On("PATCH", $"/*/sites/{site}/access_groups/{change.GroupB}/**", SandboxFault.Latency(TimeSpan.FromSeconds(8))));
            }

            var (pausedSite, pausedAt) = await MidApplyAsync(paused, changes2, changed2At, Drain, TimeSpan.FromMinutes(3));
            var pausedSites = new List<string>();
            long resumedAt = 0;
            var resumedClock = double.MaxValue;
            var takenWhilePaused = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (pausedSite is not null)
            {
                Signal(paused.Process.Id, "STOP");
                pausedSites = (await LeasesAsync(connectionString, spaces.Select(s => s.Integration).Distinct()))
                    .Where(l => l.Holder.Contains($":{paused.Process.Id}:", StringComparison.Ordinal)).Select(l => l.Site).Append(pausedSite)
                    .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                salto.Faults.Clear();
                Console.WriteLine($"Paused {paused.Name} (pid {paused.Process.Id}) mid-apply at {pausedSite}; it held {pausedSites.Count} site(s).");
                var pauseEnd = Clock.Elapsed + TimeSpan.FromSeconds(ttl * 2 + 5);
                while (Clock.Elapsed < pauseEnd)
                {
                    await Task.Delay(100);
                    Drain();
                    foreach (var lease in await LeasesAsync(connectionString, spaces.Select(s => s.Integration).Distinct()))
                    {
                        if (pausedSites.Contains(lease.Site, StringComparer.OrdinalIgnoreCase) && !lease.Holder.Contains($":{paused.Process.Id}:", StringComparison.Ordinal))
                        {
                            takenWhilePaused.Add(lease.Site);
                        }
                    }
                }

                Signal(paused.Process.Id, "CONT");
                resumedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                resumedClock = Clock.Elapsed.TotalMilliseconds;
                await Task.Delay(TimeSpan.FromSeconds(ttl + 10));
            }

            salto.Faults.Clear();
            Drain();
            var resumedRuns = runs.Where(r => r.Worker == paused.Name && resumedAt > 0 && r.SeenAt >= resumedClock).ToList();
            var fenced = resumedRuns.Where(r => r.Errors.Contains("StateLocked", StringComparison.Ordinal)).ToList();
            foreach (var site in pausedSites.Where(s => Writes.Values.Any(w => w.Worker != paused.Name && w.SentAt > pausedAt && w.SentAt < resumedAt && SiteOf(w.Path) == s)))
            {
                takenWhilePaused.Add(site);
            }

            // Stale writes: the paused worker's writes, sent after it woke, to a site another worker took over while it slept,
            // before the run it was in when paused ended (its first run line after waking for that site's integration).
            var integrationOf = spaces.ToDictionary(s => s.Space.SiteId, s => s.Integration, StringComparer.OrdinalIgnoreCase);
            long StaleRunEnd(string site) => resumedRuns.Where(r => r.Integration == integrationOf[site]).Select(r => r.SeenUnix).DefaultIfEmpty(long.MaxValue).Min();
            var staleWrites = Writes.Values.Where(w => w.Worker == paused.Name && resumedAt > 0 && w.SentAt >= resumedAt
                && SiteOf(w.Path) is { } s && takenWhilePaused.Contains(s) && w.SentAt <= StaleRunEnd(s)).ToList();
            var wokeWrites = Writes.Values.Count(w => w.Worker == paused.Name && resumedAt > 0 && w.SentAt >= resumedAt
                && SiteOf(w.Path) is { } s && pausedSites.Contains(s, StringComparer.OrdinalIgnoreCase));
            var staleApplied = staleWrites.Count(w => w.Status is >= 200 and < 300);

            // Let everything settle: every changed site holds what Nexudus says (at most 5 minutes), then 15 s more, then
            // compare the ledger and the groups with SALTO.
            var settleFrom = Clock.Elapsed;
            while (Clock.Elapsed - settleFrom < TimeSpan.FromMinutes(5)
                && (changes.Any(c => !Entitled(salto, c.Key, c.Value)) || changes2.Any(c => !Entitled(salto, c.Key, c.Value))))
            {
                await Task.Delay(500);
                Drain();
            }

            var settledAfter = Clock.Elapsed - settleFrom;
            await Task.Delay(TimeSpan.FromSeconds(15));
            Drain();
            var duplicates = Duplicates(changedAt);
            var duplicatesOnCrashedSites = duplicates.Count(d => victimSites.Contains(d.Site, StringComparer.OrdinalIgnoreCase) || pausedSites.Contains(d.Site, StringComparer.OrdinalIgnoreCase));
            var notEntitled = changes.Count(c => !Entitled(salto, c.Key, c.Value)) + changes2.Count(c => !Entitled(salto, c.Key, c.Value));
            var (lost, phantom, owned) = await LedgerAsync(connectionString, spaces, salto, baseline);
            var lastRuns = runs.Where(r => r.SeenAt > Clock.Elapsed.TotalMilliseconds - 15000 && r.Result != "Failed").ToList();
            var lastApplied = lastRuns.Sum(r => r.Applied);
            var crashedLeft = victimSites.Concat(pausedSites).Count(s => !Entitled(salto, s, changes[s]) || !Entitled(salto, s, changes2[s]));
            var report = new StringBuilder();
            report.AppendLine("# Scale-out: several worker processes on one PostgreSQL");
            report.AppendLine();
            report.AppendLine(CultureInfo.InvariantCulture, $"**Set-up.** {integrations} named integrations (`AddSaltoIntegration(name, section).UsePostgreSqlStateStore(section)`, a schema each) × 2 sites = {sites.Count} sites, each a generated space of {customers} customers ({customers * 2} passes, {customers / 3} contracts, {customers / 5} bookings, 6 linked groups); both sandboxes in the harness process on loopback (Nexudus without rate limits); {workerCount} worker processes (`scale-out-worker`) started together, each syncing every integration again and again ({pause:0.#} s pause between runs of one integration, at most {concurrency} integrations at a time), site lease TTL {ttl} s, join window 2 s. Machine: {Environment.ProcessorCount} cores, shared with other builds (load average {LoadAverage()} at the end). Run {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC; generation took {generation.Elapsed.TotalSeconds:0.0} s.");
            report.AppendLine();
            report.AppendLine("| Measure | Result | Goal |");
            report.AppendLine("| --- | --- | --- |");
            report.AppendLine(CultureInfo.InvariantCulture, $"| Time until every site is synced once (from starting the workers, process start-up included) | {allSyncedAt / 1000:0.0} s ({firstSynced.Count}/{sites.Count} sites; first syncs per worker: {string.Join(", ", firstBy.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}"))}) | |");
            report.AppendLine(CultureInfo.InvariantCulture, $"| Changes applied by the first pass (memberships, after users were created) | {runs.Where(r => r.SeenAt <= allSyncedAt).Sum(r => r.Applied)} | |");
            report.AppendLine(CultureInfo.InvariantCulture, $"| Take-over after `kill -9` mid-apply (group A's PATCH answered, group B's in flight; {victimSites.Count} site(s) held by the killed worker) | {(takenOver.Count == 0 ? "none" : $"max {takenOver.Values.Max() / 1000:0.0} s, median {Median(takenOver.Values) / 1000:0.0} s")} from the kill to another worker holding the site; {takenOver.Count}/{victimSites.Count} taken over | ≤ 2 × TTL = {2 * ttl} s |");
            report.AppendLine(CultureInfo.InvariantCulture, $"| Killed worker's sites finished by the next holder (SALTO groups A and B hold both new customers) | {finished.Count}/{victimSites.Count}{(finished.Count == 0 ? string.Empty : $", max {finished.Values.Max() / 1000:0.0} s after the kill")} | all |");
            report.AppendLine(CultureInfo.InvariantCulture, $"| Worker paused with `kill -STOP` mid-apply for {ttl * 2 + 5} s, then resumed ({pausedSites.Count} site(s) held; {takenWhilePaused.Count} taken over by another worker while it slept) | runs refused by the database after waking (`StateLocked`, fenced): {fenced.Count}; stale writes (sent after waking by the run it was in, to a site taken over): {staleWrites.Count}, applied {staleApplied}; all its writes after waking to the sites it held: {wokeWrites} | every stale write refused, 0 applied |");
            report.AppendLine(CultureInfo.InvariantCulture, $"| Membership changes applied twice (the same user added to or removed from the same group by two answered PATCHes, from the first change on) | {duplicates.Count} ({duplicatesOnCrashedSites} on the killed or paused worker's sites){(duplicates.Count == 0 ? string.Empty : ": " + string.Join("; ", duplicates.Take(5).Select(d => d.Detail)))} | 0 |");
            report.AppendLine(CultureInfo.InvariantCulture, $"| Changed sites whose SALTO groups do not hold what Nexudus says, after settling ({settledAfter.TotalSeconds:0} s waited; {changes.Count + changes2.Count} site changes; {victimSites.Count + pausedSites.Count} on the killed or paused worker's sites) | {notEntitled} ({crashedLeft} of the crashed ones) | 0 |");
            report.AppendLine(CultureInfo.InvariantCulture, $"| Ledger entries lost (memberships SALTO has that the SDK added but the ledger lacks) | {lost} (ledger: {owned} entries; {phantom} recorded but absent in SALTO) | 0 |");
            report.AppendLine(CultureInfo.InvariantCulture, $"| Changes applied in the last 15 s (settled) | {lastApplied} | 0 |");
            report.AppendLine(CultureInfo.InvariantCulture, $"| Sites synced per minute per worker (steady state, 60 s, no changes) | {string.Join(", ", perWorker.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value:0}"))} ({steadyFailed} failed runs in that minute) | |");
            report.AppendLine(CultureInfo.InvariantCulture, $"| CPU per site sync (workers' own CPU time, steady state) | {cpuPerSiteSync * 1000:0.0} ms for {customers} customers | |");
            report.AppendLine();
            await File.WriteAllTextAsync(output + ".raw.md", report.ToString());
            Console.WriteLine(report.ToString());
            return 0;
        }
        finally
        {
            foreach (var w in workers)
            {
                try
                {
                    if (!w.Process.HasExited)
                    {
                        Signal(w.Process.Id, "CONT");
                        w.Process.Kill();
                    }
                }
                catch (InvalidOperationException)
                {
                    // Already gone.
                }
            }

            File.Delete(file);
        }
    }

    private sealed record WorkerProcess(string Name, Process Process);

    /// <summary>A SALTO KS write a worker sent (its <c>SEND</c> line), with its answer once its <c>DONE</c> line came.</summary>
    private sealed record Write(string Worker, string Method, string Path, long SentAt, string Body)
    {
        public int? Status { get; set; }

        public long? AnsweredAt { get; set; }
    }

    /// <summary>The change made at one site: two new customers, each given pass A (group A) and pass B (group B).</summary>
    private sealed record Change(string GroupA, string GroupB, List<string> Emails);

    private static bool ParseWrite(string line)
    {
        var p = line.Split('|');
        if (p.Length >= 7 && p[0] == "SEND")
        {
            Writes[(p[1], int.Parse(p[2], CultureInfo.InvariantCulture))] = new Write(p[1], p[3], p[4], long.Parse(p[5], CultureInfo.InvariantCulture), string.Join('|', p[6..]));
            return true;
        }

        if (p.Length >= 5 && p[0] == "DONE")
        {
            if (Writes.TryGetValue((p[1], int.Parse(p[2], CultureInfo.InvariantCulture)), out var write))
            {
                write.Status = int.Parse(p[3], CultureInfo.InvariantCulture);
                write.AnsweredAt = long.Parse(p[4], CultureInfo.InvariantCulture);
            }

            return true;
        }

        return false;
    }

    /// <summary>Two new customers at the space, each with both of its first two passes (each linked to its own group).</summary>
    private static Change NewCustomers(NexudusSandbox nexudus, SandboxSpace space, DateTimeOffset now, string tag)
    {
        var passes = space.Links.TimePassGroups.Where(p => p.Value.Count > 0).Take(2).ToList();
        if (passes.Count < 2 || string.Equals(passes[0].Value[0], passes[1].Value[0], StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Site {space.SiteId} needs two passes linked to two different groups.");
        }

        var emails = new List<string>();
        for (var c = 0; c < 2; c++)
        {
            var email = $"new{tag}{c}-{space.SiteId[^12..]}@scale.example";
            var coworker = nexudus.Put(new Coworker
            {
                CoworkerType = CoworkerType.Individual, FullName = $"New {tag} {c}", GuessedFirstName = "New", GuessedLastName = $"{tag}{c}",
                Email = email, Active = true, Archived = false, Businesses = [space.BusinessId], InvoicingBusinessId = space.BusinessId,
            });
            foreach (var pass in passes)
            {
                nexudus.Put(new CoworkerTimePass
                {
                    CoworkerId = coworker.Id, BusinessId = space.BusinessId, TimePassId = pass.Key, TimePassName = "Pass", Used = false,
                    ExpireDate = now.AddDays(30), CheckedIn = false, IsFromTariff = false, CreateMultiple = 1,
                });
            }

            emails.Add(email);
        }

        return new Change(passes[0].Value[0], passes[1].Value[0], emails);
    }

    /// <summary>Whether SALTO's groups A and B hold both new customers of the change.</summary>
    private static bool Entitled(SaltoKsSandbox salto, string site, Change change)
    {
        var a = salto.GetAccessGroupMembers(site, change.GroupA).Select(u => u.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var b = salto.GetAccessGroupMembers(site, change.GroupB).Select(u => u.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return change.Emails.All(e => salto.FindSiteUserByEmail(site, e)?.User is { } user
            && a.Contains(user.Id.Value) && b.Contains(user.Id.Value));
    }

    /// <summary>
    /// Waits until the worker is in the middle of an apply of a changed site: group A's PATCH answered, group B's sent and
    /// not answered (SALTO holds it 8 s). Returns the site and the moment (Unix ms), or no site when it never happened.
    /// </summary>
    private static async Task<(string? Site, long At)> MidApplyAsync(WorkerProcess worker, Dictionary<string, Change> changes, long since, Action drain, TimeSpan limit)
    {
        var until = Clock.Elapsed + limit;
        while (Clock.Elapsed < until)
        {
            await Task.Delay(20);
            drain();
            var mine = Writes.Values.Where(w => w.Worker == worker.Name && w.SentAt >= since && w.Method == "PATCH" && SiteOf(w.Path) is { } s && changes.ContainsKey(s)).ToList();
            foreach (var a in mine.Where(w => w.Status is >= 200 and < 300))
            {
                var site = SiteOf(a.Path)!;
                if (GroupOf(a.Path) is { } g && string.Equals(g, changes[site].GroupA, StringComparison.OrdinalIgnoreCase)
                    && mine.Any(b => b.Status is null && SiteOf(b.Path) == site && string.Equals(GroupOf(b.Path), changes[site].GroupB, StringComparison.OrdinalIgnoreCase)))
                {
                    return (site, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
                }
            }
        }

        return (null, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
    }

    /// <summary>Membership changes (user added to or removed from a group) that two answered PATCHes sent since the moment.</summary>
    private static List<(string Site, string Detail)> Duplicates(long since)
    {
        var seen = new Dictionary<(string Site, string Group, string Op, string User), List<Write>>();
        foreach (var write in Writes.Values.Where(w => w.SentAt >= since && w.Method == "PATCH" && w.Status is >= 200 and < 300 && w.Path.EndsWith("/users", StringComparison.Ordinal)))
        {
            if (SiteOf(write.Path) is not { } site || GroupOf(write.Path) is not { } group)
            {
                continue;
            }

            using var body = JsonDocument.Parse(write.Body);
            foreach (var property in body.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Array))
            {
                var op = property.Name.Contains("remove", StringComparison.OrdinalIgnoreCase) ? "-" : "+";
                foreach (var user in property.Value.EnumerateArray().Select(u => u.ToString()))
                {
                    var key = (site, group, op, user.ToUpperInvariant());
                    (seen.TryGetValue(key, out var list) ? list : seen[key] = []).Add(write);
                }
            }
        }

        return [.. seen.Where(p => p.Value.Count > 1).Select(p => (p.Key.Site,
            $"{p.Key.Op}{p.Key.User[..8]} in {p.Key.Group[..8]} at {p.Key.Site[^6..]} by {string.Join(", ", p.Value.Select(w => w.Worker))}"))];
    }

    private sealed record Run(string Worker, string Integration, double Start, double End, string Result, List<string> Held, List<string> Skipped, int Applied, string Errors)
    {
        public double SeenAt { get; init; }

        public long SeenUnix { get; init; }

        public static Run? Parse(string line)
        {
            var p = line.Split('|');
            if (p.Length < 10 || p[0] != "RUN")
            {
                return null;
            }

            static List<string> Sites(string s) => [.. s.Split(',', StringSplitOptions.RemoveEmptyEntries)];
            return new Run(p[1], p[2], double.Parse(p[3], CultureInfo.InvariantCulture), double.Parse(p[4], CultureInfo.InvariantCulture), p[5], Sites(p[6]), Sites(p[7]), int.Parse(p[8], CultureInfo.InvariantCulture), string.Join('|', p[9..]));
        }
    }

    private static WorkerProcess StartWorker(string file, string name, double pause, int concurrency)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(ScaleOutHarness).Assembly.Location);
        foreach (var arg in new[] { "scale-out-worker", file, name, pause.ToString(CultureInfo.InvariantCulture), concurrency.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                Lines.Enqueue((Clock.Elapsed.TotalMilliseconds, line));
                LineLog?.WriteLine(line);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                Console.Error.WriteLine($"[{name}] {line}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new WorkerProcess(name, process);
    }

    private static void AddLocation(Dictionary<string, string?> values, string prefix, SandboxSpace space)
    {
        values[$"{prefix}:NexudusBusinessId"] = space.BusinessId.ToString(CultureInfo.InvariantCulture);
        values[$"{prefix}:SaltoSiteId"] = space.SiteId;
        values[$"{prefix}:UseNexudusLinkFields"] = "false";
        foreach (var (kind, links) in new[] { ("TimePassGroups", space.Links.TimePassGroups), ("FloorPlanDeskGroups", space.Links.FloorPlanDeskGroups), ("ResourceGroups", space.Links.ResourceGroups) })
        {
            foreach (var (item, groups) in links)
            {
                for (var g = 0; g < groups.Count; g++)
                {
                    values[string.Create(CultureInfo.InvariantCulture, $"{prefix}:{kind}:{item}:{g}")] = groups[g];
                }
            }
        }
    }

    private static Dictionary<string, HashSet<string>> Members(SaltoKsSandbox salto, SandboxSpace space) =>
        space.GroupIds.ToDictionary(g => g, g => salto.GetAccessGroupMembers(space.SiteId, g).Select(u => u.Value).ToHashSet(StringComparer.OrdinalIgnoreCase));

    private static async Task<(int Lost, int Phantom, int Owned)> LedgerAsync(
        string connectionString, List<(string Integration, SandboxSpace Space)> spaces, SaltoKsSandbox salto, Dictionary<string, Dictionary<string, HashSet<string>>> baseline)
    {
        int lost = 0, phantom = 0, owned = 0;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var (integration, space) in spaces)
        {
            var ledger = new HashSet<(string, string)>();
#pragma warning disable CA2100 // the schema name is built from the harness's own integration names
            await using (var cmd = new NpgsqlCommand($"SELECT group_id, platform_user_id FROM \"{ScaleOutWorker.SchemaOf(integration)}\".owned_memberships WHERE site_id = $1", connection))
#pragma warning restore CA2100
            {
                cmd.Parameters.Add(new NpgsqlParameter { Value = space.SiteId });
                await using var r = await cmd.ExecuteReaderAsync();
                while (await r.ReadAsync())
                {
                    ledger.Add((r.GetString(0), r.GetString(1).ToUpperInvariant()));
                }
            }

            owned += ledger.Count;
            foreach (var group in space.GroupIds)
            {
                var members = salto.GetAccessGroupMembers(space.SiteId, group).Select(u => u.Value.ToUpperInvariant()).ToHashSet();
                var before = baseline[space.SiteId][group].Select(m => m.ToUpperInvariant()).ToHashSet();
                lost += members.Count(m => !before.Contains(m) && !ledger.Contains((group, m)));
                phantom += ledger.Count(e => e.Item1 == group && !members.Contains(e.Item2));
            }
        }

        return (lost, phantom, owned);
    }

    private static async Task<List<(string Site, string Holder)>> LeasesAsync(string connectionString, IEnumerable<string> integrations)
    {
        var leases = new List<(string, string)>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var sql = string.Join(" UNION ALL ", integrations.Select(i => $"SELECT site_id, holder FROM \"{ScaleOutWorker.SchemaOf(i)}\".site_leases WHERE expires_at > clock_timestamp()"));
#pragma warning disable CA2100 // schema names are the harness's own
        await using var cmd = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        try
        {
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                leases.Add((r.GetString(0), r.GetString(1)));
            }
        }
        catch (PostgresException)
        {
            // A schema not migrated yet.
        }

        return leases;
    }

    private static async Task DropSchemaAsync(string connectionString, string schema)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
#pragma warning disable CA2100 // schema names are the harness's own
        await using var cmd = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", connection);
#pragma warning restore CA2100
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<(string ConnectionString, Action? Stop)> PostgreSqlAsync()
    {
        if (Environment.GetEnvironmentVariable("NEXUDUS_SALTO_TEST_POSTGRES") is { Length: > 0 } given)
        {
            return (given, null);
        }

        var root = AppContext.BaseDirectory;
        while (root is not null && !File.Exists(Path.Combine(root, "Nexudus.Salto.sln")))
        {
            root = Path.GetDirectoryName(root);
        }

        var script = Path.Combine(root ?? throw new InvalidOperationException("The repository root (Nexudus.Salto.sln) was not found."), "eng", "ci", "postgres.sh");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add("start");
        start.ArgumentList.Add("--owner-pid");
        start.ArgumentList.Add(Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        using var process = Process.Start(start)!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("eng/ci/postgres.sh start failed; see its message above.");
        }

        string Export(string name) => text.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith($"export {name}=", StringComparison.Ordinal))[$"export {name}=".Length..].Trim('\'');
        var dir = Export("NEXUDUS_SALTO_TEST_POSTGRES_DIR");
        return (Export("NEXUDUS_SALTO_TEST_POSTGRES"), () => Process.Start("bash", [script, "stop", dir])?.WaitForExit());
    }

    private static string? SiteOf(string path) => Segment(path, "sites");

    private static string? GroupOf(string path) => Segment(path, "access_groups");

    private static string? Segment(string path, string after)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var i = Array.IndexOf(parts, after);
        return i >= 0 && i + 1 < parts.Length ? parts[i + 1] : null;
    }

    private static double Cpu(Process process)
    {
        try
        {
            process.Refresh();
            return process.HasExited ? 0 : process.TotalProcessorTime.TotalSeconds;
        }
        catch (InvalidOperationException)
        {
            return 0;
        }
    }

    private static void Signal(int pid, string signal) => Process.Start("kill", [$"-{signal}", pid.ToString(CultureInfo.InvariantCulture)])?.WaitForExit();

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[sorted.Count / 2];
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private static int Option(string[] args, string name, int fallback) =>
        args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    private static double Option(string[] args, string name, double fallback) =>
        args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } value ? double.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
