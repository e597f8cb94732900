using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Nexudus.Salto.DependencyInjection;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;
using Nexudus.Salto.Sync;
using Nexudus.Salto.Testing;

namespace Nexudus.Salto.IntegrationTests.DependencyInjection;

/// <summary>
/// The background worker of a host configured by <c>AddSaltoIntegration(configuration).AddWorker()</c>, against
/// both sandboxes, on one fake clock: it follows booking edges, and a stop in the middle of a sync leaves the
/// state store truthful.
/// </summary>
public sealed class WorkerSandboxTests
{
    private static readonly DateTimeOffset Start = new(2025, 6, 3, 8, 0, 0, TimeSpan.Zero);

    private static async Task<(IntegrationHostWorld World, Channel<DateTimeOffset> Waits)> StartAsync(
        FakeTimeProvider time, Action<SaltoIntegrationBuilder>? integration = null)
    {
        var waits = Channel.CreateUnbounded<DateTimeOffset>();
        var world = await IntegrationHostWorld.StartAsync(
            time,
            configure: values => values["SaltoIntegration:Safety:MaxRevocationPercent"] = "100",
            integration: i =>
            {
                i.AddWorker(o =>
                {
                    o.SyncInterval = TimeSpan.FromHours(6);
                    o.EnableCheckIns = false;
                });
                integration?.Invoke(i);
            });
        var worker = world.Services.GetServices<IHostedService>().OfType<SaltoIntegrationWorker>().Single();
        worker.Waiting = at => waits.Writer.TryWrite(at);
        return (world, waits);
    }

    private static async Task<PlatformUserId?> UserOfAsync(IntegrationHostWorld world, string email)
    {
        var site = await world.Store.LoadSiteAsync(IntegrationHostWorld.SiteId);
        var customer = world.Seed.Customer(email).Id;
        return site.Identities.SingleOrDefault(i => i.CustomerId == customer)?.PlatformUserId;
    }

    [Fact]
    public async Task Worker_BookingWindow_OpensAndClosesAccessAtItsEdgesNotOnTheInterval()
    {
        var time = new FakeTimeProvider(Start);
        var (world, waits) = await StartAsync(time);
        await using var _ = world;
        using var safety = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        await world.Host.StartAsync(safety.Token);

        // Bob's booking runs from +30 min to +90 min, with 15 minutes of access either side.
        var opens = await waits.Reader.ReadAsync(safety.Token);
        Assert.Equal(Start.AddMinutes(15).AddSeconds(1), opens);
        Assert.Null(await UserOfAsync(world, "bob@example.com"));
        time.Advance(opens - time.GetUtcNow());

        var closes = await waits.Reader.ReadAsync(safety.Token);
        var bob = await UserOfAsync(world, "bob@example.com");
        Assert.NotNull(bob);
        Assert.Contains(bob.Value, world.Salto.GetAccessGroupMembers(IntegrationHostWorld.SiteId, IntegrationHostWorld.RoomGroup));
        Assert.Equal(Start.AddMinutes(105).AddSeconds(1), closes);
        time.Advance(closes - time.GetUtcNow());

        var next = await waits.Reader.ReadAsync(safety.Token);
        Assert.DoesNotContain(bob.Value, world.Salto.GetAccessGroupMembers(IntegrationHostWorld.SiteId, IntegrationHostWorld.RoomGroup));
        Assert.Equal(closes + TimeSpan.FromHours(6), next);
        await world.Host.StopAsync(safety.Token);
    }

    [Fact]
    public async Task Worker_StoppedWhileAGroupChangeIsInFlight_LeavesTheLedgerTruthful()
    {
        var time = new FakeTimeProvider(Start);
        var patchSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var (world, _) = await StartAsync(time, i => i.SaltoKsClient.AddHttpMessageHandler(() => new SendObserver(HttpMethod.Patch, patchSent)));
        await using var __ = world;
        using var safety = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        // SALTO holds the day-pass group's change until the host stops (the delay runs on the frozen fake clock).
        world.Salto.Faults.Add(SandboxFaultRule.On("PATCH", $"/v1.1/sites/{IntegrationHostWorld.SiteId}/access_groups/{IntegrationHostWorld.DayGroup}/users", SandboxFault.Latency(TimeSpan.FromDays(1))));
        await world.Host.StartAsync(safety.Token);
        await patchSent.Task.WaitAsync(safety.Token);

        await world.Host.StopAsync(safety.Token);

        var worker = world.Services.GetServices<IHostedService>().OfType<SaltoIntegrationWorker>().Single();
        Assert.True(worker.ExecuteTask!.IsCompletedSuccessfully);
        await AssertLedgerMatchesSaltoAsync(world);

        // The next run, with SALTO answering again, completes the change and the ledger still matches.
        world.Salto.Faults.Clear();
        var report = await world.Services.GetRequiredService<AccessSynchronizer>().SynchronizeAsync(safety.Token);
        Assert.Equal(SyncResult.Completed, report.Result);
        var ada = await UserOfAsync(world, "ada@example.com");
        Assert.Contains(ada!.Value, world.Salto.GetAccessGroupMembers(IntegrationHostWorld.SiteId, IntegrationHostWorld.DayGroup));
        await AssertLedgerMatchesSaltoAsync(world);
    }

    // Every membership the store says the SDK owns is really in SALTO, and every member SALTO has in a managed
    // group was put there by the SDK and is recorded (nobody else adds members in this world).
    private static async Task AssertLedgerMatchesSaltoAsync(IntegrationHostWorld world)
    {
        var site = await world.Store.LoadSiteAsync(IntegrationHostWorld.SiteId);
        foreach (var group in new[] { IntegrationHostWorld.DayGroup, IntegrationHostWorld.RoomGroup })
        {
            var owned = site.OwnedMemberships.Where(m => m.GroupId == group).Select(m => m.UserId.Value).Order().ToList();
            var actual = world.Salto.GetAccessGroupMembers(IntegrationHostWorld.SiteId, group).Select(u => u.Value).Order().ToList();
            Assert.Equal(actual, owned);
        }
    }

    /// <summary>Signals when a request of the given method leaves for the service.</summary>
    private sealed class SendObserver(HttpMethod method, TaskCompletionSource sent) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == method)
            {
                sent.TrySetResult();
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
