using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nexudus.Salto.CheckIns;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.Reports;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.Sample.Settings;
using Nexudus.Salto.State;
using Nexudus.Salto.Sync;

namespace Nexudus.Salto.Sample.Hosting;

/// <summary>
/// Builds the integration's parts from a host's clients and the <c>SaltoIntegration</c> settings: the state
/// store, the sync engine, the check-in bridge and the report builder.
/// </summary>
/// <remarks>A stand-in until <c>services.AddSaltoIntegration(configuration)</c> (issue 9) registers them.</remarks>
internal sealed class IntegrationComponents(IServiceProvider services, IntegrationSettings settings)
{
    private ISyncStateStore? _state;

    /// <summary>Gets the durable state store at <c>SaltoIntegration:StatePath</c>.</summary>
    /// <value>One store per host.</value>
    public ISyncStateStore State => _state ??= new SqliteSyncStateStore(new SqliteSyncStateStoreOptions { Path = Path.GetFullPath(settings.StatePath) });

    /// <summary>Creates the sync engine for the configured locations.</summary>
    /// <param name="dryRun">Plan only, write nothing.</param>
    /// <param name="allowMassRevocation">Release removals the guard would hold.</param>
    /// <returns>The synchronizer.</returns>
    public AccessSynchronizer CreateSynchronizer(bool dryRun, bool allowMassRevocation) => new(
        services.GetRequiredService<INexudusClient>(),
        services.GetRequiredService<ISaltoKsClient>(),
        State,
        new AccessSyncOptions
        {
            Locations = [.. settings.Locations.Select(l => new SyncLocation { Links = l.Links, WritePassSchedules = l.WritePassSchedules })],
            Safety = new RevocationSafety { MaxRevocations = settings.MaxRevocations, MaxRevocationPercent = settings.MaxRevocationPercent },
            DryRun = dryRun,
            AllowMassRevocation = allowMassRevocation,
        },
        services.GetRequiredService<TimeProvider>(),
        logger: services.GetRequiredService<ILogger<AccessSynchronizer>>());

    /// <summary>Creates the check-in bridge for the configured readers.</summary>
    /// <returns>The bridge.</returns>
    public CheckInBridge CreateCheckInBridge() => new(
        services.GetRequiredService<INexudusClient>(),
        services.GetRequiredService<ISaltoKsClient>(),
        State,
        new CheckInBridgeOptions { Locations = settings.ToCheckInLocations(), CheckInLookBack = settings.CheckInLookBack },
        services.GetRequiredService<TimeProvider>(),
        services.GetRequiredService<ILogger<CheckInBridge>>());

    /// <summary>Creates the access report builder for the configured locations.</summary>
    /// <returns>The builder.</returns>
    public AccessReportBuilder CreateReportBuilder() => new(
        services.GetRequiredService<INexudusClient>(),
        services.GetRequiredService<ISaltoKsClient>(),
        State,
        new AccessReportOptions { Locations = settings.ToCheckInLocations() },
        services.GetRequiredService<ILogger<AccessReportBuilder>>());
}
