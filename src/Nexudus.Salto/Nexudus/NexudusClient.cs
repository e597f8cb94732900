using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nexudus.Salto.Diagnostics;
using Polly;

namespace Nexudus.Salto.Nexudus;

/// <summary>
/// The Nexudus Spaces admin REST API client: paging, batch reads, check-ins and webhooks, with
/// bearer-token authentication, client-side rate limiting and retries suited to Nexudus.
/// </summary>
/// <remarks>
/// <para>
/// Get one from dependency injection: <c>services.AddNexudusClient(o =&gt; …)</c> registers it as
/// <see cref="INexudusClient"/> through <see cref="IHttpClientFactory"/>, with the authentication
/// handler, the rate limiter and the resilience pipeline. Every service method is
/// <see langword="virtual"/>, and the protected constructor lets tests mock the class.
/// </para>
/// <para>
/// Reads are retried after timeouts, 5xx and network failures; a create (POST) only when the service
/// certainly did not process it (throttled with 409/429, or the connection was never made).
/// </para>
/// </remarks>
public partial class NexudusClient : INexudusClient
{
    /// <summary>The name of the <see cref="HttpClient"/> the client is registered with.</summary>
    internal const string HttpClientName = "Nexudus.Salto.Nexudus";

    private const string MinutesFormat = "yyyy-MM-dd'T'HH:mm";
    private const string SecondsFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    private readonly HttpClient _http = null!;
    private readonly NexudusClientOptions _options = null!;
    private readonly NexudusResponseReader _reader = null!;
    private readonly ILogger _logger = null!;
    private readonly TimeProvider _time = TimeProvider.System;

    /// <summary>Initializes a new instance of the <see cref="NexudusClient"/> class for mocking.</summary>
    protected NexudusClient()
    {
    }

