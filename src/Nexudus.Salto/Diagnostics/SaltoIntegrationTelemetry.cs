namespace Nexudus.Salto.Diagnostics;

/// <summary>
/// The names under which the SDK publishes its traces and metrics, to switch them on in OpenTelemetry
/// (<c>.AddSource(SaltoIntegrationTelemetry.ActivitySourceName)</c>, <c>.AddMeter(SaltoIntegrationTelemetry.MeterName)</c>).
/// </summary>
/// <remarks>
/// Instrument names are stable public API: <c>nexudus_salto.sync.duration</c>, <c>nexudus_salto.sync.grants</c>,
/// <c>nexudus_salto.sync.revocations</c>, <c>nexudus_salto.sync.removals_held</c>, <c>nexudus_salto.sync.edge_delay</c>,
/// <c>nexudus_salto.errors</c>, <c>nexudus_salto.http.calls</c> and <c>nexudus_salto.http.throttles</c>.
/// No span or tag ever carries a credential, PIN, card number or e-mail address.
/// </remarks>
public static class SaltoIntegrationTelemetry
{
    /// <summary>The name of the <see cref="System.Diagnostics.ActivitySource"/> (spans per sync, plan, apply, check-in pass and HTTP call).</summary>
    public const string ActivitySourceName = "Nexudus.Salto";

    /// <summary>The name of the <see cref="System.Diagnostics.Metrics.Meter"/>.</summary>
    public const string MeterName = "Nexudus.Salto";
}
