using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Webhooks;

/// <summary>
/// Makes sure every Nexudus webhook the integration needs exists, per linked location: one per action that can change
/// door access, pointing at <c>{PublicUrl}/{action}</c> (the endpoint <c>MapNexudusWebhooks</c> serves).
/// </summary>
/// <remarks>
/// <para>
/// The integration's webhooks are those named <c>Nexudus.Salto {action}</c>; webhooks other tools registered are never
/// touched. <see cref="EnsureAsync"/> is idempotent: a rerun creates nothing new; a webhook pointing at another URL or
/// disabled by Nexudus (after repeated failures) is replaced, since the API cannot update it in place through this
/// client; duplicates are removed. <see cref="InspectAsync"/> only reads.
/// </para>
/// <para>
/// Cost: two reads per location, and one write per webhook created or removed (Nexudus allows 60 writes a minute).
/// </para>
/// </remarks>
public sealed class NexudusWebhookRegistrar
{
    /// <summary>The name prefix of the integration's webhooks.</summary>
    public const string NamePrefix = "Nexudus.Salto ";

    private readonly INexudusClient _client;

    /// <summary>Initializes a new instance of the <see cref="NexudusWebhookRegistrar"/> class.</summary>
    /// <param name="client">The Nexudus client.</param>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is <see langword="null"/>.</exception>
    public NexudusWebhookRegistrar(INexudusClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    /// <summary>Gets the actions that can change door access: one webhook each per location.</summary>
    /// <value>The actions, in number order.</value>
    public static IReadOnlyList<WebhookAction> Actions => WebhookEventFactory.AccessActions;

    /// <summary>The URL a webhook for <paramref name="action"/> points at.</summary>
    /// <param name="publicUrl">The endpoint's public address (the prefix of <c>MapNexudusWebhooks</c>).</param>
    /// <param name="action">The action.</param>
    /// <returns><c>{publicUrl}/{action}</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="publicUrl"/> is <see langword="null"/>.</exception>
    public static Uri UrlFor(Uri publicUrl, WebhookAction action)
    {
        ArgumentNullException.ThrowIfNull(publicUrl);
        return new Uri(publicUrl.AbsoluteUri.TrimEnd('/') + "/" + action);
    }

    /// <summary>Reports the state of every needed webhook, without changing anything.</summary>
    /// <param name="businessIds">The linked locations.</param>
    /// <param name="publicUrl">The endpoint's public address.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>One entry per location and action.</returns>
    /// <exception cref="NexudusApiException">Nexudus could not be read.</exception>
    public async Task<IReadOnlyList<WebhookRegistration>> InspectAsync(IEnumerable<long> businessIds, Uri publicUrl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(businessIds);
        ArgumentNullException.ThrowIfNull(publicUrl);
        var result = new List<WebhookRegistration>();
        foreach (var business in businessIds.Distinct().Order())
        {
            var existing = await ReadAsync(business, cancellationToken).ConfigureAwait(false);
            foreach (var action in Actions)
            {
                var (best, _) = Pick(existing, action, UrlFor(publicUrl, action));
                result.Add(Describe(business, action, UrlFor(publicUrl, action), best));
            }
        }

        return result;
    }

    /// <summary>Creates what is missing and replaces what is disabled or misdirected, idempotently.</summary>
    /// <param name="businessIds">The linked locations.</param>
    /// <param name="publicUrl">The endpoint's public address.</param>
    /// <param name="cancellationToken">Cancels between calls.</param>
    /// <returns>One entry per location and action, with what was done.</returns>
    /// <exception cref="NexudusApiException">A read or write failed; what was done before it stays done.</exception>
    public async Task<IReadOnlyList<WebhookRegistration>> EnsureAsync(IEnumerable<long> businessIds, Uri publicUrl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(businessIds);
        ArgumentNullException.ThrowIfNull(publicUrl);
        var result = new List<WebhookRegistration>();
        foreach (var business in businessIds.Distinct().Order())
        {
            var existing = await ReadAsync(business, cancellationToken).ConfigureAwait(false);
            foreach (var action in Actions)
            {
                var url = UrlFor(publicUrl, action);
                var (best, extra) = Pick(existing, action, url);
                var found = Describe(business, action, url, best);
                var stale = extra.ToList();
                if (found.Status != WebhookRegistrationStatus.Registered && best is not null)
                {
                    stale.Add(best);
                }

                foreach (var hook in stale)
                {
                    await _client.DeleteWebhookAsync(hook.Id, cancellationToken).ConfigureAwait(false);
                }

                if (found.Status == WebhookRegistrationStatus.Registered)
                {
                    result.Add(found);
                    continue;
                }

                var id = await _client.CreateWebhookAsync(
                    new Webhook
                    {
                        BusinessId = business,
                        Name = NamePrefix + action,
                        Action = action,
                        Url = url.AbsoluteUri,
                        Active = true,
                        Description = "Door access sync (Nexudus.Salto): applies the change to SALTO KS within seconds.",
                    },
                    cancellationToken).ConfigureAwait(false);
                result.Add(found with
                {
                    Status = best is null ? WebhookRegistrationStatus.Created : WebhookRegistrationStatus.Replaced,
                    WebhookId = id,
                    ErrorCount = 0,
                    LastError = null,
                });
            }
        }

        return result;
    }

    private async Task<List<Webhook>> ReadAsync(long business, CancellationToken cancellationToken)
    {
        // Listings may hold partial records: the full ones (URL, Active, ErrorCount) by batch get.
        var ids = new List<long>();
        await foreach (var hook in _client.ListWebhooksAsync(new WebhookQuery { BusinessId = business }, cancellationToken).ConfigureAwait(false))
        {
            ids.Add(hook.Id);
        }

        var full = ids.Count == 0 ? [] : await _client.GetWebhooksAsync(ids, cancellationToken).ConfigureAwait(false);
        return [.. full.Where(h => h.BusinessId is null || h.BusinessId == business)
            .Where(h => h.Name?.StartsWith(NamePrefix, StringComparison.Ordinal) == true)
            .OrderBy(h => h.Id)];
    }

    /// <summary>The integration's best webhook for the action (active and at the URL first), and the others (duplicates).</summary>
    private static (Webhook? Best, IEnumerable<Webhook> Extra) Pick(List<Webhook> existing, WebhookAction action, Uri url)
    {
        var mine = existing.Where(h => h.Action == action)
            .OrderByDescending(h => SameUrl(h.Url, url) && h.Active == true)
            .ThenByDescending(h => SameUrl(h.Url, url))
            .ThenBy(h => h.Id)
            .ToList();
        return (mine.FirstOrDefault(), mine.Skip(1));
    }

    private static WebhookRegistration Describe(long business, WebhookAction action, Uri url, Webhook? hook) => new()
    {
        BusinessId = business,
        Action = action,
        Url = url,
        Status = hook is null ? WebhookRegistrationStatus.Missing
            : !SameUrl(hook.Url, url) ? WebhookRegistrationStatus.WrongUrl
            : hook.Active != true ? WebhookRegistrationStatus.Disabled
            : WebhookRegistrationStatus.Registered,
        WebhookId = hook?.Id,
        ErrorCount = hook?.ErrorCount,
        LastError = hook?.LastError,
    };

    private static bool SameUrl(string? actual, Uri expected) =>
        Uri.TryCreate(actual?.Trim(), UriKind.Absolute, out var parsed) && Uri.Compare(parsed, expected, UriComponents.AbsoluteUri, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) == 0;
}
