using System.Net;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.State;

namespace Nexudus.Salto.IntegrationTests.Webhooks;

/// <summary>
/// Nexudus webhooks end to end over real HTTP: the Nexudus sandbox delivers (or a test posts) to
/// <c>MapNexudusWebhooks</c> on Kestrel, the worker applies the events with targeted runs against the SALTO sandbox.
/// </summary>
public sealed class WebhookEndToEndTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("nexudus-salto-webhooks-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static async Task<WebhookWorld> StartedAsync(Action<Dictionary<string, string?>>? configure = null)
    {
        var world = await WebhookWorld.CreateAsync();
        await world.StartAsync(configure: configure);
        await WebhookWorld.EventuallyAsync(() => world.InGroupAsync("eve@example.com", WebhookWorld.DayGroup), "the first full sync has granted the day passes");
        return world;
    }

    private static Booking RoomBooking(WebhookWorld world, string email) => new()
    {
        CoworkerId = world.CustomerId(email),
        ResourceId = world.Seed.Resource("Room 1").Id,
        FromTime = DateTimeOffset.UtcNow.AddMinutes(-5),
        ToTime = DateTimeOffset.UtcNow.AddHours(1),
        Tentative = false,
    };

    [Fact]
    public async Task MapNexudusWebhooks_SignedBookingDelivery_AddsTheBookerToTheRoomGroupByATargetedRun()
    {
        await using var world = await StartedAsync();
        world.RegisterWebhooks(WebhookAction.BookingCreate);
        world.Nexudus.Requests.Clear();

        world.Nexudus.Put(RoomBooking(world, "ada@example.com"));
        await world.Nexudus.WhenWebhooksDeliveredAsync();

        var hook = Assert.Single(world.Nexudus.GetAll<Webhook>());
        Assert.Equal(0, hook.ErrorCount ?? 0);
        Assert.NotNull(hook.LastTrigger);
        await WebhookWorld.EventuallyAsync(() => world.InGroupAsync("ada@example.com", WebhookWorld.RoomGroup), "Ada is in the room group");
        await WebhookWorld.EventuallyAsync(async () => (await world.Inbox.ReadWebhookEventsAsync(10)).Count == 0, "the inbox is empty");

        // Targeted: Ada's records only, never the whole customer list.
        var reads = world.Nexudus.Requests.GetRequests();
        Assert.DoesNotContain(reads, r => r.Path.EndsWith("/coworkers", StringComparison.OrdinalIgnoreCase) && r.Query.Contains("Active", StringComparison.OrdinalIgnoreCase));
        Assert.InRange(reads.Count, 1, 6);
        Assert.False(await world.InGroupAsync("bob@example.com", WebhookWorld.RoomGroup));
    }

    [Fact]
    public async Task MapNexudusWebhooks_InvoicePaid_RestoresTheSuspendedCustomerBeforeTheNextPoll()
    {
        // Ada owes an invoice 30 days past due where access pauses after 14; the worker polls only every 6 hours.
        var world = await WebhookWorld.CreateAsync();
        await using var _ = world;
        var owed = world.Nexudus.Seed(b => b.AtLocation("Central").Invoice("ada@example.com", "INV-1", DateTimeOffset.UtcNow.AddDays(-30)));
        await world.StartAsync(configure: v => v["SaltoIntegration:Locations:0:SuspendAfterOverdueDays"] = "14");
        await WebhookWorld.EventuallyAsync(() => world.InGroupAsync("eve@example.com", WebhookWorld.DayGroup), "the first full sync has granted the day passes");
        Assert.False(await world.InGroupAsync("ada@example.com", WebhookWorld.DayGroup));
        world.RegisterWebhooks(WebhookAction.CoworkerInvoicePaid);

        world.Nexudus.PayInvoice(owed.Invoice("INV-1").Id, DateTimeOffset.UtcNow);
        await world.Nexudus.WhenWebhooksDeliveredAsync();

        await WebhookWorld.EventuallyAsync(() => world.InGroupAsync("ada@example.com", WebhookWorld.DayGroup), "Ada's day pass opens the door again");
        Assert.Equal(0, Assert.Single(world.Nexudus.GetAll<Webhook>()).ErrorCount ?? 0);
    }

    [Fact]
    public async Task MapNexudusWebhooks_BookingCreatedThenCancelled_ReadsOnlyRecordAndBookingsAndKeepsThePassGroup()
    {
        await using var world = await StartedAsync();
        world.RegisterWebhooks(WebhookAction.BookingCreate, WebhookAction.BookingDelete);
        world.Nexudus.Requests.Clear();

        var booking = world.Nexudus.Put(RoomBooking(world, "ada@example.com"));
        await world.Nexudus.WhenWebhooksDeliveredAsync();
        await WebhookWorld.EventuallyAsync(() => world.InGroupAsync("ada@example.com", WebhookWorld.RoomGroup), "Ada is in the room group");
        await WebhookWorld.EventuallyAsync(async () => (await world.Inbox.ReadWebhookEventsAsync(10)).Count == 0, "the inbox is empty");

        // Room 1 is the only item linked to the room group, and no desk is linked: her record and bookings decide it.
        var reads = world.Nexudus.Requests.GetRequests().Where(r => r.Route != "/api/token").ToList();
        Assert.True(reads.Count == 2, "Reads: " + string.Join(", ", reads.Select(r => r.Route + r.Query)));
        Assert.Contains(reads, r => r.Route == "/api/spaces/coworkers" && r.Query.Contains("id=[", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(reads, r => r.Route == "/api/spaces/bookings" && r.Query.Contains("Booking_Coworker=", StringComparison.Ordinal));
        Assert.True(await world.InGroupAsync("ada@example.com", WebhookWorld.DayGroup), "Ada keeps the day group her unread pass grants");

        world.Nexudus.CancelBooking(booking.Id);
        await world.Nexudus.WhenWebhooksDeliveredAsync();
        await WebhookWorld.EventuallyAsync(async () => !await world.InGroupAsync("ada@example.com", WebhookWorld.RoomGroup), "Ada has left the room group");
        Assert.True(await world.InGroupAsync("ada@example.com", WebhookWorld.DayGroup), "Ada keeps the day group");
    }

    [Fact]
    public async Task MapNexudusWebhooks_BookingOfAGroupAPassAlsoGrants_ReadsTheWholeRecordsAndKeepsThePassGroup()
    {
        // The room group is the day pass's too: a booking event alone cannot decide it.
        await using var world = await WebhookWorld.CreateAsync();
        await world.StartAsync(configure: v => v[$"SaltoIntegration:Locations:0:TimePassGroups:{world.Seed.Pass("Day Pass").Id}:1"] = WebhookWorld.RoomGroup);
        await WebhookWorld.EventuallyAsync(() => world.InGroupAsync("ada@example.com", WebhookWorld.RoomGroup), "the day passes open the room");
        world.RegisterWebhooks(WebhookAction.BookingDelete);
        var booking = world.Nexudus.Put(RoomBooking(world, "ada@example.com"));
        world.Nexudus.Requests.Clear();

        world.Nexudus.CancelBooking(booking.Id);
        await world.Nexudus.WhenWebhooksDeliveredAsync();
        await WebhookWorld.EventuallyAsync(async () => (await world.Inbox.ReadWebhookEventsAsync(10)).Count == 0, "the inbox is empty");

        Assert.Contains(world.Nexudus.Requests.GetRequests(), r => r.Route == "/api/billing/coworkertimepasses");
        Assert.True(await world.InGroupAsync("ada@example.com", WebhookWorld.RoomGroup), "Ada's pass still opens the room");
    }

    [Fact]
    public async Task NexudusSandbox_BookingPostedThroughTheApi_DeliversToTheLocationsWebhookAndOpensTheRoom()
    {
        await using var world = await StartedAsync();
        world.Nexudus.Seed(b => b.Location("Annex"));
        world.RegisterWebhooks(WebhookAction.BookingCreate);
        world.Nexudus.Seed(b => b.AtLocation("Annex").Webhook("annex-BookingCreate", WebhookAction.BookingCreate, new Uri("http://127.0.0.1:9/unreachable")));

        using var http = new HttpClient { BaseAddress = world.Nexudus.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{world.Nexudus.Username}:{world.Nexudus.Password}")));
        var from = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var to = DateTimeOffset.UtcNow.AddHours(1).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        using var created = await http.PostAsync(
            new Uri("api/spaces/bookings", UriKind.Relative),
            new StringContent(
                $$"""{"CoworkerId":{{world.CustomerId("carol@example.com")}},"ResourceId":{{world.Seed.Resource("Room 1").Id}},"FromTime":"{{from}}","ToTime":"{{to}}","Tentative":false}""",
                System.Text.Encoding.UTF8,
                "application/json"));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        await world.Nexudus.WhenWebhooksDeliveredAsync();

        var hooks = world.Nexudus.GetAll<Webhook>();
        Assert.NotNull(Assert.Single(hooks, h => h.Name == "salto-BookingCreate").LastTrigger);
        var annex = Assert.Single(hooks, h => h.Name == "annex-BookingCreate");
        Assert.Null(annex.LastTrigger);
        Assert.Equal(0, annex.ErrorCount ?? 0);
        await WebhookWorld.EventuallyAsync(() => world.InGroupAsync("carol@example.com", WebhookWorld.RoomGroup), "Carol is in the room group");
    }

    [Fact]
    public async Task NexudusSandbox_CustomerSuspendedThroughTheApi_DeliversCoworkerUpdateAndRemovesTheirAccess()
    {
        await using var world = await StartedAsync();
        world.RegisterWebhooks(WebhookAction.CoworkerUpdate);
        using var http = new HttpClient { BaseAddress = world.Nexudus.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{world.Nexudus.Username}:{world.Nexudus.Password}")));
        using var read = await http.GetAsync(new Uri($"api/spaces/coworkers/{world.CustomerId("dan@example.com")}", UriKind.Relative));
        var record = System.Text.Json.Nodes.JsonNode.Parse(await read.Content.ReadAsStringAsync())!.AsObject();
        record["Active"] = false;
        record["CountryId"] ??= 1;

        using var updated = await http.PutAsync(
            new Uri("api/spaces/coworkers", UriKind.Relative), new StringContent(record.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        await world.Nexudus.WhenWebhooksDeliveredAsync();

        Assert.NotNull(Assert.Single(world.Nexudus.GetAll<Webhook>()).LastTrigger);
        await WebhookWorld.EventuallyAsync(async () => !await world.InGroupAsync("dan@example.com", WebhookWorld.DayGroup), "Dan has left the day group");
        Assert.True(await world.InGroupAsync("eve@example.com", WebhookWorld.DayGroup));
    }

    [Theory]
    [InlineData("wrong-secret", null)]
    [InlineData(null, null)]
    [InlineData(null, "not-hex")]
    public async Task MapNexudusWebhooks_MissingOrWrongSignature_Answers401AndRecordsNothing(string? secret, string? signature)
    {
        await using var world = await StartedAsync();
        var booking = world.Nexudus.Put(RoomBooking(world, "ada@example.com"));
        var body = $$"""[{"Id":{{booking.Id}},"CoworkerId":{{booking.CoworkerId}},"ResourceId":{{booking.ResourceId}}}]""";

        using var response = await world.PostAsync("BookingCreate", body, secret, signature);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await world.Inbox.ReadWebhookEventsAsync(10));
        Assert.False(await world.InGroupAsync("ada@example.com", WebhookWorld.RoomGroup));
    }

    [Theory]
    [InlineData("""{"Id":1}""")]
    [InlineData("[]")]
    [InlineData("""[{"Id":1},{"Id":2}]""")]
    [InlineData("not json")]
    public async Task MapNexudusWebhooks_BodyNotAnArrayOfOneRecord_Answers400(string body)
    {
        await using var world = await WebhookWorld.CreateAsync();
        await world.StartAsync(worker: false);

        using var response = await world.PostAsync("BookingCreate", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await world.Inbox.ReadWebhookEventsAsync(10));
    }

    [Theory]
    [InlineData("BlogPostCreate")]
    [InlineData("NoSuchAction")]
    public async Task MapNexudusWebhooks_ActionThatCannotChangeAccess_Answers202AndRecordsNothing(string action)
    {
        await using var world = await WebhookWorld.CreateAsync();
        await world.StartAsync(worker: false);

        using var response = await world.PostAsync(action, """[{"Id":1}]""");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Empty(await world.Inbox.ReadWebhookEventsAsync(10));
    }

    [Fact]
    public async Task MapNexudusWebhooks_BodyOverTheLimit_Answers413()
    {
        await using var world = await WebhookWorld.CreateAsync();
        await world.StartAsync(worker: false, configure: v => v["SaltoIntegration:Webhooks:MaxBodyBytes"] = "1024");

        using var response = await world.PostAsync("BookingCreate", "[{\"Id\":1,\"Notes\":\"" + new string('x', 2000) + "\"}]");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(await world.Inbox.ReadWebhookEventsAsync(10));
    }

    [Fact]
    public async Task MapNexudusWebhooks_CrashAfterTheAnswer_EventIsAppliedAfterRestart()
    {
        var path = Path.Combine(_directory, "state.db");
        await using var world = await WebhookWorld.CreateAsync(new SqliteSyncStateStore(new SqliteSyncStateStoreOptions { Path = path }));

        // The first process acknowledges the delivery and ends before anything applies it.
        await world.StartAsync(worker: false);
        var booking = world.Nexudus.Put(RoomBooking(world, "ada@example.com"));
        var body = $$"""[{"Id":{{booking.Id}},"CoworkerId":{{booking.CoworkerId}},"ResourceId":{{booking.ResourceId}}}]""";
        using (var response = await world.PostAsync("BookingCreate", body))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await world.StopAsync();

        // A new process over the same file finds the event and applies it.
        var restarted = new SqliteSyncStateStore(new SqliteSyncStateStoreOptions { Path = path });
        var pending = Assert.Single(await restarted.ReadWebhookEventsAsync(10));
        Assert.Equal([world.CustomerId("ada@example.com")], pending.CustomerIds);
        world.UseStore(restarted);
        await world.StartAsync();

        await WebhookWorld.EventuallyAsync(() => world.InGroupAsync("ada@example.com", WebhookWorld.RoomGroup), "Ada is in the room group");
        await WebhookWorld.EventuallyAsync(async () => (await restarted.ReadWebhookEventsAsync(10)).Count == 0, "the inbox is empty");
    }

    [Fact]
    public async Task MapNexudusWebhooks_DuplicateDeliveryWhileTheFirstWaits_IsAlreadyRecordedAndKeptOnce()
    {
        // No worker: nothing applies (and so removes) the first event, whatever the machine's speed.
        await using var world = await WebhookWorld.CreateAsync();
        await world.StartAsync(worker: false);
        var booking = world.Nexudus.Put(RoomBooking(world, "ada@example.com"));
        var body = $$"""[{"Id":{{booking.Id}},"CoworkerId":{{booking.CoworkerId}},"ResourceId":{{booking.ResourceId}}}]""";

        using var first = await world.PostAsync("BookingCreate", body);
        using var second = await world.PostAsync("BookingCreate", body);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("Recorded.", await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("Already recorded.", await second.Content.ReadAsStringAsync());
        Assert.Single(await world.Inbox.ReadWebhookEventsAsync(10));
    }

    [Fact]
    public async Task MapNexudusWebhooks_DuplicateDeliveryAfterTheFirstWasApplied_ChangesNothingInSalto()
    {
        // The inbox forgets an event once it is applied, so a late duplicate is recorded again; its run finds
        // nothing to change.
        await using var world = await StartedAsync();
        var booking = world.Nexudus.Put(RoomBooking(world, "ada@example.com"));
        var body = $$"""[{"Id":{{booking.Id}},"CoworkerId":{{booking.CoworkerId}},"ResourceId":{{booking.ResourceId}}}]""";
        world.Salto.Requests.Clear();

        using var first = await world.PostAsync("BookingCreate", body);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await WebhookWorld.EventuallyAsync(() => world.InGroupAsync("ada@example.com", WebhookWorld.RoomGroup), "Ada is in the room group");
        await WebhookWorld.EventuallyAsync(async () => (await world.Inbox.ReadWebhookEventsAsync(10)).Count == 0, "the inbox is empty");

        using var late = await world.PostAsync("BookingCreate", body);
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        await WebhookWorld.EventuallyAsync(async () => (await world.Inbox.ReadWebhookEventsAsync(10)).Count == 0, "the late duplicate was applied");

        Assert.Equal(1, world.Salto.Requests.GetCounters().Writes);
        Assert.True(await world.InGroupAsync("ada@example.com", WebhookWorld.RoomGroup));
    }

    [Fact]
    public async Task MapNexudusWebhooks_MassSuspension_IsHeldByTheRevocationGuard()
    {
        // Any removal is more than 10 % of the day group's five members: every suspension counts as a mass event.
        await using var world = await StartedAsync(v => v["SaltoIntegration:Safety:MaxRevocationPercent"] = "10");
        world.RegisterWebhooks(WebhookAction.CoworkerUpdate);
        world.Salto.Requests.Clear();

        foreach (var email in WebhookWorld.Emails.Take(4))
        {
            world.Nexudus.SuspendCustomer(world.CustomerId(email));
        }

        await world.Nexudus.WhenWebhooksDeliveredAsync();
        Assert.All(world.Nexudus.GetAll<Webhook>(), h => Assert.Equal(0, h.ErrorCount ?? 0));
        await WebhookWorld.EventuallyAsync(async () => (await world.Inbox.ReadWebhookEventsAsync(10)).Count == 0, "the inbox is empty");

        foreach (var email in WebhookWorld.Emails)
        {
            Assert.True(await world.InGroupAsync(email, WebhookWorld.DayGroup), $"{email} keeps the day group");
        }

        Assert.Equal(0, world.Salto.Requests.GetCounters().Writes);
    }

    [Fact]
    public async Task MapNexudusWebhooks_OneSuspension_RemovesOnlyThatCustomer()
    {
        await using var world = await StartedAsync();
        world.RegisterWebhooks(WebhookAction.CoworkerUpdate);

        world.Nexudus.SuspendCustomer(world.CustomerId("ada@example.com"));
        await world.Nexudus.WhenWebhooksDeliveredAsync();

        await WebhookWorld.EventuallyAsync(async () => !await world.InGroupAsync("ada@example.com", WebhookWorld.DayGroup), "Ada has left the day group");
        foreach (var email in WebhookWorld.Emails.Skip(1))
        {
            Assert.True(await world.InGroupAsync(email, WebhookWorld.DayGroup), $"{email} keeps the day group");
        }
    }

    [Fact]
    public async Task NexudusSandbox_EndpointFailsRepeatedly_RecordsTheErrorAndDisablesTheWebhook()
    {
        await using var world = await WebhookWorld.CreateAsync();
        await world.StartAsync(worker: false, configure: v => v["SaltoIntegration:Webhooks:SharedSecret"] = "another-secret");
        world.RegisterWebhooks(WebhookAction.CoworkerUpdate);
        var ada = world.Nexudus.Get<Coworker>(world.CustomerId("ada@example.com"))!;

        for (var i = 0; i < 5; i++)
        {
            var delivery = Assert.Single(await world.Nexudus.DeliverWebhookAsync(WebhookAction.CoworkerUpdate, ada));
            Assert.Equal(401, delivery.StatusCode);
        }

        var hook = Assert.Single(world.Nexudus.GetAll<Webhook>());
        Assert.Equal(5, hook.ErrorCount);
        Assert.False(hook.Active);
        Assert.Contains("401", hook.LastError, StringComparison.Ordinal);
        Assert.Empty(await world.Nexudus.DeliverWebhookAsync(WebhookAction.CoworkerUpdate, ada));
    }
}
