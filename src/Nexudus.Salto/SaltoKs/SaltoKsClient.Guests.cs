using System.Text.Json;

namespace Nexudus.Salto.SaltoKs;

// Guest users and PINs: POST …/guests and PUT …/users/{id}/pin (docs/api-evidence.md, "Guests and PINs").
public partial class SaltoKsClient
{
    /// <inheritdoc/>
    public virtual async Task<SiteUser> CreateGuestAsync(string siteId, GuestCreateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Alias, nameof(request));
        SaltoKsRoute route = SiteRoute(Versions.Guests, siteId).Literal("guests");

        // Not retried: a guest has no e-mail to find it by, so a second POST could create a second guest holding a seat.
        using HttpResponseMessage response = await SendAsync(
            HttpMethod.Post, route, Json(request, SaltoKsJsonContext.Default.GuestCreateRequest), retryable: false, cancellationToken: cancellationToken).ConfigureAwait(false);
        SiteUser created = await ReadAsync(response, route, SaltoKsJsonContext.Default.SiteUser, cancellationToken).ConfigureAwait(false);
        _postCreate.Created(created);
        SaltoKsLog.SiteUserCreated(_logger, created.Id, created.User?.Id, siteId);
        return created;
    }

    /// <inheritdoc/>
    public virtual Task<string> IssuePinAsync(string siteId, SiteUserId siteUserId, DateTimeOffset? expiryDate = null, CancellationToken cancellationToken = default)
    {
        SaltoKsRoute route = SiteUserRoute(Versions.SiteUserPin, siteId, siteUserId).Literal("pin");
        var body = new PinIssueRequest { ExpiryDate = expiryDate };
        return _postCreate.RunAsync(
            _postCreate.CreatedAt(siteUserId),
            "PUT " + route.Path,
            async ct =>
            {
                // Not retried by the pipeline: each PUT issues a new PIN. (The post-create window retries only answers
                // SALTO KS gives before it knows the user, which issue no PIN.)
                using HttpResponseMessage response = await SendAsync(
                    HttpMethod.Put, route, Json(body, SaltoKsJsonContext.Default.PinIssueRequest), retryable: false, cancellationToken: ct).ConfigureAwait(false);
                return await ReadPinAsync(response, route, ct).ConfigureAwait(false);
            },
            cancellationToken);
    }

    // The answer is a bare JSON string (e.g. "525149"). An answer that is not one is reported without its body, which
    // may hold the PIN.
    private static async Task<string> ReadPinAsync(HttpResponseMessage response, SaltoKsRoute route, CancellationToken cancellationToken)
    {
        byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        string? pin = null;
        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            pin = document.RootElement.ValueKind switch
            {
                JsonValueKind.String => document.RootElement.GetString(),
                JsonValueKind.Number => document.RootElement.GetRawText(),
                _ => null,
            };
        }
        catch (JsonException)
        {
            // Reported below, without the body.
        }

        if (string.IsNullOrWhiteSpace(pin))
        {
            throw new SaltoKsApiException(
                $"SALTO KS answered {(int)response.StatusCode} to PUT {route.Path} with a body that is not a PIN (a JSON string); the body is left out because it may hold one.",
                (int)response.StatusCode,
                errorCode: null,
                serviceMessage: null,
                bodyExcerpt: null);
        }

        return pin;
    }
}
