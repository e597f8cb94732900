using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nexudus.Salto.PostgreSql;
using Nexudus.Salto.Sync;

namespace Nexudus.Salto.Benchmarks.ScaleOut;

/// <summary>
/// One worker process of the scale-out harness: every named integration of the configuration file
/// (<c>AddSaltoIntegration(name, section).UsePostgreSqlStateStore(section)</c>), each synced again and again with a pause
/// between runs, at most <c>MaxConcurrentIntegrations</c> at a time, and one line on stdout per run.
/// </summary>
/// <remarks>
/// It drives the keyed <see cref="AccessSynchronizer"/>s itself rather than through the SDK's worker so that every run's
/// report (sites held, sites skipped, changes applied, errors) reaches the harness; what is measured is the leasing,
/// fencing and the sync engine, all of which are the SDK's.
/// </remarks>
internal static class ScaleOutWorker
{
    public static async Task<int> RunAsync(string[] args)
    {
        var file = args[0];
        var worker = args[1];
        var pause = TimeSpan.FromSeconds(double.Parse(args[2], CultureInfo.InvariantCulture));
        var concurrency = int.Parse(args[3], CultureInfo.InvariantCulture);
        var values = JsonSerializer.Deserialize<Dictionary<string, string?>>(await File.ReadAllTextAsync(file))!;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var names = configuration.GetSection("Integrations").GetChildren().Select(c => c.Key).Order(StringComparer.Ordinal).ToList();

        var output = new object();
        void Line(string text)
        {
            lock (output)
            {
                Console.Out.WriteLine(text);
                Console.Out.Flush();
            }
        }

        var services = new ServiceCollection();
        services.AddLogging();
        foreach (var name in names)
        {
            var section = configuration.GetSection($"Integrations:{name}");
            services.AddSaltoIntegration(name, section).UsePostgreSqlStateStore(section)
                .SaltoKsClient.AddHttpMessageHandler(() => new WriteLog(worker, Line));
        }

        await using var provider = services.BuildServiceProvider();
        using var gate = new SemaphoreSlim(concurrency);
        var clock = Stopwatch.StartNew();

        Line($"READY|{worker}|{Environment.ProcessId}");
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
        var loops = names.Select(name => Task.Run(async () =>
        {
            var sync = provider.GetRequiredKeyedService<AccessSynchronizer>(name);
            var sites = configuration.GetSection($"Integrations:{name}:SaltoIntegration:Locations").GetChildren().Select(l => l["SaltoSiteId"]!).ToList();
            while (!stop.IsCancellationRequested)
            {
                await gate.WaitAsync(stop.Token);
                SyncReport report;
                var started = clock.Elapsed;
                try
                {
                    report = await sync.SynchronizeAsync(stop.Token);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Line($"CRASH|{worker}|{name}|{ex.GetType().Name}: {ex.Message.Replace('|', '/').Replace('\n', ' ')}");
                    continue;
                }
                finally
                {
                    gate.Release();
                }

                var skipped = report.SkippedSites.Select(s => s.SiteId).ToHashSet(StringComparer.OrdinalIgnoreCase);
                var held = sites.Where(s => !skipped.Contains(s)).ToList();
                var applied = report.Changes.Count(c => c.Outcome == SyncChangeOutcome.Applied);
                var errors = string.Join(';', report.Errors.Select(e => $"{e.Kind}:{e.SiteId}:{e.Message.Replace('|', '/').Replace('\n', ' ')}"));
                if (Environment.GetEnvironmentVariable("SCALE_OUT_VERBOSE") is "1")
                {
                    Line($"DETAIL|{worker}|{name}|changes={report.Changes.Count}|users={report.UserCreations.Count}|links={string.Join(';', report.LinkIssues.Select(i => i.Message))}|identity={report.IdentityIssues.Count}|warnings={string.Join(';', report.Warnings.Select(w => w.Message))}");
                }

                Line(string.Create(CultureInfo.InvariantCulture,
                    $"RUN|{worker}|{name}|{started.TotalMilliseconds:0}|{clock.Elapsed.TotalMilliseconds:0}|{report.Result}|{string.Join(',', held)}|{string.Join(',', skipped)}|{applied}|{errors}"));
                await Task.Delay(pause, stop.Token);
            }
        })).ToList();

        try
        {
            await Task.WhenAll(loops);
        }
        catch (OperationCanceledException)
        {
            // Stopped by the harness.
        }

        Line(string.Create(CultureInfo.InvariantCulture, $"CPU|{worker}|{Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:0.00}"));
        return 0;
    }

    /// <summary>
    /// Logs every SALTO KS write this worker sends, on stdout, before it goes on the wire and once answered:
    /// <c>SEND|worker|id|method|path|unix-ms|body</c> (the body of membership changes only) and <c>DONE|worker|id|status|unix-ms</c> (wall-clock times, so a
    /// line printed late by a process that was paused still says when the write was sent). The harness uses them to
    /// attribute writes to workers: stale-holder writes, duplicates, and the moment a worker is in the middle of an apply.
    /// </summary>
    private sealed class WriteLog(string worker, Action<string> line) : DelegatingHandler
    {
        private static int _next;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Get || request.RequestUri?.AbsolutePath.Contains("connect/token", StringComparison.OrdinalIgnoreCase) == true)
            {
                return await base.SendAsync(request, cancellationToken);
            }

            var id = Interlocked.Increment(ref _next);
            // Only membership changes' bodies (user ids added or removed), for the duplicate count: other writes may carry
            // tag or card numbers, which stay out of the log even in a harness.
            var path = request.RequestUri?.AbsolutePath ?? string.Empty;
            var body = request.Content is null || !(request.Method == HttpMethod.Patch && path.Contains("/access_groups/", StringComparison.Ordinal) && path.EndsWith("/users", StringComparison.Ordinal))
                ? string.Empty
                : await request.Content.ReadAsStringAsync(cancellationToken);
            line(string.Create(CultureInfo.InvariantCulture,
                $"SEND|{worker}|{id}|{request.Method}|{request.RequestUri?.AbsolutePath}|{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}|{body.Replace('|', '/').Replace('\n', ' ')}"));
            var response = await base.SendAsync(request, cancellationToken);
            line(string.Create(CultureInfo.InvariantCulture, $"DONE|{worker}|{id}|{(int)response.StatusCode}|{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}"));
            return response;
        }
    }

    /// <summary>The schema a named integration's state lives in (as <c>UsePostgreSqlStateStore</c> names it).</summary>
    public static string SchemaOf(string name) => "nexudus_salto_" + name.ToLowerInvariant().Replace('-', '_');
}
