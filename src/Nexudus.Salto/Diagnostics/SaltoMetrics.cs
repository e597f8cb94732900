using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Nexudus.Salto.Diagnostics;

/// <summary>
/// The SDK's <see cref="Meter"/> and <see cref="ActivitySource"/>, both named <c>Nexudus.Salto</c>, and every
/// instrument on them. One instance per container (the meter comes from <see cref="IMeterFactory"/> when the
/// container has one, so tests and hosts each see their own).
/// </summary>
internal sealed class SaltoMetrics : IDisposable
{
    /// <summary>The SDK's spans: <c>sync</c>, <c>sync.plan</c>, <c>sync.apply</c>, <c>checkins</c>, and one per HTTP call.</summary>
    public static readonly ActivitySource ActivitySource = new(SaltoIntegrationTelemetry.ActivitySourceName, Version);

    private const string Version = "1.0";

    // Disposed only when this class created it; a meter from IMeterFactory belongs to the factory.
    private readonly Meter? _ownedMeter;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>, or on a meter of its own.</summary>
    /// <param name="meterFactory">The container's factory, or <see langword="null"/>.</param>
    public SaltoMetrics(IMeterFactory? meterFactory)
    {
        Meter meter;
        if (meterFactory is null)
        {
            meter = _ownedMeter = new Meter(SaltoIntegrationTelemetry.MeterName, Version);
        }
        else
        {
            meter = meterFactory.Create(new MeterOptions(SaltoIntegrationTelemetry.MeterName) { Version = Version });
        }

        Meter = meter;
        SyncDuration = meter.CreateHistogram<double>(
            "nexudus_salto.sync.duration", "s", "How long a full sync (read, plan, apply) took.");
        Grants = meter.CreateCounter<long>(
            "nexudus_salto.sync.grants", "{membership}", "Access-group memberships added in SALTO KS.");
        Revocations = meter.CreateCounter<long>(
            "nexudus_salto.sync.revocations", "{membership}", "Access-group memberships removed in SALTO KS.");
        RemovalsHeld = meter.CreateCounter<long>(
            "nexudus_salto.sync.removals_held", "{membership}", "Removals held back by the safety guard.");
        EdgeDelay = meter.CreateHistogram<double>(
            "nexudus_salto.sync.edge_delay", "s", "Delay from a window edge (a booking opening or closing) to its change applied in SALTO KS.");
        Errors = meter.CreateCounter<long>(
            "nexudus_salto.errors", "{error}", "Failed runs and calls, by operation.");
        HttpCalls = meter.CreateCounter<long>(
            "nexudus_salto.http.calls", "{call}", "HTTP calls to Nexudus and SALTO KS (every attempt), by service, method and status.");
        HttpThrottles = meter.CreateCounter<long>(
            "nexudus_salto.http.throttles", "{call}", "Calls the service throttled (Nexudus 409 or 429, SALTO KS 429), by service.");
    }

    /// <summary>Gets the meter the instruments live on.</summary>
    public Meter Meter { get; }

    /// <summary>Gets the duration of full syncs, in seconds; tag <c>outcome</c>.</summary>
    public Histogram<double> SyncDuration { get; }

    /// <summary>Gets the memberships added; tag <c>site</c>.</summary>
    public Counter<long> Grants { get; }

    /// <summary>Gets the memberships removed; tag <c>site</c>.</summary>
    public Counter<long> Revocations { get; }

    /// <summary>Gets the removals held by the guard; tag <c>site</c>.</summary>
    public Counter<long> RemovalsHeld { get; }

    /// <summary>Gets the delay from a window edge to the applied change, in seconds.</summary>
    public Histogram<double> EdgeDelay { get; }

    /// <summary>Gets the errors; tag <c>operation</c> (<c>sync</c>, <c>checkins</c>, <c>http</c>).</summary>
    public Counter<long> Errors { get; }

    /// <summary>Gets the HTTP calls; tags <c>service</c>, <c>http.request.method</c>, <c>http.response.status_code</c>.</summary>
    public Counter<long> HttpCalls { get; }

    /// <summary>Gets the throttled HTTP calls; tag <c>service</c>.</summary>
    public Counter<long> HttpThrottles { get; }

    /// <inheritdoc/>
    public void Dispose() => _ownedMeter?.Dispose();
}
