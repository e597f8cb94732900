using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.State;
using Nexudus.Salto.Testing;

namespace Nexudus.Salto.Benchmarks.Webhooks;

/// <summary>
/// Measures webhook-driven access against both sandboxes on the real clock, with the Nexudus sandbox and client at
/// the documented rate limits (120 calls a minute, one per 100 ms): (1) webhook received → SALTO membership PATCH
/// sent, over N booking events one after another (p50/p95/p99, Nexudus calls per event); (2) a burst of 100 events
/// in 10 s: how many targeted runs, Nexudus calls, throttles served, and the time until the last one is applied.
/// </summary>
/// <remarks>
/// The Nexudus sandbox delivers each booking's <c>BookingCreate</c> to <c>MapNexudusWebhooks</c> on Kestrel, as
/// Nexudus would. "Received" is the delivery's arrival at the endpoint (stamped by a middleware); "PATCH sent" is the
/// SALTO sandbox's record of the membership request's arrival. Results go to <c>benchmarks/results/webhook-latency.md</c>.
/// </remarks>
internal static class WebhookLatencyHarness
{
    private const string SiteId = "be4c0000-0000-4000-8000-0000000000c1";
    private const string Door = "be4c0000-0000-4000-8000-00000000f001";
    private const string RoomGroup = "be4c0000-0000-4000-8000-0000000000a2";
    private const string DayGroup = "be4c0000-0000-4000-8000-0000000000a1";
    private const string Secret = "benchmark-webhook-secret";