    internal NexudusClient(
        HttpClient httpClient,
        IOptions<NexudusClientOptions> options,
        SecretRedactor redactor,
        TimeProvider timeProvider,
        ILogger<NexudusClient> logger)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        _http = httpClient;
        _options = options.Value; // validates the options: a misconfigured client is never built
        _reader = new NexudusResponseReader(redactor, timeProvider);
        _time = timeProvider;
        _logger = logger;
    }

    private async IAsyncEnumerable<T> ListAsync<T>(
        NexudusResource<T> resource,
        NexudusQuery? query,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : NexudusEntity
    {
        NexudusPageCursor? cursor = null;
        do
        {
            var page = await GetPageAsync(resource, query, cursor, cancellationToken).ConfigureAwait(false);
            foreach (var record in page.Records)
            {
                yield return record;
            }

            cursor = page.NextCursor;
        }
        while (cursor is not null);
    }

    private async Task<NexudusPage<T>> GetPageAsync<T>(
        NexudusResource<T> resource,
        NexudusQuery? query,
        NexudusPageCursor? cursor,
        CancellationToken cancellationToken)
        where T : NexudusEntity
    {
        cursor ??= new NexudusPageCursor(1, query?.PageSize ?? _options.PageSize);
        var endpoint = $"GET {resource.Path}";
        var list = await SendAsync(HttpMethod.Get, BuildListUri(resource.Path, query, cursor), endpoint, resource.Page, cancellationToken).ConfigureAwait(false);

        // Paging trusts only HasNextPage. A page other than the one asked for, or an empty page
        // that claims a successor, would skip or repeat records, so the listing stops loudly.
        if ((list.CurrentPage ?? list.PageNumber) is { } served && served != cursor.Page)
        {
            throw new NexudusApiException(
                $"Nexudus {endpoint} returned page {served} when page {cursor.Page} was asked for; the listing was stopped so that no record is skipped or repeated.",
                200, endpoint, null, null, null, null);
        }

        CheckListShape(list, cursor, endpoint);
        if (list.HasNextPage && list.Records.Count == 0)
        {
            throw new NexudusApiException(
                $"Nexudus {endpoint} returned an empty page {cursor.Page} that claims a next page; the listing was stopped.",
                200, endpoint, null, null, null, null);
        }

        var records = list.Records;
        if (query is { FullRecords: true } && records.Count > 0)
        {
            records = await ReadFullRecordsAsync(resource, records, cancellationToken).ConfigureAwait(false);
        }

        return new NexudusPage<T>
        {
            Records = records,
            Cursor = cursor,
            NextCursor = list.HasNextPage ? new NexudusPageCursor(cursor.Page + 1, cursor.PageSize) : null,
            TotalItems = list.TotalItems,
        };
    }

    /// <summary>
    /// Stops a listing whose page is malformed or inconsistent: no <c>Records</c> array (<c>200 {}</c>), records
    /// without any paging field (<c>200 {"Records":[]}</c> from a proxy or a stub, never from Nexudus, whose pages
    /// always carry their page number and totals), a next page claimed past <c>TotalPages</c>, or a last page that ends
    /// before <c>TotalItems</c>. Such a list is a failed read, never an empty or short one: read as such it would revoke
    /// the people it left out.
    /// </summary>
    private static void CheckListShape<T>(NexudusList<T> list, NexudusPageCursor cursor, string endpoint)
    {
        if (!list.HasRecords)
        {
            throw new NexudusApiException(
                $"Nexudus {endpoint} returned a list without Records on page {cursor.Page}; a malformed list is a failed read, not an empty one.",
                200, endpoint, null, null, null, null);
        }

        if (list.CurrentPage is null && list.PageNumber is null && list.TotalItems is null && list.TotalPages is null)
        {
            throw new NexudusApiException(
                $"Nexudus {endpoint} returned Records without a page number or totals on page {cursor.Page}; a list that is not a Nexudus page is a failed read, not an empty one.",
                200, endpoint, null, null, null, null);
        }

        var size = list.CurrentPageSize ?? list.PageSize ?? cursor.PageSize;
        if (list.HasNextPage && list.TotalPages is { } pages && cursor.Page >= pages)
        {
            throw new NexudusApiException(
                $"Nexudus {endpoint} claims a page after page {cursor.Page} of {pages}; the listing was stopped.",
                200, endpoint, null, null, null, null);
        }

        if (!list.HasNextPage && list.TotalItems is { } total && size > 0 &&
            ((long)(cursor.Page - 1) * size) + list.Records.Count < total)
        {
            throw new NexudusApiException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Nexudus {endpoint} ended at page {cursor.Page} with {((long)(cursor.Page - 1) * size) + list.Records.Count} of the {total} records its TotalItems announces; a short list is a failed read."),
                200, endpoint, null, null, null, null);
        }
    }

    private Task<T> GetByIdAsync<T>(NexudusResource<T> resource, long id, CancellationToken cancellationToken)
        where T : NexudusEntity =>
        SendAsync(
            HttpMethod.Get,
            $"{resource.Path}/{id.ToString(CultureInfo.InvariantCulture)}",
            $"GET {resource.Path}/{{id}}",
            resource.Record,
            cancellationToken);

    private async Task<IReadOnlyList<T>> GetBatchAsync<T>(NexudusResource<T> resource, IEnumerable<long> ids, CancellationToken cancellationToken)
        where T : NexudusEntity
    {
        ArgumentNullException.ThrowIfNull(ids);
        var records = new List<T>();
        foreach (var chunk in ids.Distinct().Chunk(_options.BatchSize))
        {
            // The documented shape: ids comma-separated inside square brackets.
            var list = string.Join(',', chunk.Select(id => id.ToString(CultureInfo.InvariantCulture)));
            var batch = await SendAsync(
                HttpMethod.Get,
                $"{resource.Path}/?id=[{list}]",
                $"GET {resource.Path}/?id=[…]",
                resource.Batch,
                cancellationToken).ConfigureAwait(false);
            records.AddRange(batch.Where(r => r is not null));
        }

        return records;
    }

    private async Task<IReadOnlyList<T>> ReadFullRecordsAsync<T>(NexudusResource<T> resource, IReadOnlyList<T> partial, CancellationToken cancellationToken)
        where T : NexudusEntity
    {
        var full = await GetBatchAsync(resource, partial.Select(r => r.Id), cancellationToken).ConfigureAwait(false);
        var byId = new Dictionary<long, T>();
        foreach (var record in full)
        {
            byId.TryAdd(record.Id, record);
        }

        // Page order is kept; a record deleted between the list and the batch read is left out.
        return [.. partial.Select(r => byId.GetValueOrDefault(r.Id)).OfType<T>()];
    }

    private string BuildListUri(string path, NexudusQuery? query, NexudusPageCursor cursor)
    {
        var uri = new StringBuilder(path)
            .Append(CultureInfo.InvariantCulture, $"?page={cursor.Page}&size={cursor.PageSize}");
        if (query?.OrderBy is { Length: > 0 } orderBy)
        {
            uri.Append("&orderBy=").Append(Uri.EscapeDataString(orderBy));
        }

        if (query?.SortDirection is { } direction)
        {
            uri.Append("&dir=").Append(FormatDirection(direction));
        }

        foreach (var filter in query?.GetFilters() ?? [])
        {
            var value = filter.Date is { } date ? FormatFilterDate(filter.Name, date) : filter.Text ?? string.Empty;
            uri.Append('&').Append(Uri.EscapeDataString(filter.Name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return uri.ToString();
    }

    /// <summary>
    /// Writes a range bound in the configured format, in UTC. The formats stop at whole minutes or
    /// seconds, so a lower bound (<c>from_</c>) is cut down and an upper bound (<c>to_</c>) rounded
    /// up to the unit: the range sent never leaves out a record of the range asked for.
    /// </summary>
    private string FormatFilterDate(string name, DateTimeOffset date)
    {
        var seconds = _options.FilterDateFormat == NexudusFilterDateFormat.SecondsUtc;
        var unit = seconds ? TimeSpan.TicksPerSecond : TimeSpan.TicksPerMinute;
        var utc = date.UtcDateTime;
        var part = utc.Ticks % unit;
        if (part != 0 && name.StartsWith("to_", StringComparison.OrdinalIgnoreCase) && utc.Ticks <= DateTime.MaxValue.Ticks - unit)
        {
            utc = new DateTime(utc.Ticks - part + unit, DateTimeKind.Utc);
        }

        return utc.ToString(seconds ? SecondsFormat : MinutesFormat, CultureInfo.InvariantCulture);
    }

    private string FormatDirection(NexudusSortDirection direction) => (_options.SortDirectionFormat, direction) switch
    {
        (NexudusSortDirectionFormat.OneMinusOne, NexudusSortDirection.Descending) => "-1",
        (NexudusSortDirectionFormat.OneMinusOne, _) => "1",
        (NexudusSortDirectionFormat.Words, NexudusSortDirection.Descending) => "Descending",
        (NexudusSortDirectionFormat.Words, _) => "Ascending",
        (_, NexudusSortDirection.Descending) => "1",
        _ => "0",
    };

    private async Task<T> SendAsync<T>(HttpMethod method, string uri, string endpoint, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var deadline = new CallDeadline(_options.TotalTimeout, _time, cancellationToken);
        try
        {
            using var request = CreateRequest(method, uri, endpoint, body: null);
            using var response = await SendCoreAsync(request, endpoint, deadline.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            try
            {
                await BufferAsync(response, endpoint, deadline.Token).ConfigureAwait(false);
                var stream = await response.Content.ReadAsStreamAsync(deadline.Token).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    return await JsonSerializer.DeserializeAsync(stream, type, deadline.Token).ConfigureAwait(false)
                           ?? throw new NexudusApiException($"Nexudus {endpoint} returned null instead of a JSON value.", status, endpoint, null, null, null, null);
                }
            }
            catch (JsonException ex)
            {
                throw NexudusResponseReader.CreateMalformed(ex, status, endpoint);
            }
        }
        catch (Exception ex) when (deadline.Expired(ex))
        {
            throw TimedOut(endpoint, deadline, ex);
        }
    }

    private async Task<JsonNode?> SendForJsonAsync(HttpMethod method, string uri, string endpoint, CancellationToken cancellationToken)
    {
        using var deadline = new CallDeadline(_options.TotalTimeout, _time, cancellationToken);
        try
        {
            using var request = CreateRequest(method, uri, endpoint, body: null);
            using var response = await SendCoreAsync(request, endpoint, deadline.Token).ConfigureAwait(false);
            try
            {
                await BufferAsync(response, endpoint, deadline.Token).ConfigureAwait(false);
                var stream = await response.Content.ReadAsStreamAsync(deadline.Token).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    return await JsonNode.ParseAsync(stream, cancellationToken: deadline.Token).ConfigureAwait(false);
                }
            }
            catch (JsonException ex)
            {
                throw NexudusResponseReader.CreateMalformed(ex, (int)response.StatusCode, endpoint);
            }
        }
        catch (Exception ex) when (deadline.Expired(ex))
        {
            throw TimedOut(endpoint, deadline, ex);
        }
    }

    /// <summary>Reads the body into memory, up to <see cref="NexudusClientOptions.MaxResponseBytes"/>; a larger one fails the call.</summary>
    private async Task BufferAsync(HttpResponseMessage response, string endpoint, CancellationToken cancellationToken)
    {
        try
        {
            await ResponseSize.BufferAsync(response, _options.MaxResponseBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (ResponseTooLargeException ex)
        {
            throw new NexudusApiException(
                string.Create(CultureInfo.InvariantCulture, $"Nexudus {endpoint} answered with more than {ex.Limit} bytes (MaxResponseBytes); the call was stopped."),
                (int)response.StatusCode, endpoint, null, null, null, ex);
        }
    }

    /// <summary>The error of a call that ran past its bound, headers or body (<see cref="NexudusClientOptions.TotalTimeout"/>).</summary>
    private static NexudusApiException TimedOut(string endpoint, CallDeadline deadline, Exception inner) =>
        new(string.Create(CultureInfo.InvariantCulture, $"Nexudus {endpoint} did not complete within {deadline.Limit.TotalSeconds:0.#} s (TotalTimeout), the answer's body included."),
            0, endpoint, null, null, null, inner);

    private static HttpRequestMessage CreateRequest(HttpMethod method, string uri, string endpoint, byte[]? body)
    {
        var request = new HttpRequestMessage(method, new Uri(uri, UriKind.Relative));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Options.Set(NexudusRequestOptions.Endpoint, endpoint);
        request.Options.Set(NexudusRequestOptions.SafeToRepeat, method != HttpMethod.Post);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        return request;
    }

    private async Task<HttpResponseMessage> SendCoreAsync(HttpRequestMessage request, string endpoint, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or ExecutionRejectedException && !cancellationToken.IsCancellationRequested)
        {
            NexudusLog.CallFailed(_logger, endpoint, 0, ex.GetType().Name);
            throw new NexudusApiException(
                $"Nexudus {endpoint} could not be completed ({Describe(ex, _http.BaseAddress)}).",
                0, endpoint, null, null, null, ex);
        }

        var status = (int)response.StatusCode;
        NexudusLog.Responded(_logger, endpoint, status);
        try
        {
            if (!response.IsSuccessStatusCode)
            {
                var error = await _reader.CreateErrorAsync(response, endpoint, cancellationToken).ConfigureAwait(false);
                NexudusLog.CallFailed(_logger, endpoint, status, error.GetType().Name);
                throw error;
            }

            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (!NexudusResponseReader.IsJson(mediaType))
            {
                throw NexudusResponseReader.CreateNotJson(status, endpoint, mediaType);
            }

            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private static string Describe(Exception exception, Uri? baseAddress) => exception switch
    {
        _ when NetworkFailure.Describe(exception, baseAddress) is { } cause => cause,
        Polly.Timeout.TimeoutRejectedException => "timed out",
        Polly.CircuitBreaker.BrokenCircuitException => "the circuit breaker is open after repeated failures",
        HttpRequestException { HttpRequestError: var error } when error != HttpRequestError.Unknown => $"network error: {error}",
        _ => "network error",
    };
}
