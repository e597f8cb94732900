using Nexudus.Salto.Nexudus;
using Nexudus.Salto.Testing;

namespace Nexudus.Salto.IntegrationTests.Nexudus;

/// <summary>
/// The client's writes against the sandbox: check-ins opened and closed, refused check-ins, and
/// webhooks listed, created and deleted. Each test has a sandbox of its own.
/// </summary>
public sealed class NexudusClientWriteTests
{
    private static readonly DateTimeOffset Arrival = NexudusSandboxEnvironment.Start.AddHours(1);

    [Fact]
    public async Task CreateCheckInAsync_CustomerWithAPass_OpensACheckInOnThatPass()
    {
        await using var env = await NexudusSandboxEnvironment.StartAsync();
        var (central, guest, pass) = GuestWithPass(env, 1);

        var id = await env.Client.CreateCheckInAsync(new CheckIn { BusinessId = central.Id, CoworkerId = guest.Id, FromTime = Arrival });

        var checkIn = env.Sandbox.Get<CheckIn>(id)!;
        Assert.Equal(Arrival, checkIn.FromTime);
        Assert.Null(checkIn.ToTime);
        Assert.Equal(pass.UniqueId, checkIn.CoworkerTimePassGuid);
        var used = env.Sandbox.Get<CoworkerTimePass>(pass.Id)!;
        Assert.True(used.Used);
        Assert.True(used.CheckedIn);
        Assert.Equal(["POST /api/spaces/checkins 200"], env.RequestsTo("/api/spaces/checkins"));
    }

    [Fact]
    public async Task CreateCheckInAsync_TimeGivenInAnotherOffset_IsStoredAsThatInstantAndServedWithTheLocationsWallClock()
    {
        await using var env = await NexudusSandboxEnvironment.StartAsync();
        var (harbour, guest, _) = GuestWithPass(env, 2);
        var arrival = new DateTimeOffset(2025, 3, 3, 10, 15, 0, TimeSpan.FromHours(1)); // 09:15 UTC, 04:15 in New York

        var id = await env.Client.CreateCheckInAsync(new CheckIn { BusinessId = harbour.Id, CoworkerId = guest.Id, FromTime = arrival });
        var read = await env.Client.GetCheckInAsync(id);

        Assert.Equal(arrival, env.Sandbox.Get<CheckIn>(id)!.FromTime);
        Assert.Equal(arrival, read.FromTime);
        Assert.Equal(TimeSpan.Zero, read.FromTime!.Value.Offset);
        Assert.Equal(new DateTime(2025, 3, 3, 4, 15, 0, DateTimeKind.Unspecified), read.FromTimeLocal);
    }

    [Fact]
    public async Task CloseCheckInAsync_OpenCheckIn_SetsToTimeAndKeepsTheRestOfTheRecord()
    {
        await using var env = await NexudusSandboxEnvironment.StartAsync();
        var (central, guest, pass) = GuestWithPass(env, 1);
        var id = await env.Client.CreateCheckInAsync(new CheckIn { BusinessId = central.Id, CoworkerId = guest.Id, FromTime = Arrival });
        var opened = await env.Client.GetCheckInAsync(id);
        env.Sandbox.Requests.Clear();

        await env.Client.CloseCheckInAsync(id, Arrival.AddHours(3));

        // PUT replaces the whole record, so everything but the end must come back as it was.
        var closed = await env.Client.GetCheckInAsync(id);
        Assert.Equal(Arrival.AddHours(3), closed.ToTime);
        Assert.Equal(new DateTime(2025, 3, 3, 12, 0, 0, DateTimeKind.Unspecified), closed.ToTimeLocal);
        Assert.Equal(opened with { ToTime = closed.ToTime, ToTimeLocal = closed.ToTimeLocal, UpdatedOn = closed.UpdatedOn, UpdatedBy = closed.UpdatedBy }, closed);
        Assert.Equal(pass.UniqueId, closed.CoworkerTimePassGuid);
        Assert.False(env.Sandbox.Get<CoworkerTimePass>(pass.Id)!.CheckedIn);
        Assert.Equal(
            [$"GET /api/spaces/checkins/{id} 200", "PUT /api/spaces/checkins 200", $"GET /api/spaces/checkins/{id} 200"],
            env.RequestsTo("/api/spaces/checkins"));
    }

