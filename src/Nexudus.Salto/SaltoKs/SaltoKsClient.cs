using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Nexudus.Salto.Diagnostics;

namespace Nexudus.Salto.SaltoKs;

/// <summary>
/// The SALTO KS Connect client: <see cref="ISaltoKsClient"/> over HTTP, with per-operation API versions, paging,
/// OData filters, error mapping and the post-create retry window.
/// </summary>
/// <remarks>
/// <para>
/// Register it with <c>services.AddSaltoKsClient(…)</c>, which adds the bearer-token handler, the identity client and
/// the resilience pipeline. The public constructor is for an <see cref="HttpClient"/> you set up yourself; it must
/// already authenticate its requests.
/// </para>
/// <para>
/// Membership changes adapt to SALTO KS's unpublished size limit: a <c>PATCH</c> it rejects as a whole is sent
/// again in halves, and a size SALTO KS shows it accepts becomes the size later calls start with
/// (<see cref="SaltoKsClientOptions.MembershipChunkSize"/> explains when). Clients registered with
/// <c>AddSaltoKsClient</c> share the learned size within their service provider; a client built with the public
/// constructor keeps its own.
/// </para>
/// <para>
/// Every method is <see langword="virtual"/>, and the protected parameterless constructor lets a mocking library
/// derive from the class.
/// </para>
/// </remarks>
// The core: construction, routes, send, read and paging. Each area's methods live in SaltoKsClient.<Area>.cs; the
// policies they apply are collaborators of their own (SaltoKsPostCreateRetry, SaltoKsSiteUserCreation,
// SaltoKsMembershipSplitter, SaltoKsScheduleDates). docs/architecture.md shows the layout.
public partial class SaltoKsClient : ISaltoKsClient
{
    private const string ContinuationTokenHeader = "CLP-Continuation-Token";

    private readonly HttpClient _httpClient = null!;
    private readonly SaltoKsClientOptions _options = null!;
    private readonly TimeProvider _timeProvider = null!;
    private readonly ILogger _logger = null!;
    private readonly SaltoKsPostCreateRetry _postCreate = null!;
    private readonly SaltoKsSiteUserCreation _creation = null!;
    private readonly SaltoKsMembershipSplitter _membership = null!;
    private readonly SaltoKsScheduleDates _scheduleDates = null!;

    /// <summary>Creates a client for a mocking library; every call on it fails.</summary>
    protected SaltoKsClient()
    {
    }

    /// <summary>Creates a client over an <see cref="HttpClient"/> that authenticates its own requests.</summary>
    /// <param name="httpClient">The HTTP client; its handlers must add the bearer token (and any resilience).</param>
    /// <param name="options">The settings; checked here.</param>
    /// <param name="timeProvider">The clock for the post-create retry window; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="logger">The logger; none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="httpClient"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> are not valid; the message lists every problem.</exception>
    public SaltoKsClient(HttpClient httpClient, SaltoKsClientOptions options, TimeProvider? timeProvider = null, ILogger<SaltoKsClient>? logger = null)
        : this(
            httpClient,
            Checked(options),
            timeProvider ?? TimeProvider.System,
            logger ?? (ILogger)NullLogger.Instance,
            new SaltoKsUserCreationLog(),
            new SaltoKsMembershipChunkSize())
    {
    }

