using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Testing;

/// <summary>
/// Serves one request the way the Nexudus admin REST API does: rate limits,
/// authentication, and the entity routes. Faults and the request log are applied around it
/// by the shared <see cref="SandboxTraffic"/> middleware.
/// </summary>
internal sealed partial class NexudusRequestHandler
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
                // Batch get: GET /api/{area}/{entities}/?id=[1,2,3]; a plain id is the legacy Id filter.
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
