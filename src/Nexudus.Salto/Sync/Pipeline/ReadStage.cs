using Microsoft.Extensions.Logging;
using Nexudus.Salto.Entitlements;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Sync;

/// <summary>
/// The read stage: starts the SALTO reads of the configured groups (they do not depend on Nexudus), then reads
/// Nexudus at the least cost (incremental between full reads, the named customers only on a targeted run). While the
/// lists are read, the creation-only run may create the users of customers they already entitle.
/// </summary>
internal sealed class ReadStage(ISaltoKsClient salto, NexudusSnapshotReader reader, AccessSyncOptions options, ILogger logger)
{
    /// <summary>The SALTO reads of one run, per site, sharing one gate; started ahead for the configured groups unless reads are sequential.</summary>
    public Func<string, SaltoSiteReads> StartSaltoReads(
        IReadOnlyList<IntegrationLocation> locations, SemaphoreSlim gate, Dictionary<string, SaltoSiteReads> siteReads, CancellationToken cancellationToken)
    {
        SaltoSiteReads ReadsOf(string siteId)
        {
            if (!siteReads.TryGetValue(siteId, out var reads))
            {
                siteReads.Add(siteId, reads = new SaltoSiteReads(salto, siteId, gate, cancellationToken));
            }

            return reads;
        }

        if (options.SaltoReadConcurrency > 1)
        {
            foreach (var (siteId, groups) in ConfiguredGroups(locations))
            {
                var reads = ReadsOf(siteId);
                _ = reads.Users;
                foreach (var group in groups)
                {
                    _ = reads.Members(group);
                }
            }
        }

        return ReadsOf;
    }

    /// <summary>
    /// Reads Nexudus into <paramref name="run"/>; <paramref name="createWhileReading"/>, when given, is started with the
    /// lists as soon as they are read, and the run waits for it before going on.
    /// </summary>
    public async Task ReadAsync(SyncRunContext run, Func<NexudusSnapshot, Task<EarlyUserCreations>>? createWhileReading, CancellationToken cancellationToken)
    {
        var locations = run.Locations;

        // Users for customers the lists already entitle are created while the contracts and teams are still read.
        Task<EarlyUserCreations>? creatingEarly = null;
        SnapshotReadResult read;
        try
        {
            var request = new SnapshotReadRequest(
                    [.. locations.Select(l => l.Links.NexudusBusinessId).Distinct()],
                    run.Now,
                    locations.Count == 0 ? TimeSpan.Zero : locations.Max(l => l.Links.BookingAccessBefore),
                    locations.Count == 0 ? TimeSpan.Zero : locations.Max(l => l.Links.BookingAccessAfter),
                    options.BookingLookAhead,
                    locations.Any(l => l.WritePassSchedules),
                    options.FullReadInterval,
                    createWhileReading is null ? null : lists => creatingEarly = createWhileReading(lists));
            if (run.Flags.Customers is { } named && reader.CanReadTargeted)
            {
                // A targeted run: only the named customers' records; everyone else is left as the last run left them.
                var scope = run.Scope = [];
                run.BookingGroups = run.Flags.BookingsOnly && run.Flags.TeamPayers.Count == 0
                    ? GroupsOnlyBookingsGrant(LinkMapBuilder.Build(locations.Select(l => l.Links), reader.Definitions))
                    : null;
                read = run.BookingGroups is null
                    ? await reader.ReadCustomersAsync(request, named, run.Flags.TeamPayers, scope, cancellationToken).ConfigureAwait(false)
                    : await reader.ReadCustomerBookingsAsync(request, named, scope, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                read = await reader.ReadAsync(request, cancellationToken).ConfigureAwait(false);
            }
        }
        catch when (creatingEarly is not null)
        {
            // What was created is recorded already; the run is ending, so its outcome is only observed here.
            await creatingEarly.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default)
                .ConfigureAwait(false);
            throw;
        }

        run.Early = creatingEarly is null ? new EarlyUserCreations() : await creatingEarly.ConfigureAwait(false);
        run.Errors.AddRange(run.Early.Errors);
        run.Read = read;
        var snapshot = run.Snapshot = read.Snapshot;
        SyncLog.SnapshotRead(logger, read.Kind, snapshot.Coworkers.Count, snapshot.CoworkerTimePasses.Count, snapshot.CoworkerContracts.Count,
            snapshot.Bookings.Count, run.Tally is { } tally ? tally.NexudusReads + tally.NexudusWrites : 0);
        run.Errors.AddRange(read.Failures.Select(f => new SyncError { Kind = SyncErrorKind.NexudusRead, Message = $"Reading {f.Part} from Nexudus failed: {f.Error.Message}" }));
    }

    /// <summary>
    /// The (site, group) pairs that only bookings of resources grant, when a targeted run about bookings can be decided
    /// by the customers' records and bookings alone: no location links a desk (desks are granted by contracts and
    /// bookings alike) and no group a resource grants is also granted by a pass or an unknown item. Otherwise
    /// <see langword="null"/>: the run reads the customers' whole records.
    /// </summary>
    internal static HashSet<(string Site, string Group)>? GroupsOnlyBookingsGrant(LinkMap links)
    {
        var booked = new HashSet<(string Site, string Group)>(SiteGroupComparer.Instance);
        var other = new HashSet<(string Site, string Group)>(SiteGroupComparer.Instance);
        foreach (var location in links.Locations)
        {
            if (location.FloorPlanDeskGroups.Values.Any(g => g.Count > 0))
            {
                return null;
            }

            booked.UnionWith(location.ResourceGroups.Values.SelectMany(g => g).Select(g => (location.SiteId, g)));
            other.UnionWith(location.TimePassGroups.Values.SelectMany(g => g).Concat(location.OtherManagedGroups).Select(g => (location.SiteId, g)));
        }

        return booked.Count > 0 && !booked.Overlaps(other) ? booked : null;
    }

    private static Dictionary<string, HashSet<string>> ConfiguredGroups(IReadOnlyList<IntegrationLocation> locations)
    {
        var bySite = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var links in locations.Select(l => l.Links))
        {
            var site = links.SaltoSiteId?.Trim();
            if (string.IsNullOrEmpty(site))
            {
                continue;
            }

            if (!bySite.TryGetValue(site, out var groups))
            {
                bySite.Add(site, groups = new HashSet<string>(StringComparer.OrdinalIgnoreCase));
            }

            foreach (var list in links.TimePassGroups.Values.Concat(links.FloorPlanDeskGroups.Values).Concat(links.ResourceGroups.Values))
            {
                groups.UnionWith((list ?? []).Where(g => !string.IsNullOrWhiteSpace(g)).Select(g => g.Trim()));
            }
        }

        return bySite;
    }
}