    internal SaltoKsClient(
        HttpClient httpClient,
        SaltoKsClientOptions options,
        TimeProvider timeProvider,
        ILogger logger,
        SaltoKsUserCreationLog creations,
        SaltoKsMembershipChunkSize chunkSize)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        _httpClient = httpClient;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _postCreate = new SaltoKsPostCreateRetry(creations, options, timeProvider, logger);
        _creation = new SaltoKsSiteUserCreation(_postCreate, logger);
        _membership = new SaltoKsMembershipSplitter(chunkSize, options, logger);
        _scheduleDates = new SaltoKsScheduleDates(
            options.ScheduleDates, (siteId, ct) => GetAsync(SiteRoute(Versions.Site, siteId), SaltoKsJsonContext.Default.Site, ct));
    }

    private SaltoKsApiVersions Versions => _options.ApiVersions;

    private static SaltoKsClientOptions Checked(SaltoKsClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new SaltoKsClientOptionsValidator().Validate(null, options);
        return result.Failed ? throw new ArgumentException(result.FailureMessage, nameof(options)) : options;
    }

    private static ByteArrayContent Json<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        // Buffered bytes, so the request can be sent again after a 401 or by the retry pipeline.
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }


    private static SaltoKsRoute Route(string version) => SaltoKsRoute.Version(version);

    private static SaltoKsRoute SiteRoute(string version, string siteId) => Route(version).Literal("sites").Id(siteId, nameof(siteId));

    private static SaltoKsRoute SiteUserRoute(string version, string siteId, SiteUserId siteUserId)
    {
        if (siteUserId.Value is null)
        {
            throw new ArgumentException("A site-user id is required (default holds none).", nameof(siteUserId));
        }

        return SiteRoute(version, siteId).Literal("users").Id(siteUserId.Value, nameof(siteUserId));
    }

    private static SaltoKsRoute GroupRoute(string version, string siteId, string accessGroupId) =>
        SiteRoute(version, siteId).Literal("access_groups").Id(accessGroupId, nameof(accessGroupId));

    private static SaltoKsRoute WithQuery(SaltoKsRoute route, SaltoKsListQuery? query) =>
        route.Query("$filter", query?.Filter?.ToString());

    private IEnumerable<string?> KnownSecrets => [_options.ClientSecret, _options.Password, _options.RefreshToken];

    private async IAsyncEnumerable<T> ListAsync<T>(SaltoKsRoute route, JsonTypeInfo<T> itemType, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        int? pageSize = _options.ListPageSize;
        if (pageSize is { } top)
        {
            route.Query("$top", top.ToString(CultureInfo.InvariantCulture));
        }

        Uri? next = route.ToUri(_options.BaseUrl);
        int skipped = 0;
        long read = 0;
        int? announced = null;
        while (next is not null)
        {
            SaltoKsList<T> page = await GetListPageAsync(next, route, itemType, cancellationToken).ConfigureAwait(false);
            read += page.Items.Count;
            announced = page.Count is { } count ? Math.Max(count, announced ?? 0) : announced;
            foreach (T item in page.Items)
            {
                yield return item;
            }

            Uri current = next;
            if (!string.IsNullOrEmpty(page.NextPageLink))
            {
                next = SameOriginLink(page.NextPageLink, route);
                if (next == current)
                {
                    throw new SaltoKsApiException($"SALTO KS gave the page it was asked for as the next page of GET {route.Path}; stopping to avoid a loop.");
                }
            }
            else if (pageSize is { } size && page.Items.Count >= size)
            {
                // A full page and no link: the service may page by $skip alone, so ask for the next one.
                skipped += page.Items.Count;
                next = WithSkip(route, skipped);
            }
            else
            {
                next = null;
            }
        }

        if (announced is { } total && read < total)
        {
            // A list that ends before the count it announced is a failed read, never a short one.
            throw new SaltoKsApiException(
                string.Create(CultureInfo.InvariantCulture, $"SALTO KS GET {route.Path} ended after {read} of the {total} items its count announces; the list is treated as a failed read."));
        }
    }

    private Uri WithSkip(SaltoKsRoute route, int skip)
    {
        Uri first = route.ToUri(_options.BaseUrl);
        return new Uri($"{first.AbsoluteUri}{(string.IsNullOrEmpty(first.Query) ? '?' : '&')}$skip={skip.ToString(CultureInfo.InvariantCulture)}");
    }

    // next_page_link is followed verbatim, but only on the API's own origin: the bearer token must never be sent elsewhere.
    private Uri SameOriginLink(string link, SaltoKsRoute route)
    {
        if (!Uri.TryCreate(link, UriKind.Absolute, out Uri? uri) ||
            Uri.Compare(uri, _options.BaseUrl, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            throw new SaltoKsApiException(
                $"SALTO KS gave a next_page_link for GET {route.Path} outside {_options.BaseUrl.GetLeftPart(UriPartial.Authority)}; not following it.");
        }

        return uri;
    }

    private async Task<SaltoKsList<T>> GetListPageAsync<T>(Uri uri, SaltoKsRoute route, JsonTypeInfo<T> itemType, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await SendAsync(HttpMethod.Get, uri, route, content: null, retryable: true, continuationToken: null, cancellationToken)
            .ConfigureAwait(false);
        byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return SaltoKsList.Read(body, itemType);
        }
        catch (JsonException ex)
        {
            throw Unreadable(response, route, body, ex);
        }
    }

    private async Task<T> GetAsync<T>(SaltoKsRoute route, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await SendAsync(HttpMethod.Get, route, content: null, retryable: true, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return await ReadAsync(response, route, typeInfo, cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> ReadAsync<T>(HttpResponseMessage response, SaltoKsRoute route, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize(body, typeInfo) ?? throw new JsonException("The body is null.");
        }
        catch (JsonException ex)
        {
            throw Unreadable(response, route, body, ex);
        }
    }

    private SaltoKsApiException Unreadable(HttpResponseMessage response, SaltoKsRoute route, byte[] body, JsonException error) =>
        new(
            $"SALTO KS answered {(int)response.StatusCode} to {response.RequestMessage?.Method} {route.Path} with a body that could not be read: {error.Message}",
            (int)response.StatusCode,
            errorCode: null,
            serviceMessage: null,
            SecretRedactor.Excerpt(System.Text.Encoding.UTF8.GetString(body), mediaType: null, KnownSecrets),
            error);

    private async Task<bool> DeleteAsync(SaltoKsRoute route, DateTimeOffset? createdAt, CancellationToken cancellationToken)
    {
        try
        {
            await _postCreate.RunAsync(createdAt, "DELETE " + route.Path, ct => SendAndForgetAsync(HttpMethod.Delete, route, null, ct), cancellationToken)
                .ConfigureAwait(false);
            return true;
        }
        catch (SaltoKsNotFoundException)
        {
            // Already gone is the state a delete asks for.
            return false;
        }
    }

    private async Task SendAndForgetAsync(HttpMethod method, SaltoKsRoute route, HttpContent? content, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await SendAsync(method, route, content, retryable: true, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private Task<HttpResponseMessage> SendAsync(
        HttpMethod method, SaltoKsRoute route, HttpContent? content, bool retryable, string? continuationToken = null, CancellationToken cancellationToken = default) =>
        SendAsync(method, route.ToUri(_options.BaseUrl), route, content, retryable, continuationToken, cancellationToken);

    private async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, Uri uri, SaltoKsRoute route, HttpContent? content, bool retryable, string? continuationToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (continuationToken is not null)
        {
            // The token is JSON text; it goes into the header exactly as received.
            request.Headers.TryAddWithoutValidation(ContinuationTokenHeader, continuationToken);
        }

        if (!retryable)
        {
            request.Options.Set(SaltoKsRequestOptions.NotRetryable, true);
        }

        // The whole call is bounded, the body included: the client buffers the body inside SendAsync, after the
        // resilience pipeline's timeouts have ended with the headers.
        HttpResponseMessage response;
        using (var deadline = new CallDeadline(_options.TotalRequestTimeout, _timeProvider, cancellationToken))
        {
            try
            {
                response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
                try
                {
                    await ResponseSize.BufferAsync(response, _options.MaxResponseBytes, deadline.Token).ConfigureAwait(false);
                }
                catch
                {
                    response.Dispose();
                    throw;
                }
            }
            catch (HttpRequestException ex) when (ex is not UnreachableTokenEndpointException &&
                                                  NetworkFailure.Describe(ex, uri) is { } cause && !cancellationToken.IsCancellationRequested)
            {
                // Named for the operator (a failure the identity server's client already named is left as it is); still an
                // HttpRequestException, so callers tell it from an answer as before.
                throw new HttpRequestException(ex.HttpRequestError, $"SALTO KS {method.Method} {route.Path} failed: {cause}.", ex);
            }
            catch (ResponseTooLargeException ex)
            {
                throw new SaltoKsApiException(
                    string.Create(CultureInfo.InvariantCulture, $"SALTO KS {method.Method} {route.Path} answered with more than {ex.Limit} bytes (MaxResponseBytes); the call was stopped."),
                    ex);
            }
            catch (Exception ex) when (deadline.Expired(ex))
            {
                throw new SaltoKsApiException(
                    string.Create(CultureInfo.InvariantCulture, $"SALTO KS {method.Method} {route.Path} did not complete within {deadline.Limit.TotalSeconds:0.#} s (TotalRequestTimeout), the answer's body included."),
                    ex);
            }
        }

        if (response.IsSuccessStatusCode)
        {
            if (response.Content.Headers.ContentType?.MediaType is { } mediaType && mediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase))
            {
                // A sign-in page or a proxy's page with a 2xx is not SALTO KS's answer: a write may not have been made,
                // so it is a failed call (of unknown outcome), never a success.
                int status = (int)response.StatusCode;
                response.Dispose();
                throw new SaltoKsApiException(
                    string.Create(CultureInfo.InvariantCulture, $"SALTO KS {method.Method} {route.Path} answered {status} with an HTML page (a sign-in page or a proxy's), not the API's answer; the call is treated as failed."));
            }

            return response;
        }

        using (response)
        {
            SaltoKsApiException error = await SaltoKsErrorMapper.FromResponseAsync(
                response, $"{method.Method} {route.Path}", KnownSecrets, _timeProvider, cancellationToken).ConfigureAwait(false);
            SaltoKsLog.ErrorResponse(_logger, error.Status, error.ErrorCode, method.Method, route.Path);
            throw error;
        }
    }
}
