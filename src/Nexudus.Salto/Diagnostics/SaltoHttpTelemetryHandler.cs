using System.Diagnostics;
using System.Net;

namespace Nexudus.Salto.Diagnostics;

/// <summary>
/// Wraps every HTTP attempt to Nexudus or SALTO KS in a span and counts it (and its throttling) on
/// <see cref="SaltoMetrics"/>. It sits innermost, next to the wire, so retries and throttled attempts
/// are each seen.
/// </summary>
/// <remarks>
/// Only the method, the path and the status are recorded: a query can hold an e-mail filter and headers
/// hold tokens, so neither is ever read here.
/// </remarks>
internal sealed class SaltoHttpTelemetryHandler : DelegatingHandler
{
    /// <summary>The <c>service</c> tag of calls to Nexudus.</summary>
    public const string Nexudus = "nexudus";

    /// <summary>The <c>service</c> tag of calls to SALTO KS.</summary>
    public const string SaltoKs = "saltoks";

    private readonly SaltoMetrics _metrics;
    private readonly string _service;

    public SaltoHttpTelemetryHandler(SaltoMetrics metrics, string service)
    {
        _metrics = metrics;
        _service = service;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var method = request.Method.Method;
        using var activity = SaltoMetrics.ActivitySource.StartActivity($"{_service} {method}", ActivityKind.Client);
        if (activity is not null)
        {
            activity.SetTag("service", _service);
            activity.SetTag("http.request.method", method);
            activity.SetTag("url.path", request.RequestUri?.AbsolutePath);
        }

        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            // No status: the call never got an answer (network error, timeout or cancellation).
            _metrics.HttpCalls.Add(1, new("service", _service), new("http.request.method", method), new("http.response.status_code", 0));
            _metrics.Errors.Add(1, new("operation", "http"), new("service", _service));
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }

        var status = (int)response.StatusCode;
        _metrics.HttpCalls.Add(1, new("service", _service), new("http.request.method", method), new("http.response.status_code", status));
        activity?.SetTag("http.response.status_code", status);
        if (IsThrottled(response.StatusCode))
        {
            _metrics.HttpThrottles.Add(1, new KeyValuePair<string, object?>("service", _service));
        }

        if (!response.IsSuccessStatusCode)
        {
            activity?.SetStatus(ActivityStatusCode.Error);
        }

        return response;
    }

    // Nexudus throttles with 409 (and may send 429); SALTO KS with 429.
    private bool IsThrottled(HttpStatusCode status) =>
        status == HttpStatusCode.TooManyRequests || (_service == Nexudus && status == HttpStatusCode.Conflict);
}
