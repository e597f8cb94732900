using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Nexudus.Salto.Entitlements;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.Sync;
using Nexudus.Salto.Testing;
using static Nexudus.Salto.IntegrationTests.Sync.SyncHarness;

namespace Nexudus.Salto.IntegrationTests.Sync;

/// <summary>
/// Guests and visitors end to end: booking guests and host-approved visitors become SALTO guest users with a PIN for
/// their window (buffers included) and are deleted after it; only guests the SDK created are deleted; the seat reserve
/// holds; PINs reach the sink and never a log.
/// </summary>
public sealed class SyncGuestTests
{
    private static readonly TimeSpan Buffer = TimeSpan.FromMinutes(15);

    [Fact]
    public async Task Synchronize_BookingGuest_CreatedWhenTheWindowOpensWithPinAndGroupsThenDeletedWhenItCloses()
    {
        await using var h = await StartAsync();
        var seed = h.Seed(b => b.Customer("sam@example.com", "Sam Example")
            .Booking("sam@example.com", "Meeting room", Start.AddHours(2), Start.AddHours(3))
            .BookingGuest("sam@example.com", "Grace Guest"));
        var sink = new CollectingSink();
        var options = BookingGuests(seed);

        // Not earlier than needed: a second before the window (booking start less its buffer) there is no guest.
        var before = await SyncAsync(h, options, sink);
        Assert.Empty(before.Guests);
        Assert.Empty(Guests(h));
        Assert.Equal(Start.AddHours(2) - Buffer, before.NextEdge);

        h.Time.Advance(TimeSpan.FromHours(2) - Buffer - TimeSpan.FromSeconds(1));
        Assert.Empty((await SyncAsync(h, options, sink)).Guests);

        h.Time.Advance(TimeSpan.FromSeconds(1));
        var opened = await SyncAsync(h, options, sink);

        var created = Assert.Single(opened.Guests);
        Assert.Equal((GuestChangeKind.Create, SyncChangeOutcome.Applied, GuestSource.BookingGuest), (created.Kind, created.Outcome, created.Source));
        Assert.Equal("Grace Guest", created.Alias);
        Assert.Equal([RoomGroup], created.GroupIds);
        Assert.Equal((Start.AddHours(2) - Buffer, Start.AddHours(3) + Buffer), (created.ValidFrom, created.ValidUntil));
        Assert.StartsWith($"guest of booking #{seed.All<Booking>().Single().Id} by Sam Example (Meeting room)", created.Lineage, StringComparison.Ordinal);
        var guest = Assert.Single(Guests(h));
        Assert.Equal(("Grace Guest", SubscriptionState.Subscribed, true), (guest.Alias, guest.SubscriptionState, guest.UsePin));
        Assert.Null(guest.User?.Email);
        Assert.Contains(guest.User!.Id, h.Members(RoomGroup));
        var credential = Assert.Single(sink.Credentials);
        Assert.Equal(h.Salto.GetUserPin(SiteId, guest.Id), credential.Pin);
        Assert.Matches("^[0-9]{6}$", credential.Pin);
        Assert.DoesNotContain(h.Salto.GetInvitations(), i => i.SiteUserId == guest.Id);

        // A run inside the window changes nothing and issues no second PIN.
        h.Time.Advance(TimeSpan.FromMinutes(30));
        Assert.Empty((await SyncAsync(h, options, sink)).Guests);
        Assert.Single(sink.Credentials);

        // The window closes at the booking's end plus its buffer: then the guest is deleted and its seat freed.
        h.Time.Advance(Start.AddHours(3) + Buffer - h.Time.GetUtcNow() - TimeSpan.FromSeconds(1));
        Assert.Empty((await SyncAsync(h, options, sink)).Guests);
        Assert.Single(Guests(h));

        h.Time.Advance(TimeSpan.FromSeconds(1));
        var closed = await SyncAsync(h, options, sink);
        var deleted = Assert.Single(closed.Guests);
        Assert.Equal((GuestChangeKind.Delete, SyncChangeOutcome.Applied, guest.Id), (deleted.Kind, deleted.Outcome, deleted.SiteUserId));
        Assert.Contains("window ended", deleted.Detail, StringComparison.Ordinal);
        Assert.Empty(Guests(h));
        Assert.DoesNotContain(guest.User.Id, h.Members(RoomGroup));
        Assert.Empty((await SyncAsync(h, options, sink)).Guests);
    }