    [Fact]
    public async Task CloseCheckInAsync_AlreadyClosed_LeavesItAsItIsWithoutWriting()
    {
        await using var env = await NexudusSandboxEnvironment.StartAsync();
        var closed = env.Sandbox.GetAll<CheckIn>()[0];

        await env.Client.CloseCheckInAsync(closed.Id, Arrival);

        Assert.Equal(closed, env.Sandbox.Get<CheckIn>(closed.Id));
        Assert.Equal([$"GET /api/spaces/checkins/{closed.Id} 200"], env.RequestsTo("/api/spaces/checkins"));
    }

    [Fact]
    public async Task CreateCheckInAsync_CustomerWithoutAPass_ThrowsValidationExceptionWithThePropertyErrors()
    {
        await using var env = await NexudusSandboxEnvironment.StartAsync();
        var central = env.World!.Location("Central");
        var customer = env.World.Customer(NexudusWorld.NoPassEmail);
        var before = env.Sandbox.GetAll<CheckIn>();

        var error = await Assert.ThrowsAsync<NexudusValidationException>(() =>
            env.Client.CreateCheckInAsync(new CheckIn { BusinessId = central.Id, CoworkerId = customer.Id, FromTime = Arrival }));

        // Nexudus answers HTTP 200 here; only WasSuccessful says the check-in was refused.
        Assert.Equal(200, error.Status);
        Assert.Equal("POST api/spaces/checkins", error.Endpoint);
        var property = Assert.Single(error.Errors);
        Assert.Equal("CoworkerId", property.PropertyName);
        Assert.Contains("does not have a valid pass", property.Message, StringComparison.Ordinal);
        Assert.Contains("WasSuccessful: false", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, env.Sandbox.GetAll<CheckIn>());
    }

    [Fact]
    public async Task CreateCheckInAsync_UnknownCustomer_ThrowsValidationExceptionNamingTheCustomerField()
    {
        await using var env = await NexudusSandboxEnvironment.StartAsync();
        var central = env.World!.Location("Central");

        var error = await Assert.ThrowsAsync<NexudusValidationException>(() =>
            env.Client.CreateCheckInAsync(new CheckIn { BusinessId = central.Id, CoworkerId = 42, FromTime = Arrival }));

        Assert.Equal(400, error.Status);
        Assert.Equal("CoworkerId", Assert.Single(error.Errors).PropertyName);
        Assert.Equal(["POST /api/spaces/checkins 400"], env.RequestsTo("/api/spaces/checkins"));
    }

    [Fact]
    public async Task ListWebhooksAsync_OfOneLocation_ReturnsItsSubscriptions()
    {
        await using var env = await NexudusSandboxEnvironment.StartAsync();
        var summit = env.World!.Location("Summit");

        var hooks = await env.Client.ListWebhooksAsync(new WebhookQuery { BusinessId = summit.Id }).ToListAsync();

        var hook = Assert.Single(hooks);
        Assert.Equal("Hook 4", hook.Name);
        Assert.Equal(WebhookAction.BookingCreate, hook.Action);
        Assert.Equal("https://hooks.example.com/4", hook.Url);
        Assert.True(hook.Active);
    }

