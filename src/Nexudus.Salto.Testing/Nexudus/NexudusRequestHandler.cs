using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Testing;

/// <summary>
/// Serves one request the way the Nexudus admin REST API does (API notes §2–§3): rate limits,
/// authentication, and the entity routes of §3.1. Faults and the request log are applied around it
/// by the shared <see cref="SandboxTraffic"/> middleware.
/// </summary>
internal sealed class NexudusRequestHandler
{
    private const string TokenPath = "/api/token";

    private readonly NexudusSandboxOptions _options;
    private readonly NexudusStore _store;
    private readonly NexudusWire _wire;
    private readonly NexudusTokenAuthority _tokens;
    private readonly NexudusRateLimiter _limiter;
    private readonly NexudusCheckInRules _checkins;
    private readonly ILogger _logger;
    private readonly NexudusWebhookDispatcher? _webhooks;
    private readonly Lock _throttleGate = new();
    private readonly Lock _wireCacheGate = new();
    private DateTimeOffset? _throttledUntil;
    private readonly Dictionary<Type, (long Version, Task<List<JsonObject>> Build)> _wireCache = [];

    public NexudusRequestHandler(
        NexudusSandboxOptions options,
        NexudusStore store,
        NexudusWire wire,
        NexudusTokenAuthority tokens,
        ILogger logger,
        NexudusWebhookDispatcher? webhooks = null)
    {
        _webhooks = webhooks;
        _options = options;
        _store = store;
        _wire = wire;
        _tokens = tokens;
        _limiter = new NexudusRateLimiter(options.RateLimits, options.TimeProvider);
        _checkins = new NexudusCheckInRules(store, wire);
        _logger = logger;
    }

