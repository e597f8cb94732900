using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;

namespace Nexudus.Salto.Sync;

/// <summary>
/// Erases one customer (a GDPR request, or a customer deleted in Nexudus): on every configured SALTO site, deletes the
/// user the SDK created for them (a user the SDK adopted is kept and only loses the memberships the SDK added), then
/// forgets every state-store row about them: identity links, ledger rows, tag records, pending journal entries and
/// payment suspensions.
/// </summary>
/// <remarks>
/// A site whose SALTO call fails keeps its rows, so erasing again completes it. Door history the check-in bridge keeps
/// is not per customer; <c>SaltoIntegration:EntryRetention</c> bounds how long it stays.
/// </remarks>
public class CustomerEraser
{
    private readonly ISaltoKsClient _salto = null!;
    private readonly ISyncStateStore _store = null!;
    private readonly IReadOnlyList<string> _sites = [];
    private readonly ILogger _logger = null!;

    /// <summary>Creates an eraser for a mocking library; every call on it fails.</summary>
    protected CustomerEraser()
    {
    }

    /// <summary>Creates an eraser over the configured sites.</summary>
    /// <param name="saltoKs">The SALTO KS client.</param>
    /// <param name="stateStore">The state store the sync uses.</param>
    /// <param name="options">The sync's options: their locations name the sites.</param>
    /// <param name="logger">The logger; none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException">A required argument is <see langword="null"/>.</exception>
    public CustomerEraser(ISaltoKsClient saltoKs, ISyncStateStore stateStore, AccessSyncOptions options, ILogger<CustomerEraser>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(saltoKs);
        ArgumentNullException.ThrowIfNull(stateStore);
        ArgumentNullException.ThrowIfNull(options);
        _salto = saltoKs;
        _store = stateStore;
        _sites = [.. options.Locations.Select(l => l.Links.SaltoSiteId?.Trim()).OfType<string>().Where(s => s.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Erases one customer on request, holding the state store's run lease so no sync runs meanwhile.</summary>
    /// <param name="customerId">The Nexudus customer id.</param>
    /// <param name="dryRun">Only say what would be removed.</param>
    /// <param name="cancellationToken">Cancels the erasure between sites.</param>
    /// <returns>What was removed.</returns>
    /// <exception cref="SyncStateLockedException">A sync holds the state store.</exception>
    public virtual async Task<CustomerErasure> EraseAsync(long customerId, bool dryRun = false, CancellationToken cancellationToken = default)
    {
        var lease = await _store.AcquireLeaseAsync("erase", cancellationToken).ConfigureAwait(false);
        await using (lease.ConfigureAwait(false))
        {
            return await EraseCoreAsync(_salto, _store, _sites, customerId, "on request", dryRun, _logger, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The erasure itself, for a caller that holds the lease (the sync).</summary>
    internal static async Task<CustomerErasure> EraseCoreAsync(
        ISaltoKsClient salto, ISyncStateStore store, IReadOnlyList<string> sites, long customerId, string reason, bool dryRun, ILogger logger,
        CancellationToken cancellationToken)
    {
        var results = new List<SiteErasure>();
        foreach (var siteId in sites)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var state = await store.LoadSiteAsync(siteId, cancellationToken).ConfigureAwait(false);
            var journal = PendingMembershipJournal.From(state);
            var changes = StateChanges(state, journal, customerId, out var links, out var owned);
            if (changes.IsEmpty)
            {
                continue;
            }

            var link = links.FirstOrDefault();
            var createdBySdk = link?.CreatedBySdk == true;
            var groupsLeft = new List<string>();
            string? error = null;
            var deleted = false;
            if (!dryRun)
            {
                try
                {
                    if (createdBySdk)
                    {
                        // Deleting the user takes every membership with it and frees the seat.
                        await salto.DeleteSiteUserAsync(siteId, link!.SiteUserId, cancellationToken).ConfigureAwait(false);
                        deleted = true;
                    }
                    else
                    {
                        foreach (var group in owned.GroupBy(o => o.GroupId, StringComparer.OrdinalIgnoreCase))
                        {
                            var result = await salto.ChangeAccessGroupMembersAsync(
                                siteId, group.Key, new AccessGroupUsersChange { RemoveIds = [.. group.Select(o => o.UserId).Distinct()] }, cancellationToken).ConfigureAwait(false);
                            if (!result.Succeeded)
                            {
                                throw new InvalidOperationException($"SALTO KS did not take the customer's user out of group {group.Key}.");
                            }

                            groupsLeft.Add(group.Key);
                        }
                    }
                }
                catch (Exception ex) when (ex is SaltoKsApiException or HttpRequestException or TimeoutException or InvalidOperationException ||
                                           (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
                {
                    error = $"Erasing customer {customerId} on site {siteId} failed; its rows are kept so erasing again completes it: {PlanExecutor.Describe(ex)}";
                    SyncLog.ErasureFailed(logger, customerId, siteId, ex);
                }

                if (error is null)
                {
                    await store.ApplyAsync(changes, cancellationToken).ConfigureAwait(false);
                }
            }
            else
            {
                groupsLeft.AddRange(createdBySdk ? [] : owned.Select(o => o.GroupId).Distinct(StringComparer.OrdinalIgnoreCase));
            }

            results.Add(new SiteErasure
            {
                SiteId = siteId,
                SiteUserId = link?.SiteUserId,
                UserCreatedBySdk = createdBySdk,
                UserDeleted = deleted,
                GroupsLeft = groupsLeft,
                StateRowsRemoved = error is null ? RowCount(changes) : 0,
                Error = error,
            });
        }

        var other = 0;
        if (results.All(r => r.Error is null) && await PaymentAwareAccess.ForgetAsync(store, customerId, logger, cancellationToken).ConfigureAwait(false) is { } suspensions)
        {
            other = 1;
            if (!dryRun)
            {
                await store.ApplyAsync(new SyncStateChanges { Values = [suspensions] }, cancellationToken).ConfigureAwait(false);
            }
        }

        SyncLog.CustomerErased(logger, customerId, results.Count, dryRun);
        return new CustomerErasure { CustomerId = customerId, Reason = reason, DryRun = dryRun, Sites = results, OtherRowsRemoved = other };
    }

    /// <summary>Every row of one site's state about a customer, as the changes that forget them. Pure.</summary>
    internal static SyncStateChanges StateChanges(
        SiteSyncState state, PendingMembershipJournal journal, long customerId, out List<IdentityLink> links, out List<OwnedMembership> owned)
    {
        var theirLinks = state.Identities.Where(l => l.CustomerId == customerId).ToList();
        var users = theirLinks.Select(l => l.PlatformUserId).ToHashSet();
        links = theirLinks;
        owned = [.. state.OwnedMemberships.Where(o => o.CustomerId == customerId || users.Contains(o.UserId))];
        var pending = journal.Entries.Where(e => e.CustomerId == customerId || users.Contains(new PlatformUserId(e.UserId))).ToList();
        var siteId = state.SiteId;
        return new SyncStateChanges
        {
            IdentitiesToRemove = [.. theirLinks.Select(l => (siteId, l.CustomerId))],
            MembershipsRemoved = [.. owned.Select(o => new MembershipKey(siteId, o.GroupId, o.UserId))],
            TagsUnassigned = [.. state.TagAssignments.Where(t => t.CustomerId == customerId).Select(t => (siteId, t.CustomerId, t.TagNumber))],
            PendingMembershipsRemoved = pending.Count > 0 ? journal.Remove(pending) : [],
        };
    }

    private static int RowCount(SyncStateChanges changes) =>
        changes.IdentitiesToRemove.Count + changes.MembershipsRemoved.Count + changes.TagsUnassigned.Count + changes.PendingMembershipsRemoved.Count;
}
