using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;
using Nexudus.Salto.Testing;

namespace Nexudus.Salto.Benchmarks.Worker;

/// <summary>
/// Measures, with the background worker running against both sandboxes on the real clock:
/// (1) the delay from a booking window's edge to the SALTO change being visible (goal: p95 ≤ 5 s over 100 edges);
/// (2) the delay from a Nexudus change (a new pass) to SALTO, which waits for the next periodic cycle.
/// </summary>
/// <remarks>
/// Not a BenchmarkDotNet benchmark: it observes the SALTO sandbox's state every 25 ms from outside the SDK, so
/// a delay is "edge → members list changed at SALTO", whatever the worker thinks. The Nexudus client keeps its
/// documented rate limits (120 calls a minute, one per 100 ms). Results go to
/// <c>benchmarks/results/WorkerLatency.md</c>.
/// </remarks>
internal static class WorkerLatencyHarness
{
    private const string SiteId = "be4c0000-0000-4000-8000-0000000000c1";
    private const string Door = "be4c0000-0000-4000-8000-00000000f001";
    private const string RoomGroup = "be4c0000-0000-4000-8000-0000000000a2";
    private const string DayGroup = "be4c0000-0000-4000-8000-0000000000a1";
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(25);

    public static async Task<int> RunAsync(string[] args)
    {
        int edges = Option(args, "--edges", 100);
        var spacing = TimeSpan.FromSeconds(Option(args, "--spacing-seconds", 6));
        int changes = Option(args, "--changes", 10);
        var interval = TimeSpan.FromSeconds(Option(args, "--sync-interval-seconds", 20));
        var output = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault() ?? Path.Combine("benchmarks", "results", "WorkerLatency.md");

        var time = TimeProvider.System;
        int bookings = (edges + 1) / 2;
        var firstEdge = time.GetUtcNow() + TimeSpan.FromSeconds(20);
        await using var nexudus = await NexudusSandbox.StartAsync(new NexudusSandboxOptions());
        var seed = nexudus.Seed(b =>
        {
            b.Location("Central", TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).Pass("Day Pass").Resource("Room 1");

            // Thirty pass holders make the site's managed memberships large enough that closing one booking
            // stays within the default removal guard (20 %).
            b.Customers(30, "holder");
            for (int i = 1; i <= 30; i++)
            {
                b.CustomerPass($"holder{i:0000}@example.com", "Day Pass");
            }

            b.Customers(bookings + changes, "guest");
            for (int i = 0; i < bookings; i++)
            {
                var from = firstEdge + (2 * i * spacing);
                b.Booking($"guest{i + 1:0000}@example.com", "Room 1", from, from + spacing, x => x with { Tentative = false });
            }
        });
        await using var salto = await SaltoKsSandbox.StartAsync(new SaltoKsSandboxOptions { AccessTokenLifetime = TimeSpan.FromDays(1) });
        salto.Seed(b => b.Site(SiteId, "Central", timeZone: "Europe/London").Lock(Door, "Front door")
            .AccessGroup(RoomGroup, "Room 1").AccessGroup(DayGroup, "Day pass").GroupLock(RoomGroup, Door).GroupLock(DayGroup, Door));

        var store = new InMemorySyncStateStore();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Nexudus:BaseUrl"] = nexudus.BaseUrl.ToString(),
            ["Nexudus:Username"] = nexudus.Username,
            ["Nexudus:Password"] = nexudus.Password,
            ["SaltoKs:BaseUrl"] = salto.BaseUrl.ToString(),
            ["SaltoKs:IdentityUrl"] = salto.IdentityUrl.ToString(),
            ["SaltoKs:ClientId"] = salto.ClientId,
            ["SaltoKs:ClientSecret"] = salto.ClientSecret,
            ["SaltoKs:Username"] = salto.Username,
            ["SaltoKs:Password"] = salto.Password,
            ["SaltoIntegration:Locations:0:NexudusBusinessId"] = seed.Location("Central").Id.ToString(CultureInfo.InvariantCulture),
            ["SaltoIntegration:Locations:0:SaltoSiteId"] = SiteId,
            [$"SaltoIntegration:Locations:0:ResourceGroups:{seed.Resource("Room 1").Id}:0"] = RoomGroup,
            [$"SaltoIntegration:Locations:0:TimePassGroups:{seed.Pass("Day Pass").Id}:0"] = DayGroup,
            ["SaltoIntegration:Locations:0:BookingAccessBefore"] = "00:00:00",
            ["SaltoIntegration:Locations:0:BookingAccessAfter"] = "00:00:00",
            ["SaltoIntegration:Worker:SyncInterval"] = interval.ToString("c", CultureInfo.InvariantCulture),
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<ISyncStateStore>(store);
        builder.Services.AddSaltoIntegration(builder.Configuration).AddWorker();
        using var host = builder.Build();

        Console.WriteLine($"Worker latency: {edges} edges {spacing.TotalSeconds:0} s apart, then {changes} Nexudus changes, sync interval {interval.TotalSeconds:0} s.");
        await host.StartAsync();

        // (1) Booking edges: guest i is in the room group exactly during [from, from + spacing).
        var edgeDelays = new List<double>();
        for (int i = 0; i < bookings && edgeDelays.Count < edges; i++)
        {
            var email = $"guest{i + 1:0000}@example.com";
            var customer = seed.Customer(email).Id;
            var opens = firstEdge + (2 * i * spacing);
            edgeDelays.Add(await ObserveAsync(time, opens, () => IsMemberAsync(store, salto, customer, RoomGroup), expected: true));
            if (edgeDelays.Count < edges)
            {
                edgeDelays.Add(await ObserveAsync(time, opens + spacing, () => IsMemberAsync(store, salto, customer, RoomGroup), expected: false));
            }

            Console.Write('.');
        }

        Console.WriteLine();

        // (2) Nexudus changes that no edge announces: a pass granted now reaches SALTO on the next cycle.
        var changeDelays = new List<double>();
        var random = new Random(20250603);
        for (int i = 0; i < changes; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(1_000, (int)interval.TotalMilliseconds)));
            var email = $"guest{bookings + i + 1:0000}@example.com";
            var changedAt = time.GetUtcNow();
            nexudus.Seed(b => b.CustomerPass(email, "Day Pass"));
            var customer = seed.Customer(email).Id;
            changeDelays.Add(await ObserveAsync(time, changedAt, () => IsMemberAsync(store, salto, customer, DayGroup), expected: true));
            Console.Write('.');
        }

        Console.WriteLine();
        await host.StopAsync();

        var report = Report(edges, spacing, interval, edgeDelays, changeDelays);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        await File.WriteAllTextAsync(output, report);
        Console.WriteLine(report);
        return Percentile(edgeDelays, 0.95) <= 5 ? 0 : 1;
    }

    // Waits for the edge, then polls until SALTO shows the expected state; the delay is counted from the edge.
    private static async Task<double> ObserveAsync(TimeProvider time, DateTimeOffset edge, Func<Task<bool>> isMember, bool expected)
    {
        var wait = edge - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        var stopwatch = Stopwatch.StartNew();
        while (await isMember() != expected)
        {
            if (stopwatch.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException($"SALTO did not reflect the edge at {edge:o} within 5 minutes.");
            }

            await Task.Delay(Poll);
        }

        return (time.GetUtcNow() - edge).TotalSeconds;
    }

    private static async Task<bool> IsMemberAsync(InMemorySyncStateStore store, SaltoKsSandbox salto, long customerId, string group)
    {
        var site = await store.LoadSiteAsync(SiteId);
        var user = site.Identities.FirstOrDefault(i => i.CustomerId == customerId)?.PlatformUserId;
        return user is { } id && salto.GetAccessGroupMembers(SiteId, group).Contains(id);
    }

    private static string Report(int edges, TimeSpan spacing, TimeSpan interval, List<double> edgeDelays, List<double> changeDelays)
    {
        var text = new StringBuilder();
        text.AppendLine("# Worker latency against the sandboxes");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores (shared with other work), `dotnet run -c Release --project benchmarks/Nexudus.Salto.Benchmarks -- worker-latency`.");
        text.AppendLine("Delays are observed from outside the SDK: the SALTO sandbox's member list is polled every 25 ms after each instant.");
        text.AppendLine("The Nexudus client keeps its documented rate limits; 30 pass holders keep the removal guard at its defaults.");
        text.AppendLine();
        text.AppendLine("| Measure | Count | p50 (s) | p95 (s) | max (s) | Goal |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | --- |");
        Row(text, $"Booking edge → SALTO change ({spacing.TotalSeconds:0} s apart, edge margin 1 s)", edgeDelays, "p95 ≤ 5 s");
        Row(text, $"Nexudus change → SALTO (next cycle, interval {interval.TotalSeconds:0} s)", changeDelays, $"≤ interval + one sync");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Edges measured: {edgeDelays.Count} of {edges}. Edge goal met: {(Percentile(edgeDelays, 0.95) <= 5 ? "yes" : "no")}.");
        return text.ToString();
    }

    private static void Row(StringBuilder text, string name, List<double> values, string goal) =>
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| {name} | {values.Count} | {Percentile(values, 0.5):0.00} | {Percentile(values, 0.95):0.00} | {(values.Count == 0 ? 0 : values.Max()):0.00} | {goal} |");

    private static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(p * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
