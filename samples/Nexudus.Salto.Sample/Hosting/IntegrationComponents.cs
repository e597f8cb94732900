using Microsoft.Extensions.DependencyInjection;
using Nexudus.Salto.CheckIns;
using Nexudus.Salto.Reports;
using Nexudus.Salto.Sample.Settings;
using Nexudus.Salto.State;
using Nexudus.Salto.Sync;

namespace Nexudus.Salto.Sample.Hosting;

/// <summary>The integration's parts, as <c>AddSaltoIntegration</c> registered them in a host.</summary>
internal sealed class IntegrationComponents(IServiceProvider services, IntegrationSettings settings)
{
    /// <summary>Gets the settings the parts were made from.</summary>
    /// <value>The bound <c>SaltoIntegration</c> section.</value>
    public IntegrationSettings Settings { get; } = settings;

    /// <summary>Gets the durable state store at <c>SaltoIntegration:StatePath</c>.</summary>
    /// <value>The host's store.</value>
    public ISyncStateStore State => services.GetRequiredService<ISyncStateStore>();

    /// <summary>Runs one sync pass with the container's synchronizer (the one the worker uses too).</summary>
    /// <param name="dryRun">Plan only, write nothing.</param>
    /// <param name="allowMassRevocation">Release removals the guard would hold.</param>
    /// <param name="cancellationToken">Stops the run between steps.</param>
    /// <returns>The run's report.</returns>
    public Task<SyncReport> SynchronizeAsync(bool dryRun, bool allowMassRevocation, CancellationToken cancellationToken) =>
        SynchronizeAsync(new SyncRunOptions { DryRun = dryRun, AllowMassRevocation = allowMassRevocation }, cancellationToken);

    /// <summary>Runs one sync pass with the given per-run settings.</summary>
    /// <param name="runOptions">The settings of this run.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The report.</returns>
    public Task<SyncReport> SynchronizeAsync(SyncRunOptions runOptions, CancellationToken cancellationToken) =>
        services.GetRequiredService<AccessSynchronizer>().SynchronizeAsync(runOptions, cancellationToken);

    /// <summary>Gets the check-in bridge for the configured readers.</summary>
    /// <returns>The bridge.</returns>
    public CheckInBridge CreateCheckInBridge() => services.GetRequiredService<CheckInBridge>();

    /// <summary>Gets the access report builder for the configured locations.</summary>
    /// <returns>The builder.</returns>
    public AccessReportBuilder CreateReportBuilder() => services.GetRequiredService<AccessReportBuilder>();
}