    [Fact]
    public async Task Synchronize_BookingCancelled_DeletesTheGuestBeforeItsWindowEnds()
    {
        await using var h = await StartAsync();
        var seed = h.Seed(b => SamBooksTheRoomWithGrace(b));
        var options = BookingGuests(seed);
        await SyncAsync(h, options, new CollectingSink());
        Assert.Single(Guests(h));

        h.Nexudus.CancelBooking(seed.All<Booking>().Single().Id);
        var report = await SyncAsync(h, options, new CollectingSink());

        var deleted = Assert.Single(report.Guests);
        Assert.Equal(GuestChangeKind.Delete, deleted.Kind);
        Assert.Contains("no longer gives access", deleted.Detail, StringComparison.Ordinal);
        Assert.Empty(Guests(h));
    }

    [Fact]
    public async Task Synchronize_GuestsReadFails_KeepsTheGuestUntilItsWindowEnds()
    {
        await using var h = await StartAsync();
        var seed = h.Seed(b => SamBooksTheRoomWithGrace(b));
        var options = BookingGuests(seed);
        await SyncAsync(h, options, new CollectingSink());

        h.Nexudus.Faults.Add(SandboxFaultRule.On("GET", "/api/spaces/bookingvisitors", SandboxFault.Response(500)));
        var failed = await SyncAsync(h, options, new CollectingSink());

        Assert.Empty(failed.Guests);
        Assert.Contains(failed.Errors, e => e.Kind == SyncErrorKind.NexudusRead && e.Message.Contains("guests of booking", StringComparison.Ordinal));
        Assert.Single(Guests(h));

        h.Time.Advance(TimeSpan.FromHours(2));
        var over = await SyncAsync(h, options, new CollectingSink());
        Assert.Equal(GuestChangeKind.Delete, Assert.Single(over.Guests).Kind);
        Assert.Empty(Guests(h));
    }

    [Fact]
    public async Task Synchronize_GuestNotCreatedBySdk_IsNeverDeleted()
    {
        await using var h = await StartAsync();
        var walkIn = new SiteUserId("su-walk-in");
        var seed = h.Seed(
            b => SamBooksTheRoomWithGrace(b),
            s => s.Role("role-guest", "site_guest").User(walkIn, new PlatformUserId("pu-walk-in"), alias: "Walk-in guest", roleIds: ["role-guest"])
                .Member(RoomGroup, new PlatformUserId("pu-walk-in")));
        var options = BookingGuests(seed);
        await SyncAsync(h, options, new CollectingSink());
        Assert.Equal(2, Guests(h).Count);

        h.Time.Advance(TimeSpan.FromHours(2));
        var report = await SyncAsync(h, options, new CollectingSink());

        Assert.Equal(GuestChangeKind.Delete, Assert.Single(report.Guests, g => g.Kind == GuestChangeKind.Delete).Kind);
        Assert.True(report.Guests.Count == 1, string.Join("; ", report.Guests.Select(g => $"{g.Kind} {g.Outcome} {g.Detail}")));
        Assert.Equal(walkIn, Assert.Single(Guests(h)).Id);
        Assert.Contains(new PlatformUserId("pu-walk-in"), h.Members(RoomGroup));
    }

    [Fact]
    public async Task Synchronize_SeatReserveWouldBeTaken_RefusesTheGuestAndReportsWhy()
    {
        await using var h = await StartAsync();
        var seed = h.Seed(
            b => SamBooksTheRoomWithGrace(b)
                .BookingGuest("sam@example.com", "Second Guest"),
            s => s.Subscription(userAmount: 4));
        var sink = new CollectingSink();

        // Sam takes one seat of four; a reserve of two leaves one for guests.
        var report = await SyncAsync(h, BookingGuests(seed, reserve: 2), sink);

        Assert.Equal(2, report.Guests.Count);
        var refused = Assert.Single(report.Guests, g => g.Kind == GuestChangeKind.Refuse);
        Assert.Equal(SyncChangeOutcome.Skipped, refused.Outcome);
        Assert.Contains("GuestSeatReserve keeps 2", refused.Detail, StringComparison.Ordinal);
        Assert.Single(Guests(h));
        Assert.Single(sink.Credentials);
        Assert.Equal(2, h.Salto.GetSiteUsers(SiteId).Count);
    }

    [Fact]
    public async Task Synchronize_NoFreeSeatAsSaltoAnswersIt_DeletesTheSuspendedGuestAndReportsARefusal()
    {
        await using var h = await StartAsync();
        var seed = h.Seed(
            b => SamBooksTheRoomWithGrace(b),
            s => s.Subscription(userAmount: 1));
        var sink = new CollectingSink();

        // The seat count is not readable here, so the check falls to SALTO's own answer (201, suspended).
        h.Salto.Faults.Add(SandboxFaultRule.On("GET", $"/v1.2/sites/{SiteId}/subscription", SandboxFault.Response(500)));
        var report = await SyncAsync(h, BookingGuests(seed), sink);

        var refused = Assert.Single(report.Guests);
        Assert.Equal(GuestChangeKind.Refuse, refused.Kind);
        Assert.Contains("no free seat", refused.Detail, StringComparison.Ordinal);
        Assert.Empty(Guests(h));
        Assert.Empty(sink.Credentials);
    }

