using Microsoft.Extensions.Logging;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;

namespace Nexudus.Salto.Sync;

/// <summary>
/// Keeps the SALTO tags of customers' users in step with the numbers in their Nexudus <c>AccessCardId</c>
///: numbers added are resolved to registered tags and assigned, numbers removed are unassigned, and
/// numbers no registered tag matches are reported (never fatal).
/// </summary>
/// <remarks>
/// <para>
/// Only tags the SDK assigned (the state store's tag assignments) are ever unassigned. A customer who is not in
/// the snapshot (archived or suspended customers are not read in full reads) keeps their tags. A tag the
/// customer's SALTO user already holds (its <c>tag_id</c> in the users list read at the start of the run) is
/// neither sent nor recorded nor reported: the SDK did not assign it, so it will never unassign it, the same
/// ownership rule as for members added to a group by hand.
/// </para>
/// <para>
/// Up to <c>writeConcurrency</c> customers are served at once; one customer's changes go one after another, and every
/// unassignment is done before any assignment (so a card moved from one customer to another is free when assigned).
/// Each accepted change is committed through the site's <see cref="SyncStateWriter"/> before it is reported.
/// </para>
/// </remarks>
internal sealed class TagAssigner(ISaltoKsClient client, ISaltoTagResolver resolver, TimeProvider time, ILogger logger, int writeConcurrency)
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
    public async Task<List<TagChange>> ApplyAsync(
        string siteId,
        TagWork work,
        IReadOnlyDictionary<string, string> resolved,
        IReadOnlyDictionary<long, MatchedIdentity> users,
        bool dryRun,
        List<SyncError> errors,
        SyncStateWriter writer,
        CancellationToken cancellationToken)
    {
        var changes = new List<TagChange>();
        var unassignments = await PerCustomerAsync(
            work.ToUnassign, a => a.CustomerId, (a, e) => UnassignAsync(siteId, a, users, dryRun, writer, e, cancellationToken), cancellationToken).ConfigureAwait(false);
        var assignments = await PerCustomerAsync(
            work.ToAssign, a => a.CustomerId, (a, e) => AssignAsync(siteId, a.CustomerId, a.Number, resolved, users, dryRun, writer, e, cancellationToken), cancellationToken)
            .ConfigureAwait(false);
        foreach (var (change, error) in unassignments.Concat(assignments))
        {
            if (change is not null)
            {
                changes.Add(change);
            }

            if (error is not null)
            {
                errors.Add(error);
            }
        }

        return changes;
    }

    /// <summary>
    /// Runs <paramref name="apply"/> for every item: customers concurrently (within the bound), one customer's items
    /// in order. The outcomes come back in the items' order, whatever order they finished in.
    /// </summary>
    private async Task<List<(TagChange? Change, SyncError? Error)>> PerCustomerAsync<T>(
        List<T> items, Func<T, long> customerOf, Func<T, List<SyncError>, Task<TagChange?>> apply, CancellationToken cancellationToken)
    {
        var outcomes = new (TagChange? Change, SyncError? Error)[items.Count];
        var byCustomer = items.Select((item, index) => (Item: item, Index: index)).GroupBy(x => customerOf(x.Item)).Select(g => g.ToList()).ToList();
        await BoundedConcurrency.ForEachAsync(
            byCustomer,
            writeConcurrency,
            async (customerItems, _) =>
            {
                foreach (var (item, index) in customerItems)
                {
                    var error = new List<SyncError>(1);
                    var change = await apply(item, error).ConfigureAwait(false);
                    outcomes[index] = (change, error.FirstOrDefault());
                }
            },
            cancellationToken).ConfigureAwait(false);
        return [.. outcomes];
    }

    private async Task<TagChange?> UnassignAsync(
        string siteId, TagAssignment assignment, IReadOnlyDictionary<long, MatchedIdentity> users, bool dryRun, SyncStateWriter writer, List<SyncError> errors,
        CancellationToken cancellationToken)
    {
        var change = new TagChange
        {
            SiteId = siteId, CustomerId = assignment.CustomerId, Kind = TagChangeKind.Unassign,
            MaskedNumber = AccessCardNumbers.Mask(assignment.TagNumber), TagId = assignment.TagId, Outcome = SyncChangeOutcome.Planned,
        };
        if (dryRun)
        {
            return change;
        }

        if (!users.TryGetValue(assignment.CustomerId, out var user))
        {
            return null; // the customer has no SALTO user here any more: nothing to take the tag from
        }

        try
        {
            await client.UnassignTagAsync(siteId, user.SiteUserId, assignment.TagId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (PlanExecutor.IsServiceFailure(ex, cancellationToken))
        {
            return Failed(change, assignment.CustomerId, ex, errors);
        }

        await writer.CommitAsync(new SyncStateChanges { TagsUnassigned = [(siteId, assignment.CustomerId, assignment.TagNumber)] }).ConfigureAwait(false);
        return change with { Outcome = SyncChangeOutcome.Applied };
    }

    private async Task<TagChange?> AssignAsync(
        string siteId, long customerId, string number, IReadOnlyDictionary<string, string> resolved, IReadOnlyDictionary<long, MatchedIdentity> users, bool dryRun,
        SyncStateWriter writer, List<SyncError> errors, CancellationToken cancellationToken)
    {
        var masked = AccessCardNumbers.Mask(number);
        if (!resolved.TryGetValue(number, out var tagId))
        {
            SyncLog.UnknownTag(logger, customerId, siteId);
            return new TagChange
            {
                SiteId = siteId, CustomerId = customerId, Kind = TagChangeKind.UnknownNumber, MaskedNumber = masked, Outcome = SyncChangeOutcome.Skipped,
                Detail = "No tag with this number is registered at the site; register it there first.",
            };
        }

        users.TryGetValue(customerId, out var user);
        if (string.Equals(user?.TagId, tagId, StringComparison.OrdinalIgnoreCase))
        {
            return null; // the user already holds this tag: no change, and not the SDK's to record or ever unassign
        }

        var change = new TagChange
        {
            SiteId = siteId, CustomerId = customerId, Kind = TagChangeKind.Assign, MaskedNumber = masked, TagId = tagId, Outcome = SyncChangeOutcome.Planned,
        };
        if (dryRun)
        {
            return change;
        }

        if (user is null)
        {
            return null; // no SALTO user (yet): assigned once the user exists
        }

        try
        {
            await client.AssignTagAsync(siteId, user.SiteUserId, tagId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (PlanExecutor.IsServiceFailure(ex, cancellationToken))
        {
            return Failed(change, customerId, ex, errors);
        }

        await writer.CommitAsync(
            new SyncStateChanges
            {
                TagsAssigned = [new TagAssignment { SiteId = siteId, CustomerId = customerId, TagNumber = number, TagId = tagId, AssignedAt = time.GetUtcNow() }],
            }).ConfigureAwait(false);
        return change with { Outcome = SyncChangeOutcome.Applied };
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
