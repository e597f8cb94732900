using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Nexudus.Salto.Benchmarks.Chaos;

/// <summary>
/// <c>chaos-soak</c>: runs <see cref="ChaosSoak"/> (by default 1,000 cycles, a tenth of them in a child process that
/// is usually killed with SIGKILL) and writes <c>benchmarks/results/chaos-soak.md</c>. <c>chaos-child</c> is the child:
/// one sync from a configuration file, on the SQLite state file the soak shares with it.
/// </summary>
internal static class ChaosSoakHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seed = Option(args, "--seed", 20261207);
        var cycles = Option(args, "--cycles", 1000);
        var childPercent = Option(args, "--child-percent", 10);
        var output = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault() ?? Path.Combine(FindRepositoryRoot(), "benchmarks", "results", "chaos-soak.md");
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
        Console.WriteLine($"Chaos soak: seed {seed}, {cycles} cycles, {childPercent} % in a child process.");
        var result = await ChaosSoak.RunAsync(new ChaosSoakOptions
        {
            Seed = seed,
            Cycles = cycles,
            ChildShare = childPercent / 100.0,
            ChildStart = ChildStart,
            Space = new ChaosSoakOptions().Space with { Seed = seed },
            Log = Console.WriteLine,
        });

        var markdown = Render(result, load, childPercent);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        await File.WriteAllTextAsync(output, markdown);
        Console.WriteLine(markdown);
        Console.WriteLine($"Written to {output}");
        foreach (var finding in result.WrongfulGrants.Concat(result.WrongfulRevocations))
        {
            Console.WriteLine("WRONGFUL " + finding);
        }

        return result.WrongfulGrants.Count == 0 && result.WrongfulRevocations.Count == 0 && result.ConvergenceCycles == 1 ? 0 : 1;
    }

    /// <summary>The child: one sync, then exit 0 (completed), 2 (removals held) or 1 (failed).</summary>
    public static async Task<int> ChildAsync(string[] args)
    {
        var config = ChaosSyncConfig.Read(args[0]);
        await using var sync = new ChaosSync(config, new ChaosClock(config.ClockOrigin));
        var report = await sync.RunAsync();
        return report.Result switch
        {
            global::Nexudus.Salto.Sync.SyncResult.Completed => 0,
            global::Nexudus.Salto.Sync.SyncResult.RemovalsHeld => 2,
            _ => 1,
        };
    }

    private static ProcessStartInfo ChildStart(string configPath)
    {
        var process = Environment.ProcessPath ?? "dotnet";
        var info = new ProcessStartInfo(process);
        if (string.Equals(Path.GetFileNameWithoutExtension(process), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            info.ArgumentList.Add(typeof(ChaosSoakHarness).Assembly.Location);
        }

        info.ArgumentList.Add("chaos-child");
        info.ArgumentList.Add(configPath);
        return info;
    }

    private static string Render(ChaosSoakResult r, string load, int childPercent)
    {
        var s = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        s.AppendLine("# Chaos soak");
        s.AppendLine();
        s.AppendLine(inv, $"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores (shared with other builds; load average {load} at the start), .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}.");
        s.AppendLine();
        s.AppendLine("| Figure | Value | Goal |");
        s.AppendLine("| --- | ---: | --- |");
        s.AppendLine(inv, $"| Seed | {r.Seed} | |");
        s.AppendLine(inv, $"| Sync cycles under faults | {r.Cycles:N0} | ≥ 1,000 |");
        s.AppendLine(inv, $"| Cycles with at least one fault that hit | {r.CyclesWithFaults:N0} | |");
        s.AppendLine(inv, $"| Cycles run by a child process / of them killed with SIGKILL | {r.ChildRuns} / {r.ChildKills} | |");
        s.AppendLine(inv, $"| Membership changes sent (grants / revocations, as SALTO shows them) | {r.Grants + r.Revocations:N0} ({r.Grants:N0} / {r.Revocations:N0}) | |");
        s.AppendLine(inv, $"| Membership PATCH requests | {r.MembershipPatches:N0} | |");
        s.AppendLine(inv, $"| **Wrongful grants** | **{r.WrongfulGrants.Count}** | 0 |");
        s.AppendLine(inv, $"| **Wrongful revocations** | **{r.WrongfulRevocations.Count}** | 0 |");
        s.AppendLine(inv, $"| **Clean cycles to converge once the faults stop** | **{(r.ConvergenceCycles is { } c ? c.ToString(inv) : "not within 10")}** | 1 |");
        s.AppendLine(inv, $"| Changes that reached SALTO after their cycle ended (killed child) | {r.LateChanges} | judged with their cycle |");
        s.AppendLine(inv, $"| Duration | {r.Duration.TotalMinutes:0.0} min | |");
        s.AppendLine(inv, $"| Business time covered | {r.BusinessStart:yyyy-MM-dd HH:mm} → {r.BusinessEnd:yyyy-MM-dd HH:mm} UTC (Europe/London, across the clocks going forward) | |");
        s.AppendLine();
        s.AppendLine("**Faults that hit a request (or a process), by kind**");
        s.AppendLine();
        s.AppendLine("| Kind | Count |");
        s.AppendLine("| --- | ---: |");
        foreach (var (kind, count) in r.Faults.OrderBy(f => f.Key))
        {
            s.AppendLine(inv, $"| {Describe(kind)} | {count:N0} |");
        }

        s.AppendLine();
        s.AppendLine("**Nexudus changes made between cycles, by kind**");
        s.AppendLine();
        s.AppendLine("| Change | Count |");
        s.AppendLine("| --- | ---: |");
        foreach (var (kind, count) in r.NexudusChanges.OrderBy(f => f.Key))
        {
            s.AppendLine(inv, $"| {kind} | {count:N0} |");
        }

        s.AppendLine();
        s.AppendLine("**Sync outcomes**: " + string.Join(", ", r.SyncOutcomes.OrderByDescending(o => o.Value).Select(o => $"{o.Key} {o.Value:N0}")) + ".");
        s.AppendLine();
        if (r.WrongfulGrants.Count + r.WrongfulRevocations.Count > 0)
        {
            s.AppendLine("**Wrongful changes found**");
            s.AppendLine();
            foreach (var finding in r.WrongfulGrants.Concat(r.WrongfulRevocations).Take(50))
            {
                s.AppendLine("- " + finding);
            }

            s.AppendLine();
        }

        if (r.ConvergenceCycles is null)
        {
            s.AppendLine("**Not converged:** " + r.ConvergenceNote);
            s.AppendLine();
        }

        s.AppendLine("**How it works.** Both sandboxes run in the soak's process on loopback, seeded by `SandboxSpaceGenerator` (" +
                     string.Join(", ", r.SpaceCounts.Select(c => $"{c.Value} {c.Key.ToLowerInvariant()}")) +
                     "; a share of the customers already have a SALTO user, and staff members were added to the groups by hand). " +
                     "The business clock starts on Friday 27 March 2026 at 18:00 UTC and jumps 1 to 10 minutes before each cycle, so pass days, cancellation days, booking windows and the clocks going forward in London all pass during the soak. " +
                     "Before each cycle, 0 to 3 random changes are made in Nexudus (passes bought, used and expired; contracts started, ended, cancelled and paused; bookings made and cancelled; customers suspended, reactivated and joining; team members added and removed) and, now and then, a SALTO membership is added by hand. " +
                     "Then faults are armed on each service at random (a slow reply on one route; and one of 5xx, 409/429 with `Retry-After`, an HTML body, truncated JSON, an empty list (`{\"Records\":[]}`, `[]`, `{\"items\":[]}`), `{}`, a dropped connection, or a write served whose answer is lost; each on the next 1 to 3 matching calls, sometimes with a 40 % chance per call), and sometimes every token is revoked. " +
                     string.Create(inv, $"About {childPercent} % of the cycles run the sync in a child process of the soak (`chaos-child`) on the same SQLite state file, and three in four of those children are killed with SIGKILL 0.15 to 3 s after they start. ") +
                     "The sync runs with the SDK's own clients (attempt timeout 2 s, retries after 50 ms) and the guard's thresholds lifted (no removal may rely on a threshold to be right).");
        s.AppendLine();
        s.AppendLine("**The oracle** (`ChaosOracle`) does not call the SDK's resolver: it applies the entitlement rules, written out plainly, to the Nexudus sandbox's store as it was when the cycle began, at the cycle's first and last instant. " +
                     "Every membership that appeared in SALTO during a cycle is a grant; it is wrongful if the user is no customer, or the customer was entitled to that group at neither instant. " +
                     "Every membership that disappeared is a revocation; it is wrongful if the SDK had not added it (added by hand, or there before the SDK), or the customer was entitled at both instants. " +
                     "After the last cycle the faults and changes stop and, 31 minutes later (past the longest group back-off), clean cycles run until every entitled customer is in their groups and no membership the SDK added is held without entitlement.");
        s.AppendLine();
        s.AppendLine(inv, $"**Run it:** `dotnet run -c Release --project benchmarks/Nexudus.Salto.Benchmarks -- chaos-soak --seed {r.Seed} --cycles {r.Cycles}` (add `--child-percent N` to change the share of child runs). A 50-cycle version with the same oracle runs in the integration tests (`ChaosSoakTests`).");
        return s.ToString();
    }

    private static string Describe(ChaosFaultKind kind) => kind switch
    {
        ChaosFaultKind.ServerError => "5xx answer",
        ChaosFaultKind.ThrottleWithRetryAfter => "409 (Nexudus) / 429 (SALTO) with Retry-After",
        ChaosFaultKind.HtmlBody => "HTML body (502 page or 200 sign-in page)",
        ChaosFaultKind.TruncatedJson => "truncated JSON",
        ChaosFaultKind.EmptyList => "empty 200 list",
        ChaosFaultKind.EmptyObject => "200 `{}`",
        ChaosFaultKind.SlowReply => "slow reply (0.3–3.5 s; attempts time out at 2 s)",
        ChaosFaultKind.DroppedConnection => "dropped connection",
        ChaosFaultKind.LostWriteAnswer => "request served, answer lost",
        ChaosFaultKind.TokenRevocation => "all tokens revoked",
        ChaosFaultKind.ChildKilled => "child sync killed (SIGKILL)",
        _ => kind.ToString(),
    };

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
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
}