    [Fact]
    public async Task Synchronize_NoFreeSeatRefusedByTheOlderReading_ReportsTheFailedCreation()
    {
        await using var h = await StartAsync(salto: o => o.RefuseUsersWithoutSeat = true);
        var seed = h.Seed(
            b => SamBooksTheRoomWithGrace(b),
            s => s.Subscription(userAmount: 1));
        h.Salto.Faults.Add(SandboxFaultRule.On("GET", $"/v1.2/sites/{SiteId}/subscription", SandboxFault.Response(500)));

        var report = await SyncAsync(h, BookingGuests(seed), new CollectingSink());

        var failed = Assert.Single(report.Guests);
        Assert.Equal((GuestChangeKind.Create, SyncChangeOutcome.Failed), (failed.Kind, failed.Outcome));
        Assert.Contains("creating the guest failed", failed.Detail, StringComparison.Ordinal);
        Assert.Contains(report.Errors, e => e.Kind == SyncErrorKind.Guest);
        Assert.Empty(Guests(h));
    }

    [Fact]
    public async Task Synchronize_GuestsWithPins_NeverWriteAPinToTheLogs()
    {
        await using var h = await StartAsync(services: s => s.AddFakeLogging(o => o.CollectRecordsForDisabledLogLevels = true).AddLogging(b => b.SetMinimumLevel(LogLevel.Trace)));
        var seed = h.Seed(b => SamBooksTheRoomWithGrace(b)
            .BookingGuest("sam@example.com", "Second Guest"));
        var sink = new CollectingSink();
        var logs = h.Services.GetFakeLogCollector();
        var logger = h.Services.GetRequiredService<ILogger<AccessSynchronizer>>();

        var report = await new AccessSynchronizer(h.NexudusClient, h.SaltoClient, h.Store, BookingGuests(seed), h.Time, logger: logger) { GuestCredentialSink = sink }
            .SynchronizeAsync();
        h.Time.Advance(TimeSpan.FromHours(2));
        await new AccessSynchronizer(h.NexudusClient, h.SaltoClient, h.Store, BookingGuests(seed), h.Time, logger: logger) { GuestCredentialSink = sink }
            .SynchronizeAsync();

        Assert.Equal(2, sink.Credentials.Count);
        Assert.NotEmpty(logs.GetSnapshot());
        var everything = string.Join('\n', logs.GetSnapshot().Select(r => r.Message + " " + r.Exception + " " + string.Join(",", r.StructuredState ?? [])));
        var json = JsonSerializer.Serialize(report, SyncJsonContext.Default.SyncReport);
        foreach (var credential in sink.Credentials)
        {
            Assert.DoesNotContain(credential.Pin, everything, StringComparison.Ordinal);
            Assert.DoesNotContain(credential.Pin, json, StringComparison.Ordinal);
            Assert.DoesNotContain(credential.Pin, credential.ToString(), StringComparison.Ordinal);
        }

        Assert.Contains(logs.GetSnapshot(), r => r.Id.Id == 5200);
    }

    [Fact]
    public async Task Synchronize_VisitorApprovedByTheHost_GetsTheVisitorGroupsFromBeforeArrivalToTheEndOfTheLocalDay()
    {
        await using var h = await StartAsync();
        var seed = h.Seed(b => b.Customer("sam@example.com", "Sam Example")
            .Visitor("sam@example.com", "Vera Visitor", Start.AddHours(3)));
        var options = Visitors(seed);

        var early = await SyncAsync(h, options, new CollectingSink());
        Assert.Empty(early.Guests);
        Assert.Equal(Start.AddHours(3) - TimeSpan.FromMinutes(30), early.NextEdge);

        h.Time.Advance(TimeSpan.FromHours(3) - TimeSpan.FromMinutes(30));
        var sink = new CollectingSink();
        var created = Assert.Single((await SyncAsync(h, options, sink)).Guests);

        // London is on GMT in March before the clocks change: the day ends at midnight UTC.
        Assert.Equal((GuestSource.Visitor, Start.AddHours(3) - TimeSpan.FromMinutes(30), new DateTimeOffset(2025, 3, 5, 0, 0, 0, TimeSpan.Zero)), (created.Source, created.ValidFrom, created.ValidUntil));
        Assert.Equal("visitor of Sam Example expected 2025-03-04 12:00 (location " + seed.Location("Central").Id + " time), approved by the host", created.Lineage);
        Assert.Equal([HandGroup], created.GroupIds);
        Assert.Contains(Assert.Single(Guests(h)).User!.Id, h.Members(HandGroup));
        Assert.Single(sink.Credentials);

        h.Time.Advance(new DateTimeOffset(2025, 3, 5, 0, 0, 0, TimeSpan.Zero) - h.Time.GetUtcNow());
        Assert.Equal(GuestChangeKind.Delete, Assert.Single((await SyncAsync(h, options, sink)).Guests).Kind);
        Assert.Empty(Guests(h));
    }

