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
/// <para>
/// It owns a site's tags end to end in a run: it prepares them before the plan is applied
/// (<see cref="PrepareAsync"/>, or <see cref="PrepareForCreationsAsync"/> in the creation-only run), gives the
/// executor the tag of each new user (<see cref="SiteTags.CreationTags"/>), and assigns the rest afterwards
/// (<see cref="CompleteAsync"/>).
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

    /// <summary>
    /// Prepares the tags of one site of a whole run: works out what to assign and undo for the site's customers and
    /// resolves the numbers (those the creation-only run resolved are not asked again). A site without a tag endpoint
    /// gets one warning and no tag writes this run; a failed look-up is an error and leaves tags as they are.
    /// </summary>
    public async Task<SiteTags> PrepareAsync(SyncRunContext run, SiteRun site, CancellationToken cancellationToken)
    {
        var siteId = site.SiteId;
        var work = Plan(site.Customers, run.TagCustomers, site.State.TagAssignments);
        var resolved = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var usable = true;
        try
        {
            if (run.Early.SitesWithoutTagEndpoints.TryGetValue(siteId, out var status))
            {
                throw SaltoKsErrorMapper.Create(status, null, null, null, "GET (tag list)", []);
            }

            // Numbers resolved while Nexudus was being read are not asked again.
            var known = run.Early.TagLookups.GetValueOrDefault(siteId);
            var toAsk = new List<string>();
            foreach (var number in work.ToAssign.Select(t => t.Number).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (known is not null && known.TryGetValue(number, out var id))
                {
                    if (id is not null)
                    {
                        resolved[number] = id;
                    }
                }
                else
                {
                    toAsk.Add(number);
                }
            }

            foreach (var (number, id) in await ResolveAsync(siteId, toAsk, cancellationToken).ConfigureAwait(false))
            {
                resolved[number] = id;
            }
        }
        catch (SaltoKsApiException ex) when (IsMissingTagEndpoint(ex))
        {
            // An unconfirmed endpoint never fails a run: one warning, and tag writes are off for the site this run.
            usable = false;
            SyncLog.TagEndpointsMissing(logger, siteId, ex.Status);
            run.Warnings.Add(new SyncWarning
            {
                Kind = SyncWarningKind.TagEndpointsMissing,
                SiteId = siteId,
                Message = $"Site {siteId} answered {ex.Status} on its tag endpoint, so tags are not assigned there this run; " +
                          "the report still compares Access Card Ids with the tag numbers SALTO shows (TagDifferences).",
            });
        }
        catch (Exception ex) when (PlanExecutor.IsServiceFailure(ex, cancellationToken))
        {
            usable = false;
            run.Errors.Add(new SyncError { Kind = SyncErrorKind.Tag, SiteId = siteId, Message = $"Reading the tags of site {siteId} failed; tags are left as they are this run: {PlanExecutor.Describe(ex)}" });
        }

        return new SiteTags(work, resolved, usable, CreationTags(site.Plan.Plan.UserCreations, work, resolved));
    }

    /// <summary>
    /// Prepares the tags of the users the creation-only run creates on one site. Every customer's numbers are resolved
    /// at once (the resolver reads the site's tags either way): one look-up serves the creations now and the rest of the
    /// run, including customers only contracts and teams turn out to entitle; what it learned is noted in
    /// <see cref="SyncRunContext.Early"/>. A failed look-up only leaves the users to be created without tags.
    /// </summary>
    public async Task<SiteTags> PrepareForCreationsAsync(SyncRunContext run, SiteRun site, CancellationToken cancellationToken)
    {
        var siteId = site.SiteId;
        var stored = site.State.TagAssignments;
        var work = Plan(run.Customers.Keys, run.Customers, stored);
        IReadOnlyDictionary<string, string> resolved = new Dictionary<string, string>();
        try
        {
            // No tag call at all unless someone this site entitles (or whose tag the SDK assigned) has a card number.
            var numbers = Plan(site.Customers.Concat(stored.Select(t => t.CustomerId)), run.Customers, stored).IsEmpty
                ? []
                : work.ToAssign.Select(t => t.Number).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            resolved = await ResolveAsync(siteId, numbers, cancellationToken).ConfigureAwait(false);
            run.Early.NoteTags(siteId, numbers, resolved);
        }
        catch (SaltoKsApiException ex) when (IsMissingTagEndpoint(ex))
        {
            // Remembered for the run: the rest of it neither asks again nor writes tags on this site.
            run.Early.SitesWithoutTagEndpoints[siteId] = ex.Status;
        }
        catch (Exception ex) when (PlanExecutor.IsServiceFailure(ex, cancellationToken))
        {
            // Created without tags: the rest of the run assigns them (and reports the failure if it persists).
        }

        return new SiteTags(work, resolved, false, CreationTags(site.Plan.Plan.UserCreations, work, resolved));
    }

    /// <summary>
    /// Assigns and unassigns the site's tags once its plan is applied: new users count as matched, a number given at
    /// creation or already shown on the user is not sent again. Nothing when the site's tags are not usable this run.
    /// </summary>
    public async Task CompleteAsync(SyncRunContext run, SiteRun site, SiteTags tags, SiteExecutionResult executed, CancellationToken cancellationToken)
    {
        if (!tags.Usable)
        {
            return;
        }

        var users = new Dictionary<long, MatchedIdentity>(site.Identities.Matched);
        foreach (var (customerId, created) in executed.Created)
        {
            users[customerId] = created;
        }

        var work = tags.Work;
        work.ToAssign.RemoveAll(t => executed.TaggedAtCreation.TryGetValue(t.CustomerId, out var number) && string.Equals(number, t.Number, StringComparison.OrdinalIgnoreCase));

        // A number the user already shows as its tag_number is held already: nothing to send, and not the SDK's to record.
        var heldNumbers = site.Users.Where(u => u.User?.TagNumber is not null).DistinctBy(u => u.Id).ToDictionary(u => u.Id, u => u.User!.TagNumber!.Trim());
        work.ToAssign.RemoveAll(t => users.TryGetValue(t.CustomerId, out var user) && heldNumbers.TryGetValue(user.SiteUserId, out var held) &&
                                     string.Equals(held, t.Number, StringComparison.OrdinalIgnoreCase));
        var (changes, errors) = await ApplyAsync(site.SiteId, work, tags.Resolved, users, run.Flags.DryRun, site.Writer, cancellationToken).ConfigureAwait(false);
        run.Tags.AddRange(changes);
        run.Errors.AddRange(errors);
    }

    /// <summary>The tag each new user gets at creation: the first of the customer's numbers that resolved to a registered tag.</summary>
    internal static Dictionary<long, (string Number, string TagId)> CreationTags(
        IEnumerable<PlannedUserCreation> creations, TagWork work, IReadOnlyDictionary<string, string> resolved)
    {
        var creationTags = new Dictionary<long, (string, string)>();
        foreach (var creation in creations)
        {
            var first = work.ToAssign.FirstOrDefault(t => t.CustomerId == creation.CustomerId && resolved.ContainsKey(t.Number));
            if (first.Number is not null)
            {
                creationTags[creation.CustomerId] = (first.Number, resolved[first.Number]);
            }
        }

        return creationTags;
    }

    // A 404 or 405 from the tag list: the site has no such endpoint (the site itself answered the users read).
    private static bool IsMissingTagEndpoint(Exception exception) => exception is SaltoKsApiException { Status: 404 or 405 };

    /// <summary>Resolves tag numbers to registered tag ids: one resolver call for the site, none when there is nothing to resolve.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ResolveAsync(string siteId, IEnumerable<string> numbers, CancellationToken cancellationToken)
    {
        var distinct = numbers.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return distinct.Count == 0
            ? new Dictionary<string, string>()
            : await resolver.ResolveAsync(siteId, distinct, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Assigns and unassigns; records each accepted change at once.</summary>
    /// <returns>The changes in work order (unassignments first), and the errors of the failed ones.</returns>
    public async Task<(List<TagChange> Changes, List<SyncError> Errors)> ApplyAsync(
        string siteId,
        TagWork work,
        IReadOnlyDictionary<string, string> resolved,
        IReadOnlyDictionary<long, MatchedIdentity> users,
        bool dryRun,
        SyncStateWriter writer,
        CancellationToken cancellationToken)
    {
        var changes = new List<TagChange>();
        var errors = new List<SyncError>();
        var unassignments = await PerCustomerAsync(
            work.ToUnassign, a => a.CustomerId, a => UnassignAsync(siteId, a, users, dryRun, writer, cancellationToken), cancellationToken).ConfigureAwait(false);
        var assignments = await PerCustomerAsync(
            work.ToAssign, a => a.CustomerId, a => AssignAsync(siteId, a.CustomerId, a.Number, resolved, users, dryRun, writer, cancellationToken), cancellationToken)
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

        return (changes, errors);
    }

    /// <summary>
    /// Runs <paramref name="apply"/> for every item: customers concurrently (within the bound), one customer's items
    /// in order. The outcomes come back in the items' order, whatever order they finished in.
    /// </summary>
    private async Task<List<(TagChange? Change, SyncError? Error)>> PerCustomerAsync<T>(
        List<T> items, Func<T, long> customerOf, Func<T, Task<TagOutcome>> apply, CancellationToken cancellationToken)
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
                    var outcome = await apply(item).ConfigureAwait(false);
                    outcomes[index] = (outcome.Change, outcome.Error);
                }
            },
            cancellationToken).ConfigureAwait(false);
        return [.. outcomes];
    }

    private async Task<TagOutcome> UnassignAsync(
        string siteId, TagAssignment assignment, IReadOnlyDictionary<long, MatchedIdentity> users, bool dryRun, SyncStateWriter writer, CancellationToken cancellationToken)
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
            return default; // the customer has no SALTO user here any more: nothing to take the tag from
        }

        try
        {
            await client.UnassignTagAsync(siteId, user.SiteUserId, assignment.TagId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (PlanExecutor.IsServiceFailure(ex, cancellationToken))
        {
            return Failed(change, assignment.CustomerId, ex);
        }

        await writer.CommitAsync(new SyncStateChanges { TagsUnassigned = [(siteId, assignment.CustomerId, assignment.TagNumber)] }).ConfigureAwait(false);
        return change with { Outcome = SyncChangeOutcome.Applied };
    }

    private async Task<TagOutcome> AssignAsync(
        string siteId, long customerId, string number, IReadOnlyDictionary<string, string> resolved, IReadOnlyDictionary<long, MatchedIdentity> users, bool dryRun,
        SyncStateWriter writer, CancellationToken cancellationToken)
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
            return default; // the user already holds this tag: no change, and not the SDK's to record or ever unassign
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
            return default; // no SALTO user (yet): assigned once the user exists
        }

        try
        {
            await client.AssignTagAsync(siteId, user.SiteUserId, tagId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (PlanExecutor.IsServiceFailure(ex, cancellationToken))
        {
            return Failed(change, customerId, ex);
        }

        await writer.CommitAsync(
            new SyncStateChanges
            {
                TagsAssigned = [new TagAssignment { SiteId = siteId, CustomerId = customerId, TagNumber = number, TagId = tagId, AssignedAt = time.GetUtcNow() }],
            }).ConfigureAwait(false);
        return change with { Outcome = SyncChangeOutcome.Applied };
    }

    private TagOutcome Failed(TagChange change, long customerId, Exception error)
    {
        SyncLog.TagFailed(logger, customerId, change.SiteId, error);

        // The client's messages name tag ids, never numbers; the number appears masked in the change only.
        var message = PlanExecutor.Describe(error);
        return new(
            change with { Outcome = SyncChangeOutcome.Failed, Detail = message },
            new SyncError { Kind = SyncErrorKind.Tag, SiteId = change.SiteId, CustomerId = customerId, Message = message });
    }

    /// <summary>What one assignment or unassignment came to: a change to report (none when nothing was to be done), and its error if it failed.</summary>
    private readonly record struct TagOutcome(TagChange? Change, SyncError? Error)
    {
        public static implicit operator TagOutcome(TagChange change) => new(change, null);
    }
}
