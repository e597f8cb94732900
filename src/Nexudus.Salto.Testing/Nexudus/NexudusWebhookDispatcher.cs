using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Testing;

/// <summary>
/// Delivers webhooks as Nexudus does: a POST of a JSON array holding the one record, to the <c>URL</c> of every
/// active <see cref="Webhook"/> record with the action, signed with <c>X-Nexudus-Hook-Signature</c> (HMAC-SHA256 of
/// the raw body, upper-case hex) when a secret is set. A non-2xx answer (or none) is stored in <c>LastError</c> and
/// counts in <c>ErrorCount</c>; after <see cref="NexudusSandboxOptions.WebhookFailuresBeforeDisable"/> failures the
/// webhook is disabled (<c>Active = false</c>). A webhook record belongs to one location (<c>BusinessId</c>): it gets
/// the changes of records at that location, and those of records that name no location.
/// </summary>
internal sealed class NexudusWebhookDispatcher : IDisposable
{
    private readonly NexudusStore _store;
    private readonly NexudusWire _wire;
    private readonly NexudusSandboxOptions _options;
    private readonly HttpMessageInvoker _http;
    private readonly Lock _gate = new();
    private readonly List<Task> _pending = [];

    public NexudusWebhookDispatcher(NexudusStore store, NexudusWire wire, NexudusSandboxOptions options)
    {
        _store = store;
        _wire = wire;
        _options = options;
        _http = new HttpMessageInvoker(new SocketsHttpHandler { UseProxy = false, ConnectTimeout = options.WebhookTimeout }, disposeHandler: true);
    }

    /// <summary>Starts the deliveries of a change in the background; <see cref="WhenDeliveredAsync"/> awaits them.</summary>
    public void Raise(WebhookAction? action, NexudusEntity record)
    {
        if (action is not { } a || !_options.DeliverWebhooks)
        {
            return;
        }

        var delivery = Task.Run(() => DeliverAsync(a, record, CancellationToken.None));
        lock (_gate)
        {
            _pending.RemoveAll(t => t.IsCompleted);
            _pending.Add(delivery);
        }
    }

    public async Task WhenDeliveredAsync()
    {
        while (true)
        {
            Task[] pending;
            lock (_gate)
            {
                pending = [.. _pending];
                _pending.Clear();
            }

            if (pending.Length == 0)
            {
                return;
            }

            await Task.WhenAll(pending).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<NexudusWebhookDelivery>> DeliverAsync(WebhookAction action, NexudusEntity record, CancellationToken cancellationToken)
    {
        var kind = NexudusEntityKind.For(record.GetType());
        var body = Encoding.UTF8.GetBytes(new JsonArray(_wire.ToWire(kind, record)).ToJsonString());
        var businesses = BusinessesOf(record);
        var hooks = _store.All<Webhook>()
            .Where(h => h.Action == action && h.Active == true && !string.IsNullOrWhiteSpace(h.Url))
            .Where(h => businesses.Count == 0 || h.BusinessId is not { } business || businesses.Contains(business))
            .ToList();
        var results = new List<NexudusWebhookDelivery>();
        foreach (var hook in hooks)
        {
            int? status = null;
            string? error;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, hook.Url) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                if (!string.IsNullOrEmpty(_options.WebhookSecret))
                {
                    request.Headers.TryAddWithoutValidation("X-Nexudus-Hook-Signature", Convert.ToHexString(HMACSHA256.HashData(Encoding.ASCII.GetBytes(_options.WebhookSecret), body)));
                }

                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(_options.WebhookTimeout);
                using var response = await _http.SendAsync(request, timeout.Token).ConfigureAwait(false);
                status = (int)response.StatusCode;
                error = response.IsSuccessStatusCode ? null : string.Create(CultureInfo.InvariantCulture, $"The endpoint answered {status}.");
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                error = $"The endpoint could not be reached: {ex.GetType().Name}.";
            }

            Record(hook.Id, error);
            results.Add(new NexudusWebhookDelivery { WebhookId = hook.Id, Action = action, Url = hook.Url!, StatusCode = status, Error = error });
        }

        return results;
    }

