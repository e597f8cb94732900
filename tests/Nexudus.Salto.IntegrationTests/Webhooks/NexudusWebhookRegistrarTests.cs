using Microsoft.Extensions.DependencyInjection;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.Webhooks;

namespace Nexudus.Salto.IntegrationTests.Webhooks;

/// <summary>Registration of the integration's webhooks against the Nexudus sandbox, over HTTP.</summary>
public sealed class NexudusWebhookRegistrarTests : IAsyncLifetime
{
    private static readonly Uri PublicUrl = new("https://access.example.com/webhooks/nexudus");

    private WebhookWorld _world = null!;

    private long Central => _world.Seed.Location("Central").Id;

    private NexudusWebhookRegistrar Registrar => new(_world.App!.Services.GetRequiredService<INexudusClient>());

    public async Task InitializeAsync()
    {
        _world = await WebhookWorld.CreateAsync();
        await _world.StartAsync(worker: false);
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task EnsureAsync_NoWebhooks_CreatesOnePerActionAndARerunChangesNothing()
    {
        var first = await Registrar.EnsureAsync([Central], PublicUrl);

        Assert.Equal(NexudusWebhookRegistrar.Actions.Count, first.Count);
        Assert.All(first, r => Assert.Equal(WebhookRegistrationStatus.Created, r.Status));
        var hooks = _world.Nexudus.GetAll<Webhook>();
        Assert.Equal(NexudusWebhookRegistrar.Actions.Count, hooks.Count);
        var booking = Assert.Single(hooks, h => h.Action == WebhookAction.BookingCreate);
        Assert.Equal("https://access.example.com/webhooks/nexudus/BookingCreate", booking.Url);
        Assert.Equal(Central, booking.BusinessId);
        Assert.True(booking.Active);
        Assert.DoesNotContain(hooks, h => h.Action == WebhookAction.BlogPostCreate);

        var second = await Registrar.EnsureAsync([Central], PublicUrl);

        Assert.All(second, r => Assert.Equal(WebhookRegistrationStatus.Registered, r.Status));
        Assert.Equal(hooks.Select(h => h.Id).Order(), _world.Nexudus.GetAll<Webhook>().Select(h => h.Id).Order());
    }

    [Fact]
    public async Task EnsureAsync_DisabledMisdirectedAndDuplicated_AreFixedAndOtherToolsWebhooksLeftAlone()
    {
        await Registrar.EnsureAsync([Central], PublicUrl);
        var create = _world.Nexudus.GetAll<Webhook>().Single(h => h.Action == WebhookAction.BookingCreate);
        var update = _world.Nexudus.GetAll<Webhook>().Single(h => h.Action == WebhookAction.BookingUpdate);
        _world.Nexudus.Put(create with { Active = false, ErrorCount = 7, LastError = "The endpoint answered 500." });
        _world.Nexudus.Put(update with { Url = "https://old.example.com/hooks/BookingUpdate" });
        _world.Nexudus.Put(create with { Id = 0 });
        var foreign = _world.Nexudus.Put(new Webhook { BusinessId = Central, Name = "Other tool", Action = WebhookAction.BookingCreate, Url = "https://other.example.com/x", Active = true });

        var inspected = await Registrar.InspectAsync([Central], PublicUrl);

        Assert.Equal(WebhookRegistrationStatus.WrongUrl, inspected.Single(r => r.Action == WebhookAction.BookingUpdate).Status);
        Assert.Equal(WebhookRegistrationStatus.Registered, inspected.Single(r => r.Action == WebhookAction.BookingCreate).Status);

        var fixedUp = await Registrar.EnsureAsync([Central], PublicUrl);

        Assert.Equal(WebhookRegistrationStatus.Registered, fixedUp.Single(r => r.Action == WebhookAction.BookingCreate).Status);
        Assert.Equal(WebhookRegistrationStatus.Replaced, fixedUp.Single(r => r.Action == WebhookAction.BookingUpdate).Status);
        var hooks = _world.Nexudus.GetAll<Webhook>();
        Assert.Single(hooks, h => h.Action == WebhookAction.BookingCreate && h.Name!.StartsWith(NexudusWebhookRegistrar.NamePrefix, StringComparison.Ordinal));
        Assert.Single(hooks, h => h.Action == WebhookAction.BookingUpdate && h.Url == "https://access.example.com/webhooks/nexudus/BookingUpdate" && h.Active == true);
        Assert.Contains(hooks, h => h.Id == foreign.Id);
        Assert.All(await Registrar.InspectAsync([Central], PublicUrl), r => Assert.Equal(WebhookRegistrationStatus.Registered, r.Status));
    }

    [Fact]
    public async Task EnsureAsync_OnlyADisabledWebhook_ReplacesItAndInspectReportedIt()
    {
        await Registrar.EnsureAsync([Central], PublicUrl);
        var create = _world.Nexudus.GetAll<Webhook>().Single(h => h.Action == WebhookAction.BookingCreate);
        _world.Nexudus.Put(create with { Active = false, ErrorCount = 7, LastError = "The endpoint answered 500." });

        var inspected = (await Registrar.InspectAsync([Central], PublicUrl)).Single(r => r.Action == WebhookAction.BookingCreate);
        var ensured = (await Registrar.EnsureAsync([Central], PublicUrl)).Single(r => r.Action == WebhookAction.BookingCreate);

        Assert.Equal(WebhookRegistrationStatus.Disabled, inspected.Status);
        Assert.Equal(7, inspected.ErrorCount);
        Assert.Equal("The endpoint answered 500.", inspected.LastError);
        Assert.Equal(WebhookRegistrationStatus.Replaced, ensured.Status);
        Assert.True(_world.Nexudus.Get<Webhook>(ensured.WebhookId!.Value)!.Active);
        Assert.Null(_world.Nexudus.Get<Webhook>(create.Id));
    }
}