    [Fact]
    public async Task CreateWebhookAsync_RequiredFields_StoresTheSubscriptionAndReturnsItsId()
    {
        await using var env = await NexudusSandboxEnvironment.StartAsync();
        var garden = env.World!.Location("Garden");

        var id = await env.Client.CreateWebhookAsync(new Webhook
        {
            BusinessId = garden.Id,
            Name = "Check-ins to SALTO",
            Action = WebhookAction.CoworkerCheckin,
            Url = "https://sync.example.com/nexudus",
            Active = true,
        });

        var stored = env.Sandbox.Get<Webhook>(id)!;
        Assert.Equal(garden.Id, stored.BusinessId);
        Assert.Equal("Check-ins to SALTO", stored.Name);
        Assert.Equal(WebhookAction.CoworkerCheckin, stored.Action);
        Assert.Equal("https://sync.example.com/nexudus", stored.Url);
        Assert.True(stored.Active);
        Assert.Contains(id, (await env.Client.ListWebhooksAsync(new WebhookQuery { BusinessId = garden.Id }).ToListAsync()).Select(h => h.Id));
    }

    [Fact]
    public async Task CreateWebhookAsync_WithoutUrl_ThrowsValidationExceptionNamingUrl()
    {
        await using var env = await NexudusSandboxEnvironment.StartAsync();
        var garden = env.World!.Location("Garden");
        var before = env.Sandbox.GetAll<Webhook>().Count;

        var error = await Assert.ThrowsAsync<NexudusValidationException>(() =>
            env.Client.CreateWebhookAsync(new Webhook { BusinessId = garden.Id, Name = "No address", Action = WebhookAction.BookingUpdate }));

        Assert.Equal(400, error.Status);
        Assert.Equal("URL", Assert.Single(error.Errors).PropertyName);
        Assert.Equal(before, env.Sandbox.GetAll<Webhook>().Count);
    }

    [Fact]
    public async Task DeleteWebhookAsync_ExistingSubscription_RemovesIt()
    {
        await using var env = await NexudusSandboxEnvironment.StartAsync();
        var hook = env.Sandbox.GetAll<Webhook>()[0];

        await env.Client.DeleteWebhookAsync(hook.Id);

        Assert.Null(env.Sandbox.Get<Webhook>(hook.Id));
        Assert.Equal([$"DELETE /api/sys/webhooks/{hook.Id} 200"], env.RequestsTo("/api/sys/webhooks"));
    }

    [Fact]
    public async Task DeleteWebhookAsync_Http200WithWasSuccessfulFalse_ThrowsValidationExceptionWithTheMessage()
    {
        // A live delete can answer 200 and still fail: the envelope says so.
        await using var env = await NexudusSandboxEnvironment.StartAsync();
        var hook = env.Sandbox.GetAll<Webhook>()[0];
        env.Sandbox.Faults.Add(SandboxFaultRule.On("DELETE", "/api/sys/webhooks/*", NexudusFaults.WriteRefused("The record is in use and cannot be deleted.")).ForNextCalls(1));

        var error = await Assert.ThrowsAsync<NexudusValidationException>(() => env.Client.DeleteWebhookAsync(hook.Id));

        Assert.Equal(200, error.Status);
        Assert.Contains("The record is in use and cannot be deleted.", error.Message, StringComparison.Ordinal);
        Assert.NotNull(env.Sandbox.Get<Webhook>(hook.Id));
    }

    [Fact]
    public async Task DeleteWebhookAsync_UnknownId_ThrowsNotFound()
    {
        await using var env = await NexudusSandboxEnvironment.StartAsync();

        var error = await Assert.ThrowsAsync<NexudusNotFoundException>(() => env.Client.DeleteWebhookAsync(42));

        Assert.Equal("DELETE api/sys/webhooks/{id}", error.Endpoint);
        Assert.Equal(5, env.Sandbox.GetAll<Webhook>().Count);
    }

    /// <summary>Location <paramref name="n"/> of the world, its guest and the guest's unused pass.</summary>
    private static (Business Location, Coworker Guest, CoworkerTimePass Pass) GuestWithPass(NexudusSandboxEnvironment env, int n)
    {
        var location = env.World!.Location(NexudusWorld.Locations[n - 1].Name);
        var guest = env.World.Customer(NexudusWorld.Guest(n));
        var pass = env.Sandbox.GetAll<CoworkerTimePass>().Single(p => p.CoworkerId == guest.Id);
        return (location, guest, pass);
    }
}