    /// <summary>
    /// The locations a record belongs to, as a webhook record belongs to one: a booking's resource (or desk), a
    /// customer's locations, a contract's plan (or desks), a team's, desk's, plan's, check-in's or invoice's own. Empty when
    /// the record names none: every webhook with the action gets it.
    /// </summary>
    private HashSet<long> BusinessesOf(NexudusEntity record)
    {
        IEnumerable<long?> ids = record switch
        {
            Booking b => [_store.Get<Resource>(b.ResourceId ?? 0)?.BusinessId, _store.Get<FloorPlanDesk>(b.FloorPlanDeskId ?? 0)?.FloorPlanBusinessId],
            Coworker c => [.. (c.Businesses ?? []).Select(id => (long?)id), c.InvoicingBusinessId],
            CoworkerContract c => [_store.Get<Tariff>(c.TariffId ?? 0)?.BusinessId, .. (c.Desks ?? []).Select(d => _store.Get<FloorPlanDesk>(d)?.FloorPlanBusinessId)],
            Team t => [t.BusinessId],
            FloorPlanDesk d => [d.FloorPlanBusinessId],
            Tariff t => [t.BusinessId],
            CheckIn c => [c.BusinessId],
            CoworkerInvoice i => [i.BusinessId],
            _ => [],
        };
        return [.. ids.Where(id => id is > 0).Select(id => id!.Value)];
    }

    /// <summary>The action Nexudus fires for a change of a record, when it has one.</summary>
    public static WebhookAction? ActionOf(NexudusEntity record, NexudusChange change) => (record, change) switch
    {
        (Booking, NexudusChange.Create) => WebhookAction.BookingCreate,
        (Booking, NexudusChange.Update) => WebhookAction.BookingUpdate,
        (Booking, NexudusChange.Delete) => WebhookAction.BookingDelete,
        (Coworker, NexudusChange.Create) => WebhookAction.CoworkerCreate,
        (Coworker, NexudusChange.Update) => WebhookAction.CoworkerUpdate,
        (Coworker, NexudusChange.Delete) => WebhookAction.CoworkerDelete,
        (CoworkerContract, NexudusChange.Create) => WebhookAction.CoworkerContractCreate,
        (CoworkerContract, NexudusChange.Update) => WebhookAction.CoworkerContractUpdate,
        (CoworkerContract, NexudusChange.Delete) => WebhookAction.CoworkerContractDelete,
        (Team, NexudusChange.Create) => WebhookAction.TeamCreated,
        (Team, NexudusChange.Update) => WebhookAction.TeamUpdated,
        (Team, NexudusChange.Delete) => WebhookAction.TeamDeleted,
        (FloorPlanDesk, NexudusChange.Create) => WebhookAction.FloorPlanDeskCreate,
        (FloorPlanDesk, NexudusChange.Update) => WebhookAction.FloorPlanDeskUpdate,
        (FloorPlanDesk, NexudusChange.Delete) => WebhookAction.FloorPlanDeskDelete,
        (Tariff, NexudusChange.Create) => WebhookAction.TariffCreate,
        (Tariff, NexudusChange.Update) => WebhookAction.TariffUpdate,
        (Tariff, NexudusChange.Delete) => WebhookAction.TariffDelete,
        (CoworkerInvoice, NexudusChange.Update) => WebhookAction.CoworkerInvoiceUpdate,
        _ => null,
    };

    private void Record(long hookId, string? error) =>
        _store.Locked(store =>
        {
            if (store.Get<Webhook>(hookId) is not { } current)
            {
                return 0;
            }

            var now = _options.TimeProvider.GetUtcNow();
            var failures = (current.ErrorCount ?? 0) + (error is null ? 0 : 1);
            store.Put(current with
            {
                LastTrigger = now,
                LastError = error ?? current.LastError,
                ErrorCount = failures,
                Active = error is not null && failures >= _options.WebhookFailuresBeforeDisable ? false : current.Active,
            });
            return 0;
        });

    public void Dispose() => _http.Dispose();
}

/// <summary>How a record changed, for the webhook it fires.</summary>
internal enum NexudusChange
{
    /// <summary>Created.</summary>
    Create,

    /// <summary>Updated.</summary>
    Update,

    /// <summary>Deleted (or, for a booking, cancelled).</summary>
    Delete,
}
