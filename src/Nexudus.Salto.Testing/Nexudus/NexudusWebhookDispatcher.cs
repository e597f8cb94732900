using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Testing;

/// <summary>
/// Delivers webhooks as Nexudus does: a POST of a JSON array holding the one record, to the <c>URL</c> of every
/// active <see cref="WebHook"/> record with the action, signed with <c>X-Nexudus-Hook-Signature</c> (HMAC-SHA256 of
/// the raw body, upper-case hex) when a secret is set. A non-2xx answer (or none) is stored in <c>LastError</c> and
/// counts in <c>ErrorCount</c>; after <see cref="NexudusSandboxOptions.WebhookFailuresBeforeDisable"/> failures the
/// webhook is disabled (<c>Active = false</c>).
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
        var hooks = _store.All<WebHook>().Where(h => h.Action == action && h.Active == true && !string.IsNullOrWhiteSpace(h.Url)).ToList();
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
            results.Add(new NexudusWebhookDelivery { WebHookId = hook.Id, Action = action, Url = hook.Url!, StatusCode = status, Error = error });
        }

        return results;
    }

    private void Record(long hookId, string? error) =>
        _store.Locked(store =>
        {
            if (store.Get<WebHook>(hookId) is not { } current)
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