    /// <summary>Whether a request writes to the emulated API: POST, PUT, PATCH or DELETE, except token requests.</summary>
    public static bool IsWrite(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var method = context.Request.Method;
        return (HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method)) &&
               !IsTokenPath(context.Request.Path.Value ?? "/");
    }

    /// <summary>Maps the token endpoint and every entity's collection and record routes, so the request log can name them.</summary>
    public void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.Map(TokenPath, HandleAsync);
        foreach (var kind in NexudusEntityKind.All)
        {
            endpoints.Map(kind.Path, HandleAsync);
            endpoints.Map(kind.Path + "/{id}", HandleAsync);
        }

        // Unknown paths still need authentication first, then a JSON 404, like the service.
        endpoints.MapFallback(HandleAsync);
    }

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var method = request.Method.ToUpperInvariant();
        var path = request.Path.Value is { Length: > 0 } p ? p : "/";
        var route = Route.Resolve(method, path, request.Query);

        NexudusResponse response;
        if (BlockedFor(SandboxTraffic.ArrivedAt(context) ?? _options.TimeProvider.GetUtcNow()) is { } remaining)
        {
            // While the account is throttled, every call of it is refused with the time left.
            context.Items[BlockedKey] = true;
            NexudusSandboxLog.Throttled(_logger, method, path, remaining);
            response = NexudusResponse.Throttle(remaining);
        }
        else if (_limiter.TryAdmit(IsWrite(context), SandboxTraffic.ArrivedAt(context)) is { } wait)
        {
            NexudusSandboxLog.Throttled(_logger, method, path, wait);
            response = NexudusResponse.Throttle(wait);
        }
        else
        {
            response = await DispatchAsync(context, route).ConfigureAwait(false);
        }

        var http = context.Response;
        http.StatusCode = response.StatusCode;
        http.ContentType = response.ContentType;
        foreach (var (name, value) in response.Headers)
        {
            http.Headers.Append(name, value);
        }

        http.ContentLength = response.Body.Length;
        await http.Body.WriteAsync(response.Body, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>
    /// Middleware around the fault injection: after a throttling answer (409 or 429 with <c>Retry-After</c>, from the
    /// rate limits or from a fault), the whole account stays throttled for the announced wait when
    /// <see cref="NexudusSandboxOptions.ThrottleBlocksAllCalls"/> is on.
    /// </summary>
    public async Task ObserveThrottlingAsync(HttpContext context, RequestDelegate next)
    {
        await next(context).ConfigureAwait(false);
        var response = context.Response;
        if (!_options.ThrottleBlocksAllCalls || response.StatusCode is not (409 or 429) || context.Items.ContainsKey(BlockedKey) ||
            !long.TryParse(response.Headers.RetryAfter.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0)
        {
            return;
        }

        var until = (SandboxTraffic.ArrivedAt(context) ?? _options.TimeProvider.GetUtcNow()) + TimeSpan.FromSeconds(seconds);
        lock (_throttleGate)
        {
            if (_throttledUntil is not { } current || until > current)
            {
                _throttledUntil = until;
            }
        }
    }

    private static readonly object BlockedKey = new();

    private TimeSpan? BlockedFor(DateTimeOffset arrived)
    {
        lock (_throttleGate)
        {
            return _throttledUntil is { } until && until > arrived ? until - arrived : null;
        }
    }

    private static bool IsTokenPath(string path) =>
        string.Equals(path.Length > 1 ? path.TrimEnd('/') : path, TokenPath, StringComparison.OrdinalIgnoreCase);

    private async Task<NexudusResponse> DispatchAsync(HttpContext context, Route route)
    {
        if (route.IsToken)
        {
            return route.Method == "POST"
                ? await TokenAsync(context.Request).ConfigureAwait(false)
                : MethodNotAllowed(route.Method);
        }

        if (!IsAuthenticated(context.Request))
        {
            return Unauthorized(context.Request);
        }

        if (route.Kind is not { } kind)
        {
            return NexudusResponse.Message(404, $"No HTTP resource was found that matches the request URI '{route.Path}'.");
        }

        if (route.MalformedBatch)
        {
            return NexudusResponse.Message(400, "The id parameter must be a list of ids in square brackets, for example [1,2,3].");
        }

        return (route.Method, route.Id, route.BatchIds) switch
        {
            ("GET", null, { } ids) => Batch(kind, ids),
            ("GET", null, null) => await ListAsync(kind, context.Request.Query).ConfigureAwait(false),
            ("GET", { } id, _) => GetOne(kind, id),
            ("POST", null, _) when kind.Allows(NexudusOperations.Create) => await CreateAsync(kind, context.Request).ConfigureAwait(false),
            ("PUT", null, _) when kind.Allows(NexudusOperations.Update) => await UpdateAsync(kind, context.Request).ConfigureAwait(false),
            ("DELETE", { } id, _) when kind.Allows(NexudusOperations.Delete) => Delete(kind, id),
            _ => MethodNotAllowed(route.Method),
        };
    }

    private static NexudusResponse MethodNotAllowed(string method) =>
        NexudusResponse.Message(405, $"The requested resource does not support http method '{method}'.");

    // ----- Authentication (§2) -----

    private async Task<NexudusResponse> TokenAsync(HttpRequest request)
    {
        // The documented pitfall: only a form-encoded body works; JSON fails with unsupported_grant_type.
        if (!request.HasFormContentType)
        {
            return TokenError("unsupported_grant_type", "The body must be application/x-www-form-urlencoded.");
        }

        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
        var clientId = ClientId(request, form);
        switch (form["grant_type"].ToString())
        {
            case "password":
                var username = form["username"].ToString();
                if (!string.Equals(username, _options.Username, StringComparison.OrdinalIgnoreCase) ||
                    !FixedTimeEquals(form["password"].ToString(), _options.Password))
                {
                    return TokenError("invalid_grant", "The user name or password is incorrect.");
                }

                if (_options.TotpCode is { } totp && !FixedTimeEquals(form["totp"].ToString(), totp))
                {
                    return TokenError("invalid_grant", "The two-factor authentication code is missing or incorrect.");
                }

                return TokenIssued(_tokens.Issue(clientId ?? _options.Username.ToUpperInvariant()));

            case "refresh_token":
                var refreshToken = form["refresh_token"].ToString();
                return refreshToken.Length > 0 && _tokens.TryRedeem(refreshToken, clientId, out var client)
                    ? TokenIssued(_tokens.Issue(client))
                    : TokenError("invalid_grant", "The refresh token is invalid or has expired.");

            default:
                return TokenError("unsupported_grant_type", "The grant type is not supported.");
        }
    }

    private string? ClientId(HttpRequest request, IFormCollection form)
    {
        if (_options.ClientIdSources.HasFlag(NexudusClientIdSources.FormField) && form["client_id"].ToString() is { Length: > 0 } fromForm)
        {
            return fromForm;
        }

        return _options.ClientIdSources.HasFlag(NexudusClientIdSources.Header) &&
               request.Headers["client_id"].ToString() is { Length: > 0 } fromHeader
            ? fromHeader
            : null;
    }

    private NexudusResponse TokenError(string error, string description)
    {
        NexudusSandboxLog.TokenRefused(_logger, error);
        return NexudusResponse.FromJson(400, new JsonObject { ["error"] = error, ["error_description"] = description });
    }

    private static NexudusResponse TokenIssued((string AccessToken, string RefreshToken, long ExpiresIn) issued)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(
            new NexudusTokenResponse
            {
                AccessToken = issued.AccessToken,
                TokenType = "bearer",
                ExpiresIn = issued.ExpiresIn,
                RefreshToken = issued.RefreshToken,
            },
            NexudusJsonContext.Default.NexudusTokenResponse);
        return new NexudusResponse(200, NexudusResponse.Json, body) { Headers = [new("Cache-Control", "no-store")] };
    }

    private bool IsAuthenticated(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var header) || header.Parameter is null)
        {
            return false;
        }

        if (string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return _tokens.IsValidAccessToken(header.Parameter);
        }

        if (!_options.AcceptBasicAuthentication || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 &&
               string.Equals(decoded[..colon], _options.Username, StringComparison.OrdinalIgnoreCase) &&
               FixedTimeEquals(decoded[(colon + 1)..], _options.Password);
    }

    private NexudusResponse Unauthorized(HttpRequest request)
    {
        var wantsJson = request.Headers.Accept.ToString().Contains("json", StringComparison.OrdinalIgnoreCase);
        var response = _options.HtmlUnauthorizedWithoutJsonAccept && !wantsJson
            ? NexudusResponse.Html(401, "401 - Unauthorized", "You do not have permission to view this directory or page using the credentials that you supplied.")
            : NexudusResponse.Message(401, "Authorization has been denied for this request.");
        return response with { Headers = [new("WWW-Authenticate", "Bearer"), new("WWW-Authenticate", "Basic")] };
    }

    private static bool FixedTimeEquals(string given, string expected) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));

    // ----- Reads (§3.1, §3.2, §3.5) -----

    private async Task<NexudusResponse> ListAsync(NexudusEntityKind kind, IQueryCollection query)
    {
        if (NexudusListQuery.Parse(kind, query, _options, out var error) is not { } listQuery)
        {
            return NexudusResponse.Message(400, error!);
        }

        var envelope = listQuery.ToEnvelope(await WireRecordsAsync(kind).ConfigureAwait(false));
        foreach (var record in envelope["Records"]!.AsArray())
        {
            StripCollections(record!.AsObject());
        }

        return NexudusResponse.FromJson(200, envelope);
    }

    /// <summary>
    /// Every record of a kind in its wire form, kept until the store changes: a paged read of a large list would
    /// otherwise convert every record again for each page. The forms are fully built before they are shared, so
    /// concurrent requests only read them.
    /// </summary>
    private Task<List<JsonObject>> WireRecordsAsync(NexudusEntityKind kind)
    {
        var (records, version) = _store.AllWithVersion(kind.ClrType);
        lock (_wireCacheGate)
        {
            // A build of this version (or a later one) already started is shared, and awaited without blocking a thread.
            if (_wireCache.TryGetValue(kind.ClrType, out var cached) && cached.Version >= version && !cached.Build.IsFaulted)
            {
                return cached.Build;
            }

            var build = Task.Run(() =>
            {
                var wires = new List<JsonObject>(records.Count);
                foreach (var record in records)
                {
                    var wire = _wire.ToWire(kind, record);
                    Materialize(wire);
                    wires.Add(wire);
                }

                return wires;
            });
            _wireCache[kind.ClrType] = (version, build);
            return build;
        }
    }

    /// <summary>Builds a node's whole tree now (nodes read from JSON build their children lazily, which is not thread-safe).</summary>
    private static void Materialize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var property in obj)
                {
                    Materialize(property.Value);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Materialize(item);
                }

                break;
        }
    }

    /// <summary>List records are partial: collection properties (<c>Teams</c>, <c>Desks</c>, …) are left out (§3.5).</summary>
    private static void StripCollections(JsonObject record)
    {
        foreach (var name in record.Where(p => p.Value is JsonArray).Select(p => p.Key).ToList())
        {
            record.Remove(name);
        }
    }

    private NexudusResponse Batch(NexudusEntityKind kind, IReadOnlyList<long> ids)
    {
        var array = new JsonArray();
        foreach (var id in ids.Distinct())
        {
            if (_store.Get(kind.ClrType, id) is { } record)
            {
                array.Add(_wire.ToWire(kind, record));
            }
        }

        return NexudusResponse.FromJson(200, array);
    }

    private NexudusResponse GetOne(NexudusEntityKind kind, long id) =>
        _store.Get(kind.ClrType, id) is { } record
            ? NexudusResponse.FromJson(200, _wire.ToWire(kind, record))
            : NotFound(kind, id);

    private static NexudusResponse NotFound(NexudusEntityKind kind, long id) =>
        NexudusResponse.Message(404, $"{kind.Name} {id.ToString(CultureInfo.InvariantCulture)} was not found.");

    // ----- Writes (§3.7, §3.8) -----

    private async Task<NexudusResponse> CreateAsync(NexudusEntityKind kind, HttpRequest request)
    {
        var (body, invalid) = await ReadBodyAsync(request).ConfigureAwait(false);
        if (invalid is not null)
        {
            return invalid;
        }

        body!.Remove("Id");
        if (Validate(kind, body) is { } failed)
        {
            return failed;
        }

        NexudusEntity record;
        try
        {
            record = _wire.FromWire(kind, body);
        }
        catch (JsonException exception)
        {
            return InvalidBody(exception);
        }

        if (record is BookingVisitor guest)
        {
            // Nexudus links a booking guest to a real visitor and to a booking made by a customer.
            var visitor = _store.Get<Visitor>(guest.VisitorId ?? 0);
            var booking = _store.Get<Booking>(guest.BookingId ?? 0);
            if (visitor is null || booking is null || booking.CoworkerId is null)
            {
                return ValidationFailed([
                    visitor is null
                        ? ("VisitorId", body["VisitorId"], "The visitor was not found.")
                        : ("BookingId", body["BookingId"], "Visitors can only be added to bookings made by a customer."),
                ]);
            }

            record = guest with { VisitorFullName = visitor.FullName, VisitorEmail = visitor.Email };
        }

        if (record is CheckIn checkIn)
        {
            var outcome = _checkins.Admit(checkIn, _options.RequirePassOrContractForCheckIn, _options.OpenCheckInsOnlyToday ? _options.TimeProvider.GetUtcNow() : null);
            if (outcome.Failure is { } failure)
            {
                return failure;
            }

            record = outcome.CheckIn!;
        }

        var stored = _store.Put(record);
        if (stored is CheckIn created)
        {
            _checkins.Opened(created);
        }

        // A write through the API fires the location's webhooks, as one in the dashboard does.
        _webhooks?.Raise(NexudusWebhookDispatcher.ActionOf(stored, NexudusChange.Create), stored);

        return WriteSucceeded(kind, stored, "created", _wire.ToWire(kind, stored));
    }

    private async Task<NexudusResponse> UpdateAsync(NexudusEntityKind kind, HttpRequest request)
    {
        var (body, invalid) = await ReadBodyAsync(request).ConfigureAwait(false);
        if (invalid is not null)
        {
            return invalid;
        }

        if (NexudusWire.ReadLong(body!["Id"]) is not { } id || id == 0)
        {
            return ValidationFailed([("Id", body!["Id"], "The Id field is required.")]);
        }

        if (_store.Get(kind.ClrType, id) is not { } existing)
        {
            return WriteFailed(404, NotFoundMessage(kind, id));
        }

        if (Validate(kind, body) is { } failed)
        {
            return failed;
        }

        NexudusEntity record;
        try
        {
            record = _wire.FromWire(kind, body);
        }
        catch (JsonException exception)
        {
            return InvalidBody(exception);
        }

        // PUT replaces the record: whatever the body leaves out is cleared (§3.8). Only the
        // identity fields survive.
        var stored = _store.Put(record with { UniqueId = existing.UniqueId, CreatedOn = existing.CreatedOn });
        if (existing is CheckIn before && stored is CheckIn after)
        {
            _checkins.Updated(before, after);
        }

        _webhooks?.Raise(NexudusWebhookDispatcher.ActionOf(stored, NexudusChange.Update), stored);

        return WriteSucceeded(kind, stored, "updated", new JsonObject { ["Id"] = stored.Id });
    }

    private NexudusResponse Delete(NexudusEntityKind kind, long id)
    {
        if (_store.Get(kind.ClrType, id) is not { } existing)
        {
            return WriteFailed(404, NotFoundMessage(kind, id));
        }

        if (existing is Booking booking)
        {
            NexudusBookingCancellation.Cancel(_store, booking, BookingCancellationReason.Integration);
        }
        else
        {
            _store.Remove(kind.ClrType, id);
        }

        _webhooks?.Raise(NexudusWebhookDispatcher.ActionOf(existing, NexudusChange.Delete), existing);

        return WriteSucceeded(kind, existing, "deleted", new JsonObject { ["Id"] = id });
    }

    private static async Task<(JsonObject? Body, NexudusResponse? Invalid)> ReadBodyAsync(HttpRequest request)
    {
        try
        {
            var node = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted).ConfigureAwait(false);
            return node is JsonObject body
                ? (body, null)
                : (null, WriteFailed(400, "The request body must be a JSON object."));
        }
        catch (JsonException exception)
        {
            return (null, InvalidBody(exception));
        }
    }

    private static NexudusResponse InvalidBody(JsonException exception) =>
        WriteFailed(400, $"The request body is not valid: {exception.Message}");

    private static NexudusResponse? Validate(NexudusEntityKind kind, JsonObject body)
    {
        var errors = new List<(string, JsonNode?, string)>();
        foreach (var field in kind.RequiredFields)
        {
            var value = body.FirstOrDefault(p => string.Equals(p.Key, field, StringComparison.OrdinalIgnoreCase)).Value;
            if (value is null || (value is JsonValue v && v.GetValueKind() == JsonValueKind.String && string.IsNullOrWhiteSpace(v.GetValue<string>())))
            {
                errors.Add((field, value, $"The {field} field is required."));
            }
        }

        return errors.Count == 0 ? null : ValidationFailed(errors);
    }

    private static string NotFoundMessage(NexudusEntityKind kind, long id) =>
        $"{kind.Name} {id.ToString(CultureInfo.InvariantCulture)} was not found.";

    private static NexudusResponse WriteSucceeded(NexudusEntityKind kind, NexudusEntity record, string verb, JsonNode value) =>
        NexudusResponse.FromJson(200, Envelope(200, $"{kind.Name} was successfully {verb}.", value, errors: null, succeeded: true, record.UpdatedOn));

    private static NexudusResponse ValidationFailed(IReadOnlyList<(string Property, JsonNode? Attempted, string Message)> errors)
    {
        var array = new JsonArray();
        foreach (var (property, attempted, message) in errors)
        {
            array.Add(new JsonObject { ["AttemptedValue"] = attempted?.DeepClone(), ["Message"] = message, ["PropertyName"] = property });
        }

        var summary = string.Join(" ", errors.Select(e => $"{e.Property}: {e.Message}"));
        return NexudusResponse.FromJson(400, Envelope(400, summary, value: null, array, succeeded: false, updatedOn: null));
    }

    private static NexudusResponse WriteFailed(int status, string message) =>
        NexudusResponse.FromJson(status, Envelope(status, message, value: null, errors: null, succeeded: false, updatedOn: null));

    internal static JsonObject Envelope(int status, string message, JsonNode? value, JsonArray? errors, bool succeeded, DateTimeOffset? updatedOn) => new()
    {
        ["Status"] = status,
        ["Message"] = message,
        ["Value"] = value,
        ["OpenInDialog"] = false,
        ["OpenInWindow"] = false,
        ["RedirectURL"] = null,
        ["JavaScript"] = null,
        ["UpdatedOn"] = updatedOn is { } on ? NexudusWire.FormatUtc(on) : null,
        ["UpdatedBy"] = null,
        ["Errors"] = errors,
        ["WasSuccessful"] = succeeded,
    };

    /// <summary>What a request path and method address: the token endpoint, an entity collection or one record.</summary>
    private sealed record Route(string Method, string Path)
    {
        public bool IsToken { get; private init; }

        public NexudusEntityKind? Kind { get; private init; }

        public long? Id { get; private init; }

        public IReadOnlyList<long>? BatchIds { get; private init; }

        public bool MalformedBatch { get; private init; }

        public static Route Resolve(string method, string path, IQueryCollection query)
        {
            var trimmed = path.Length > 1 ? path.TrimEnd('/') : path;
            if (IsTokenPath(path))
            {
                return new Route(method, path) { IsToken = true };
            }

            if (NexudusEntityKind.ForPath(trimmed) is { } collection)
            {
                // Batch get: GET /api/{area}/{entities}/?id=[1,2,3] (§3.1); a plain id is the legacy Id filter.
                var idText = query.FirstOrDefault(q => string.Equals(q.Key, "id", StringComparison.OrdinalIgnoreCase)).Value.ToString().Trim();
                if (method == "GET" && idText.StartsWith('['))
                {
                    var ids = ParseIds(idText);
                    return new Route(method, path) { Kind = collection, BatchIds = ids, MalformedBatch = ids is null };
                }

                return new Route(method, path) { Kind = collection };
            }

            var slash = trimmed.LastIndexOf('/');
            if (slash > 0 &&
                NexudusEntityKind.ForPath(trimmed[..slash]) is { } parent &&
                long.TryParse(trimmed[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return new Route(method, path) { Kind = parent, Id = id };
            }

            return new Route(method, path);
        }

        private static List<long>? ParseIds(string text)
        {
            if (!text.EndsWith(']'))
            {
                return null;
            }

            var ids = new List<long>();
            foreach (var part in text[1..^1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!long.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id))
                {
                    return null;
                }

                ids.Add(id);
            }

            return ids;
        }
    }
}