    public static async Task<int> RunAsync(string[] args)
    {
        int events = Option(args, "--events", 200);
        int burst = Option(args, "--burst", 100);
        var output = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault() ?? Path.Combine("benchmarks", "results", "webhook-latency.md");
        int guests = events + burst;

        await using var nexudus = await NexudusSandbox.StartAsync(new NexudusSandboxOptions { WebhookSecret = Secret });
        var seed = nexudus.Seed(b =>
        {
            b.Location("Central", TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).Pass("Day Pass").Resource("Room 1");
            b.Customers(30, "holder");
            for (int i = 1; i <= 30; i++)
            {
                b.CustomerPass($"holder{i:0000}@example.com", "Day Pass");
            }

            b.Customers(guests, "guest");
        });
        await using var salto = await SaltoKsSandbox.StartAsync(new SaltoKsSandboxOptions { AccessTokenLifetime = TimeSpan.FromDays(1) });
        salto.Seed(b => b.Site(SiteId, "Central", timeZone: "Europe/London").Lock(Door, "Front door")
            .AccessGroup(RoomGroup, "Room 1").AccessGroup(DayGroup, "Day pass").GroupLock(RoomGroup, Door).GroupLock(DayGroup, Door));

        var received = new List<DateTimeOffset>();
        var store = new InMemorySyncStateStore();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
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
            ["SaltoIntegration:Locations:0:UseNexudusLinkFields"] = "false",
            ["SaltoIntegration:Worker:SyncInterval"] = "06:00:00",
            ["SaltoIntegration:Worker:EnableCheckIns"] = "false",
            ["SaltoIntegration:Webhooks:SharedSecret"] = Secret,
        });
        builder.Services.AddSingleton<ISyncStateStore>(store);
        builder.Services.AddMetrics();
        builder.Services.AddSaltoIntegration(builder.Configuration).AddWorker();
        await using var app = builder.Build();
        app.Use(async (context, next) =>
        {
            lock (received)
            {
                received.Add(DateTimeOffset.UtcNow);
            }

            await next(context);
        });
        app.UseRouting();
        app.MapNexudusWebhooks("/webhooks/nexudus");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        nexudus.Seed(b => b.AtLocation("Central").Webhook("salto-BookingCreate", WebhookAction.BookingCreate, new Uri(address.TrimEnd('/') + "/webhooks/nexudus/BookingCreate")));

        // The first full sync at start-up: every holder in the day group.
        await UntilAsync(() => salto.GetAccessGroupMembers(SiteId, DayGroup).Count == 30, TimeSpan.FromMinutes(5));
        Console.WriteLine($"Webhook latency: {events} events one after another, then a burst of {burst} in 10 s.");

        // (1) One booking at a time: delivery received → SALTO PATCH of the room group sent.
        var latencies = new List<double>();
        var callsPerEvent = new List<int>();
        for (int i = 0; i < events; i++)
        {
            var before = PatchesOf(salto).Count;
            var nexudusBefore = nexudus.Requests.GetCounters().Requests;
            int receivedBefore;
            lock (received)
            {
                receivedBefore = received.Count;
            }

            nexudus.Put(Booking(seed, $"guest{i + 1:0000}@example.com"));
            await UntilAsync(() => PatchesOf(salto).Count > before, TimeSpan.FromMinutes(2));
            DateTimeOffset at;
            lock (received)
            {
                at = received[receivedBefore];
            }

            latencies.Add((PatchesOf(salto)[before].Timestamp - at).TotalSeconds);
            await nexudus.WhenWebhooksDeliveredAsync();
            callsPerEvent.Add(nexudus.Requests.GetCounters().Requests - nexudusBefore);
            if (i % 10 == 9)
            {
                Console.Write('.');
            }
        }

        Console.WriteLine();

        // (2) A burst: 100 bookings in 10 s.
        var burstStart = Stopwatch.StartNew();
        var nexudusAtBurst = nexudus.Requests.GetCounters();
        var patchesAtBurst = PatchesOf(salto).Count;
        for (int i = 0; i < burst; i++)
        {
            nexudus.Put(Booking(seed, $"guest{events + i + 1:0000}@example.com"));
            await Task.Delay(TimeSpan.FromMilliseconds(10_000.0 / burst));
        }

        var lastGuest = seed.Customer($"guest{events + burst:0000}@example.com").Id;
        await UntilAsync(() => store.ReadWebhookEventsAsync(1).GetAwaiter().GetResult().Count == 0 && IsRoomMember(store, salto, lastGuest), TimeSpan.FromMinutes(10));
        var burstSeconds = burstStart.Elapsed.TotalSeconds;
        var afterBurst = nexudus.Requests.GetCounters();
        var burstPatches = PatchesOf(salto).Count - patchesAtBurst;
        var burstMembers = Enumerable.Range(events + 1, burst).Count(i => IsRoomMember(store, salto, seed.Customer($"guest{i:0000}@example.com").Id));
        await app.StopAsync();

        // The documented limits, checked on the sandbox's own arrival stamps over the whole run.
        // Refused (409) calls are not admitted, so they are not counted against the limits; they are reported apart.
        var stamps = nexudus.Requests.GetRequests().Where(r => !r.Throttled).Select(r => r.Timestamp).Order().ToList();
        var busiestMinute = 0;
        for (int i = 0, j = 0; i < stamps.Count; i++)
        {
            while (stamps[i] - stamps[j] >= TimeSpan.FromMinutes(1))
            {
                j++;
            }

            busiestMinute = Math.Max(busiestMinute, i - j + 1);
        }

        var closest = stamps.Zip(stamps.Skip(1), (a, b) => (b - a).TotalMilliseconds).DefaultIfEmpty(0).Min();
        var limits = new Limits(stamps.Count, busiestMinute, closest, afterBurst.ThrottlesServed);
        var report = Report(events, latencies, callsPerEvent, burst, burstSeconds, afterBurst.Requests - nexudusAtBurst.Requests,
            afterBurst.ThrottlesServed - nexudusAtBurst.ThrottlesServed, burstPatches, burstMembers, limits);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        await File.WriteAllTextAsync(output, report);
        Console.WriteLine(report);
        return 0;
    }

    private static Booking Booking(NexudusSeed seed, string email) => new()
    {
        CoworkerId = seed.Customer(email).Id,
        ResourceId = seed.Resource("Room 1").Id,
        FromTime = DateTimeOffset.UtcNow.AddMinutes(-1),
        ToTime = DateTimeOffset.UtcNow.AddHours(2),
        Tentative = false,
    };

    private static List<SandboxRequest> PatchesOf(SaltoKsSandbox salto) =>
        [.. salto.Requests.GetRequests().Where(r => r.Method == "PATCH" && r.Path.Contains(RoomGroup, StringComparison.OrdinalIgnoreCase))];

    private static bool IsRoomMember(InMemorySyncStateStore store, SaltoKsSandbox salto, long customerId)
    {
        var site = store.LoadSiteAsync(SiteId).GetAwaiter().GetResult();
        var user = site.Identities.FirstOrDefault(i => i.CustomerId == customerId)?.PlatformUserId;
        return user is { } id && salto.GetAccessGroupMembers(SiteId, RoomGroup).Contains(id);
    }

    private static async Task UntilAsync(Func<bool> condition, TimeSpan limit)
    {
        var stopwatch = Stopwatch.StartNew();
        while (!condition())
        {
            if (stopwatch.Elapsed > limit)
            {
                throw new TimeoutException("The expected change did not happen in time.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10));
        }
    }

    private sealed record Limits(int Calls, int BusiestMinute, double ClosestMilliseconds, int Throttles);

    private static string Report(
        int events, List<double> latencies, List<int> calls, int burst, double burstSeconds, int burstCalls, int throttles, int burstPatches, int burstMembers,
        Limits limits)
    {
        var text = new StringBuilder();
        text.AppendLine("# Webhook latency against the sandboxes");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores (shared with other work), `dotnet run -c Release --project benchmarks/Nexudus.Salto.Benchmarks -- webhook-latency`.");
        text.AppendLine("The Nexudus sandbox delivers each booking's signed `BookingCreate` to `MapNexudusWebhooks` on Kestrel; both the sandbox and the client keep the documented Nexudus limits (120 calls a minute, one per 100 ms). Coalescing window 500 ms (the default; an event that finds the worker idle is applied at once). Each booking event is applied by a targeted run that reads only the customer's record and bookings (Room 1's group is granted by nothing else).");
        text.AppendLine("\"Received\" is the delivery's arrival at the endpoint; \"PATCH sent\" is the SALTO sandbox's arrival stamp of the room group's membership request.");
        text.AppendLine();
        text.AppendLine("| Measure | Count | p50 | p95 | p99 | max | Goal |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | --- |");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| Webhook received → SALTO PATCH sent (s) | {latencies.Count} | {P(latencies, 0.5):0.00} | {P(latencies, 0.95):0.00} | {P(latencies, 0.99):0.00} | {(latencies.Count == 0 ? 0 : latencies.Max()):0.00} | p95 ≤ 1 s |");
        var c = calls.Select(x => (double)x).ToList();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| Nexudus calls per event | {calls.Count} | {P(c, 0.5):0} | {P(c, 0.95):0} | {P(c, 0.99):0} | {(c.Count == 0 ? 0 : c.Max()):0} | ≤ 6 |");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Burst: {burst} bookings in 10 s → {burstMembers} of {burst} in the room group, inbox empty after {burstSeconds:0.0} s; {burstCalls} Nexudus calls ({burstCalls / (double)burst:0.0} per event), {throttles} throttled (409) answers served, {burstPatches} membership PATCH calls (coalesced targeted runs).");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Limits over the whole run, start-up sync included (the sandbox's arrival stamps of admitted calls): {limits.Calls} Nexudus calls, at most {limits.BusiestMinute} in any 60 s (limit 120), closest two {limits.ClosestMilliseconds:0} ms apart (limit 100 ms); {limits.Throttles} call(s) refused with 409.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Latency goal met: {(P(latencies, 0.95) <= 1 ? "yes" : "no")}; calls goal met: {(P(c, 0.95) <= 6 ? "yes" : "no")}.");
        return text.ToString();
    }

    private static double P(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
