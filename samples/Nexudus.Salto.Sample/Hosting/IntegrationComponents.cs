using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nexudus.Salto.CheckIns;
using Nexudus.Salto.Entitlements;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.Reports;
using Nexudus.Salto.SaltoKs;
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

    /// <summary>Gets the sync engine for the configured locations.</summary>
    /// <param name="dryRun">Plan only, write nothing.</param>
    /// <param name="allowMassRevocation">Release removals the guard would hold.</param>
    /// <returns>The container's synchronizer for a plain run; for a dry run or an override, one made the same way with that flag.</returns>
    public AccessSynchronizer CreateSynchronizer(bool dryRun, bool allowMassRevocation)
    {
        if (!dryRun && !allowMassRevocation)
        {
            return services.GetRequiredService<AccessSynchronizer>();
        }

        // AddSaltoIntegration registers one engine with the configured settings; the per-run flags of a console
        // command need their own, built from the same options and services.
        var options = Settings.Options;
        return new AccessSynchronizer(
            services.GetRequiredService<INexudusClient>(),
            services.GetRequiredService<ISaltoKsClient>(),
            State,
            new AccessSyncOptions
            {
                Locations = [.. options.Locations.Select(l => new SyncLocation { Links = l.ToLocationLinks(), WritePassSchedules = l.WritePassSchedules })],
                Safety = new RevocationSafety { MaxRevocations = options.Safety.MaxRevocations, MaxRevocationPercent = options.Safety.MaxRevocationPercent },
                MembershipChunkSize = services.GetRequiredService<IOptions<SaltoKsClientOptions>>().Value.MembershipChunkSize,
                DryRun = dryRun,
                AllowMassRevocation = allowMassRevocation,
            },
            services.GetRequiredService<TimeProvider>(),
            services.GetService<ISaltoTagResolver>(),
            services.GetRequiredService<ILogger<AccessSynchronizer>>(),
            services.GetRequiredService<EntitlementResolver>());
    }

    /// <summary>Gets the check-in bridge for the configured readers.</summary>
    /// <returns>The bridge.</returns>
    public CheckInBridge CreateCheckInBridge() => services.GetRequiredService<CheckInBridge>();

    /// <summary>Gets the access report builder for the configured locations.</summary>
    /// <returns>The builder.</returns>
    public AccessReportBuilder CreateReportBuilder() => services.GetRequiredService<AccessReportBuilder>();
}
