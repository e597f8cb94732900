using Microsoft.Extensions.Logging;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;

namespace Nexudus.Salto.Sync;

/// <summary>
/// Keeps the SALTO tags of customers' users in step with the numbers in their Nexudus <c>AccessCardId</c>
/// (SPEC §4.9): numbers added are resolved to registered tags and assigned, numbers removed are unassigned, and
/// numbers no registered tag matches are reported (never fatal).
/// </summary>
/// <remarks>
/// Only tags the SDK assigned (the state store's tag assignments) are ever unassigned. A customer who is not in
/// the snapshot (archived or suspended customers are not read in full reads) keeps their tags. A tag the
/// customer's SALTO user already holds (its <c>tag_id</c> in the users list read at the start of the run) is
/// neither sent nor recorded nor reported: the SDK did not assign it, so it will never unassign it, the same
/// ownership rule as for members added to a group by hand.
/// </remarks>
internal sealed class TagAssigner(ISaltoKsClient client, ISyncStateStore store, ISaltoTagResolver resolver, TimeProvider time, ILogger logger)
{
    /// <summary>Works out, per customer, which numbers to assign and which stored assignments to undo.</summary>
    public static TagWork Plan(
        IEnumerable<long> customers, IReadOnlyDictionary<long, Coworker> snapshot, IReadOnlyList<TagAssignment> stored)
    {
        var work = new TagWork();
        var storedByCustomer = stored.GroupBy(t => t.CustomerId).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var customerId in customers.Concat(storedByCustomer.Keys).Distinct().Order())
        {
            if (!snapshot.TryGetValue(customerId, out var customer))
            {
                continue;
            }

            var wanted = AccessCardNumbers.Parse(customer.AccessCardId);
            var have = storedByCustomer.GetValueOrDefault(customerId) ?? [];
            foreach (var number in wanted.Where(n => !have.Any(h => string.Equals(h.TagNumber, n, StringComparison.OrdinalIgnoreCase))))
            {
                work.ToAssign.Add((customerId, number));
            }

            foreach (var assignment in have.Where(h => !wanted.Contains(h.TagNumber, StringComparer.OrdinalIgnoreCase)))
            {
                work.ToUnassign.Add(assignment);
            }
        }

        return work;
    }

    /// <summary>Resolves tag numbers to registered tag ids: one resolver call for the site, none when there is nothing to resolve.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ResolveAsync(string siteId, IEnumerable<string> numbers, CancellationToken cancellationToken)
    {
        var distinct = numbers.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return distinct.Count == 0
            ? new Dictionary<string, string>()
            : await resolver.ResolveAsync(siteId, distinct, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Assigns and unassigns; records each accepted change at once.</summary>
    /// <param name="siteId">The SALTO site.</param>
    /// <param name="work">What <see cref="Plan"/> worked out.</param>
    /// <param name="resolved">Registered tag ids by number.</param>
    /// <param name="users">Each customer's SALTO user, with the tag it held when the site's users were read.</param>
    /// <param name="dryRun">Whether to report the changes without making them.</param>
    /// <param name="errors">Collects the failures.</param>
    /// <param name="cancellationToken">Stops the work between calls.</param>
    public async Task<List<TagChange>> ApplyAsync(
        string siteId,
        TagWork work,
        IReadOnlyDictionary<string, string> resolved,
        IReadOnlyDictionary<long, MatchedIdentity> users,
        bool dryRun,
        List<SyncError> errors,
        CancellationToken cancellationToken)
    {
        var changes = new List<TagChange>();
        foreach (var assignment in work.ToUnassign)
        {
            var change = new TagChange
            {
                SiteId = siteId, CustomerId = assignment.CustomerId, Kind = TagChangeKind.Unassign,
                MaskedNumber = AccessCardNumbers.Mask(assignment.TagNumber), TagId = assignment.TagId, Outcome = SyncChangeOutcome.Planned,
            };
            if (dryRun)
            {
                changes.Add(change);
                continue;
            }

            if (!users.TryGetValue(assignment.CustomerId, out var user))
            {
                continue; // the customer has no SALTO user here any more: nothing to take the tag from
            }

            try
            {
                await client.UnassignTagAsync(siteId, user.SiteUserId, assignment.TagId, cancellationToken).ConfigureAwait(false);
                await store.ApplyAsync(
                    new SyncStateChanges { TagsUnassigned = [(siteId, assignment.CustomerId, assignment.TagNumber)] }, CancellationToken.None).ConfigureAwait(false);
                changes.Add(change with { Outcome = SyncChangeOutcome.Applied });
            }
            catch (Exception ex) when (PlanExecutor.IsServiceFailure(ex, cancellationToken))
            {
                changes.Add(Failed(change, assignment.CustomerId, ex, errors));
            }
        }

        foreach (var (customerId, number) in work.ToAssign)
        {
            var masked = AccessCardNumbers.Mask(number);
            if (!resolved.TryGetValue(number, out var tagId))
            {
                SyncLog.UnknownTag(logger, customerId, siteId);
                changes.Add(new TagChange
                {
                    SiteId = siteId, CustomerId = customerId, Kind = TagChangeKind.UnknownNumber, MaskedNumber = masked, Outcome = SyncChangeOutcome.Skipped,
                    Detail = "No tag with this number is registered at the site; register it there first.",
                });
                continue;
            }

            users.TryGetValue(customerId, out var user);
            if (string.Equals(user?.TagId, tagId, StringComparison.OrdinalIgnoreCase))
            {
                continue; // the user already holds this tag: no change, and not the SDK's to record or ever unassign
            }

            var change = new TagChange
            {
                SiteId = siteId, CustomerId = customerId, Kind = TagChangeKind.Assign, MaskedNumber = masked, TagId = tagId, Outcome = SyncChangeOutcome.Planned,
            };
            if (dryRun)
            {
                changes.Add(change);
                continue;
            }

            if (user is null)
            {
                continue; // no SALTO user (yet): assigned once the user exists
            }

            try
            {
                await client.AssignTagAsync(siteId, user.SiteUserId, tagId, cancellationToken).ConfigureAwait(false);
                await store.ApplyAsync(
                    new SyncStateChanges
                    {
                        TagsAssigned = [new TagAssignment { SiteId = siteId, CustomerId = customerId, TagNumber = number, TagId = tagId, AssignedAt = time.GetUtcNow() }],
                    },
                    CancellationToken.None).ConfigureAwait(false);
                changes.Add(change with { Outcome = SyncChangeOutcome.Applied });
            }
            catch (Exception ex) when (PlanExecutor.IsServiceFailure(ex, cancellationToken))
            {
                changes.Add(Failed(change, customerId, ex, errors));
            }
        }

        return changes;
    }

    private TagChange Failed(TagChange change, long customerId, Exception error, List<SyncError> errors)
    {
        SyncLog.TagFailed(logger, customerId, change.SiteId, error);

        // The client's messages name tag ids, never numbers; the number appears masked in the change only.
        var message = PlanExecutor.Describe(error);
        errors.Add(new SyncError { Kind = SyncErrorKind.Tag, SiteId = change.SiteId, CustomerId = customerId, Message = message });
        return change with { Outcome = SyncChangeOutcome.Failed, Detail = message };
    }
}