    [Theory]
    [InlineData(HostApprovalStatus.Requested)]
    [InlineData(HostApprovalStatus.Rejected)]
    [InlineData(HostApprovalStatus.AcceptedAndHold)]
    [InlineData(HostApprovalStatus.NotRequired)]
    public async Task Synchronize_VisitorWithoutTheHostsGrant_GetsNoGuest(HostApprovalStatus approval)
    {
        await using var h = await StartAsync();
        var seed = h.Seed(b => b.Customer("sam@example.com", "Sam Example")
            .Visitor("sam@example.com", "Vera Visitor", Start.AddMinutes(10), approval));

        var report = await SyncAsync(h, Visitors(seed), new CollectingSink());

        Assert.Empty(report.Guests);
        Assert.Empty(Guests(h));
    }

    [Fact]
    public async Task Synchronize_VisitorRejectedAfterApproval_DeletesTheGuest()
    {
        await using var h = await StartAsync();
        var seed = h.Seed(b => b.Customer("sam@example.com", "Sam Example")
            .Visitor("sam@example.com", "Vera Visitor", Start.AddMinutes(10)));
        var options = Visitors(seed);
        await SyncAsync(h, options, new CollectingSink());
        Assert.Single(Guests(h));

        var visitor = seed.All<Visitor>().Single();
        h.Nexudus.Put(visitor with { HostApprovalStatus = HostApprovalStatus.Rejected });
        var report = await SyncAsync(h, options, new CollectingSink());

        var deleted = Assert.Single(report.Guests);
        Assert.Equal(GuestChangeKind.Delete, deleted.Kind);
        Assert.Contains("no longer expected", deleted.Detail, StringComparison.Ordinal);
        Assert.Empty(Guests(h));
    }

    [Fact]
    public async Task Synchronize_DryRun_PlansTheGuestAndWritesNothing()
    {
        await using var h = await StartAsync();
        var seed = h.Seed(b => SamBooksTheRoomWithGrace(b));
        var sink = new CollectingSink();

        var report = await SyncAsync(h, BookingGuests(seed, change: o => o with { DryRun = true }), sink);

        Assert.Equal((GuestChangeKind.Create, SyncChangeOutcome.Planned), (Assert.Single(report.Guests).Kind, report.Guests[0].Outcome));
        Assert.Empty(Guests(h));
        Assert.Empty(sink.Credentials);
    }

    // Sam books the meeting room from 10 minutes from now for 50 minutes, with Grace Guest as the booking's guest.
    private static NexudusSeedBuilder SamBooksTheRoomWithGrace(NexudusSeedBuilder b) =>
        b.Customer("sam@example.com", "Sam Example")
            .Booking("sam@example.com", "Meeting room", Start.AddMinutes(10), Start.AddHours(1))
            .BookingGuest("sam@example.com", "Grace Guest");

    private static Task<SyncReport> SyncAsync(SyncHarness h, AccessSyncOptions options, CollectingSink sink) =>
        new AccessSynchronizer(h.NexudusClient, h.SaltoClient, h.Store, options, h.Time) { GuestCredentialSink = sink }.SynchronizeAsync();

    private static List<SiteUser> Guests(SyncHarness h) =>
        [.. h.Salto.GetSiteUsers(SiteId).Where(u => u.Roles.Any(r => r.Code == "site_guest"))];

    private static AccessSyncOptions BookingGuests(NexudusSeed seed, int reserve = 0, Func<AccessSyncOptions, AccessSyncOptions>? change = null) =>
        Options([Location(seed) with { BookingGuests = true, GuestSeatReserve = reserve }], change);

    private static AccessSyncOptions Visitors(NexudusSeed seed) =>
        Options([Location(seed) with { VisitorGroups = [HandGroup] }]);

    private sealed class CollectingSink : IGuestCredentialSink
    {
        private readonly ConcurrentQueue<GuestCredential> _credentials = new();

        public IReadOnlyList<GuestCredential> Credentials => [.. _credentials];

        public Task DeliverAsync(GuestCredential credential, CancellationToken cancellationToken = default)
        {
            _credentials.Enqueue(credential);
            return Task.CompletedTask;
        }
    }
}
