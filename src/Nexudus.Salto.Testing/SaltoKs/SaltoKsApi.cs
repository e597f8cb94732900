using System.Buffers;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Testing;

/// <summary>
/// The emulated SALTO KS Connect API and identity server: route table, request gate (rate limit
/// and bearer check), and the helpers every handler shares. Handlers live in the partial files
/// named after their area.
/// </summary>
internal sealed partial class SaltoKsApi(SaltoKsSandboxState state, SaltoKsSandboxOptions options, SaltoKsTokenIssuer tokens)
{
    private static readonly SaltoKsJsonContext Json = SaltoKsJsonContext.Default;
    private static readonly string[] Versions = ["v1.1", "v1.2"];

    private readonly Lock _rateGate = new();
    private DateTimeOffset _rateWindowStart = DateTimeOffset.MinValue;
    private int _rateWindowCalls;

    private StringComparison TextComparison =>
        options.CaseInsensitiveFilters ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private DateTimeOffset Now => options.TimeProvider.GetUtcNow();

    /// <summary>Whether a request writes to the emulated API (token requests are not writes).</summary>
    public static bool IsWrite(HttpContext context) =>
        !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) &&
        context.GetEndpoint()?.Metadata.GetMetadata<ApiEndpoint>() is not null;

    public void Map(WebApplication app)
    {
        foreach (string v in Versions)
        {
            string site = $"/{v}/sites/{{site_id}}";
            Api(app, "GET", $"/{v}/sites", ListSitesAsync);
            Api(app, "GET", site, GetSiteAsync);
            Api(app, "GET", $"{site}/subscription", GetSubscriptionAsync);
            Api(app, "GET", $"{site}/roles", ListRolesAsync);

            Api(app, "GET", $"{site}/users", ListUsersAsync);
            Api(app, "POST", $"{site}/users", CreateUserAsync);
            Api(app, "GET", $"{site}/users/{{site_user_id}}", GetUserAsync);
            Api(app, "PATCH", $"{site}/users/{{site_user_id}}", UpdateUserAsync);
            Api(app, "DELETE", $"{site}/users/{{site_user_id}}", DeleteUserAsync);
            Api(app, "PATCH", $"{site}/users/{{site_user_id}}/subscription", ChangeSubscriptionAsync);
            Api(app, "PUT", $"{site}/users/{{site_user_id}}/pin", IssuePinAsync);
            Api(app, "POST", $"{site}/guests", CreateGuestAsync);

            string group = $"{site}/access_groups/{{access_group_id}}";
            Api(app, "GET", $"{site}/access_groups", ListAccessGroupsAsync);
            Api(app, "POST", $"{site}/access_groups", CreateAccessGroupAsync);
            Api(app, "GET", group, GetAccessGroupAsync);
            Api(app, "DELETE", group, DeleteAccessGroupAsync);

            Api(app, "GET", $"{group}/users", ListMembersAsync);
            Api(app, "POST", $"{group}/users", AddMemberAsync);
            Api(app, "PATCH", $"{group}/users", ChangeMembersAsync);
            Api(app, "DELETE", $"{group}/users/{{user_id}}", RemoveMemberAsync);

            Api(app, "GET", $"{group}/locks", ListGroupLocksAsync);
            Api(app, "POST", $"{group}/locks", AddGroupLockAsync);
            Api(app, "PATCH", $"{group}/locks", ChangeGroupLocksAsync);
            Api(app, "DELETE", $"{group}/locks/{{lock_id}}", RemoveGroupLockAsync);

            Api(app, "GET", $"{group}/time_schedules", ListTimeSchedulesAsync);
            Api(app, "POST", $"{group}/time_schedules", CreateTimeScheduleAsync);
            Api(app, "PATCH", $"{group}/time_schedules/{{time_schedule_id}}", UpdateTimeScheduleAsync);
            Api(app, "DELETE", $"{group}/time_schedules/{{time_schedule_id}}", DeleteTimeScheduleAsync);

            Api(app, "GET", $"{site}/locks", ListLocksAsync);
            Api(app, "GET", $"{site}/locks/{{lock_id}}", GetLockAsync);
        }

        // Entries are v1.1 only; v1.2 was seen answering 405.
        Api(app, "GET", "/v1.1/sites/{site_id}/entries", ListEntriesAsync);
        app.MapMethods("/v1.2/sites/{site_id}/entries", ["GET"], EntriesV12Async);

        if (options.ServeTagEndpoints)
        {
            Api(app, "GET", options.TagListPath, ListTagsAsync);
            Api(app, "POST", options.TagAssignPath, AssignTagAsync);
            Api(app, "DELETE", options.TagUnassignPath, UnassignTagAsync);
        }

        app.MapMethods($"/{options.IdentityPathPrefix.Trim('/')}/connect/token", ["POST"], IssueTokenAsync);
    }

    /// <summary>The rate limit and the bearer-token check, for API routes only.</summary>
    public async Task GateAsync(HttpContext context, RequestDelegate next)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<ApiEndpoint>() is null)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        if (TakeRatePermit() is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            await WriteErrorAsync(context, 429, null, "Too many requests").ConfigureAwait(false);
            return;
        }

        string? authorization = context.Request.Headers.Authorization;
        if (authorization is null ||
            !AuthenticationHeaderValue.TryParse(authorization, out AuthenticationHeaderValue? header) ||
            !string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase) ||
            header.Parameter is null ||
            !tokens.IsValid(header.Parameter))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            await WriteErrorAsync(context, 401, "1500", "Unauthorized").ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }

    private TimeSpan? TakeRatePermit()
    {
        if (options.RateLimit is not { } limit)
        {
            return null;
        }

        lock (_rateGate)
        {
            DateTimeOffset now = Now;
            if (now >= _rateWindowStart + limit.Window)
            {
                _rateWindowStart = now;
                _rateWindowCalls = 0;
            }

            if (_rateWindowCalls >= limit.PermitLimit)
            {
                return _rateWindowStart + limit.Window - now;
            }

            _rateWindowCalls++;
            return null;
        }
    }

    private static void Api(WebApplication app, string method, string pattern, Func<HttpContext, Task> handler) =>
        app.MapMethods(pattern, [method], context => HandleAsync(context, handler)).WithMetadata(ApiEndpoint.Instance);

    private static async Task HandleAsync(HttpContext context, Func<HttpContext, Task> handler)
    {
        try
        {
            await handler(context).ConfigureAwait(false);
        }
        catch (SaltoKsApiFailure failure)
        {
            await WriteErrorAsync(context, failure.StatusCode, failure.ErrorCode, failure.Message).ConfigureAwait(false);
        }
        catch (ODataSyntaxException)
        {
            await WriteErrorAsync(context, 400, "1102", "The OData filter format is invalid").ConfigureAwait(false);
        }
        catch (JsonException)
        {
            await WriteErrorAsync(context, 400, "1100", "Request invalid").ConfigureAwait(false);
        }
    }

    private static Task EntriesV12Async(HttpContext context) =>
        WriteRawAsync(context, 405, "{\"Message\":\"The requested resource does not support http method 'GET'.\"}"u8.ToArray());

    // ---- Shared lookups (call inside the state lock) ----

    private SiteRecord Site(HttpContext context)
    {
        string? id = context.Request.RouteValues["site_id"] as string;
        SiteRecord? site = state.FindSite(id);
        if (site is null)
        {
            // The route takes the UUID; the human-readable site_uid gives 400 1100.
            if (state.Sites.Exists(s => string.Equals(s.Site.SiteUid, id, StringComparison.OrdinalIgnoreCase)))
            {
                throw SaltoKsApiFailure.RequestInvalid("Request invalid: the site id must be the site's UUID, not its site_uid");
            }

            throw SaltoKsApiFailure.NotFound("Site not found");
        }

        if (!site.Released)
        {
            throw new SaltoKsApiFailure(400, "2210", "Site cannot be accessed if not released");
        }

        return site;
    }

    private static GroupRecord Group(HttpContext context, SiteRecord site) =>
        site.FindGroup(context.Request.RouteValues["access_group_id"] as string) ?? throw SaltoKsApiFailure.NotFound("Access group not found");

    /// <summary>The user a user route names: site-user ids only, as on the real service.</summary>
    private UserRecord RoutedUser(HttpContext context, SiteRecord site)
    {
        string? id = context.Request.RouteValues["site_user_id"] as string;
        UserRecord user = (string.IsNullOrEmpty(id) ? null : site.FindUser(new SiteUserId(id))) ?? throw SaltoKsApiFailure.UserNotFound();
        CheckConsistency(user);
        return user;
    }

    /// <summary>Right after creation, SALTO answers 404 2202 or 403 2203 for about a minute.</summary>
    private void CheckConsistency(UserRecord user)
    {
        if (user.CreatedThroughApiAt is { } created && Now < created + options.PostCreateConsistencyWindow)
        {
            throw options.PostCreateConsistencyError == SaltoKsConsistencyError.Forbidden
                ? new SaltoKsApiFailure(403, "2203", "User does not have permission for this operation on this user")
                : SaltoKsApiFailure.UserNotFound();
        }
    }

    // ---- Request bodies ----

    private static async Task<JsonElement> ReadBodyAsync(HttpContext context)
    {
        if (!context.Request.HasJsonContentType())
        {
            throw new SaltoKsApiFailure(415, "1100", "The request content type must be application/json");
        }

        try
        {
            using JsonDocument document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
            return document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            throw new SaltoKsApiFailure("Request invalid: the body is not JSON", exception);
        }
    }

    private static T Read<T>(JsonElement body, JsonTypeInfo<T> typeInfo)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw SaltoKsApiFailure.RequestInvalid();
        }

        return body.Deserialize(typeInfo) ?? throw SaltoKsApiFailure.RequestInvalid();
    }

    // A body such as {"user_id": "…"}: anything but a string there is 400 "A parameter value is invalid: user_id".
    private static string? RequiredString(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw SaltoKsApiFailure.InvalidParameter($"A parameter value is invalid: {name}");

    // ---- Responses ----

    private static Task WriteJsonAsync<T>(HttpContext context, int statusCode, T value, JsonTypeInfo<T> typeInfo) =>
        WriteRawAsync(context, statusCode, JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));

    private static Task WriteErrorAsync(HttpContext context, int statusCode, string? errorCode, string message) =>
        WriteJsonAsync(context, statusCode, new SaltoKsErrorBody { ErrorCode = errorCode, Message = message }, Json.SaltoKsErrorBody);

    private static async Task WriteRawAsync(HttpContext context, int statusCode, byte[] body)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    private static Task WriteEmptyAsync(HttpContext context, int statusCode)
    {
        context.Response.StatusCode = statusCode;
        return Task.CompletedTask;
    }

    /// <summary>
    /// Answers a list with OData options applied: <c>$filter</c> and <c>$orderby</c> on the given fields,
    /// <c>$skip</c>/<c>$top</c> with the page cap, <c>$inlinecount=allpages</c>, and an absolute
    /// <c>next_page_link</c> while more items remain; a bare array where the route is configured so.
    /// </summary>
    private Task WriteListAsync<T>(HttpContext context, IReadOnlyList<T> items, JsonTypeInfo<T> typeInfo, IReadOnlyDictionary<string, ODataField<T>> fields)
    {
        IQueryCollection query = context.Request.Query;
        IEnumerable<T> selected = items;
        if (Option(query, "$filter") is { } filterText)
        {
            Func<T, bool> filter = ODataFilter.Parse(filterText, fields, TextComparison, options.AcceptOrAndNotInFilters);
            selected = selected.Where(filter);
        }

        if (Option(query, "$orderby") is { } orderText)
        {
            selected = selected.Order(Comparer<T>.Create(ODataFilter.ParseOrderBy(orderText, fields)));
        }

        List<T> matching = [.. selected];
        int skip = Count(query, "$skip") ?? 0;
        int? top = Count(query, "$top");
        bool withCount = Option(query, "$inlinecount") switch
        {
            null or "none" => false,
            "allpages" => true,
            _ => throw new ODataSyntaxException("$inlinecount must be allpages or none."),
        };

        int available = Math.Max(0, matching.Count - skip);
        int window = top is { } t ? Math.Min(t, available) : available;
        string? route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        if (route is not null && options.BareArrayLists.Contains(route))
        {
            // A bare array cannot point to a next page, so it carries every item asked for.
            return WriteRawAsync(context, 200, Serialize(writer => WriteItems(writer, matching.Skip(skip).Take(window), typeInfo)));
        }

        int pageSize = Math.Min(window, options.MaxPageSize);
        List<T> page = [.. matching.Skip(skip).Take(pageSize)];
        string? nextPageLink = pageSize < window ? NextPageLink(context, skip + pageSize, top is null ? null : top - pageSize) : null;

        return WriteRawAsync(context, 200, Serialize(writer =>
        {
            writer.WriteStartObject();
            writer.WritePropertyName("items");
            WriteItems(writer, page, typeInfo);
            writer.WriteString("next_page_link", nextPageLink);
            if (withCount)
            {
                writer.WriteNumber("count", matching.Count);
            }

            writer.WriteEndObject();
        }));
    }

    private static void WriteItems<T>(Utf8JsonWriter writer, IEnumerable<T> items, JsonTypeInfo<T> typeInfo)
    {
        writer.WriteStartArray();
        foreach (T item in items)
        {
            JsonSerializer.Serialize(writer, item, typeInfo);
        }

        writer.WriteEndArray();
    }

    private static byte[] Serialize(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static string NextPageLink(HttpContext context, int skip, int? top)
    {
        HttpRequest request = context.Request;
        var query = new StringBuilder();
        foreach (KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues> pair in request.Query)
        {
            if (pair.Key is "$skip" or "$top")
            {
                continue;
            }

            foreach (string? value in pair.Value)
            {
                Append(query, pair.Key, value ?? string.Empty);
            }
        }

        Append(query, "$skip", skip.ToString(CultureInfo.InvariantCulture));
        if (top is { } t)
        {
            Append(query, "$top", t.ToString(CultureInfo.InvariantCulture));
        }

        return $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}?{query}";

        static void Append(StringBuilder query, string key, string value)
        {
            if (query.Length > 0)
            {
                query.Append('&');
            }

            // '$' stays readable in option names; values are escaped so quotes and spaces survive.
            query.Append(key.StartsWith('$') ? "$" + Uri.EscapeDataString(key[1..]) : Uri.EscapeDataString(key))
                .Append('=').Append(Uri.EscapeDataString(value));
        }
    }

    private static string? Option(IQueryCollection query, string name) =>
        query.TryGetValue(name, out Microsoft.Extensions.Primitives.StringValues value) ? value.ToString() : null;

    private static int? Count(IQueryCollection query, string name) =>
        Option(query, name) is not { } text ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) ? value
        : throw new ODataSyntaxException($"{name} must be a whole number.");

    /// <summary>Marks the endpoints of the emulated API, which need a bearer token and count as calls.</summary>
    internal sealed class ApiEndpoint
    {
        public static readonly ApiEndpoint Instance = new();
    }
}
