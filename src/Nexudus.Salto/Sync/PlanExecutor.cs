using Microsoft.Extensions.Logging;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;

namespace Nexudus.Salto.Sync;

/// <summary>
/// Applies one site's plan: creates the missing SALTO users, then sends one bulk
/// <c>PATCH …/access_groups/{id}/users</c> per changed group, chunked, and records in the state store only what
/// SALTO accepted, chunk by chunk (by id, when the client had to split a chunk SALTO rejected whole).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Up to <see cref="AccessSyncOptions.SaltoWriteConcurrency"/> creations are in flight at once, then up to as
/// many groups (the chunks of one group go in order). Records go through the site's <see cref="SyncStateWriter"/>,
/// which saves together what finishes together and never writes to the store twice at once. The report's order does
/// not depend on which call finished first: creations by customer id, groups in id order.</item>
/// <item>A new user's identity link is saved as soon as SALTO has created it, and the creation is reported only once
/// it is saved; their additions then use the new platform user id. A customer whose user could not be created has
/// their additions skipped.</item>
/// <item>Every chunk is journalled before it is sent (<see cref="PendingMembershipJournal"/>), so a run stopped at
/// any point leaves a ledger that claims nothing SALTO lacks, and the next run settles the rest.</item>
/// <item>A failed group records its failure with an exponential back-off and does not stop the others; a group
/// still waiting out its back-off is skipped.</item>
/// <item>State written after SALTO accepted a change is written even if the run is being cancelled: knowing what
/// SALTO did matters more than stopping a few milliseconds sooner. Cancellation stops new calls from starting;
/// those in flight finish (or fail) and are recorded first.</item>
/// </list>
/// </remarks>
internal sealed class PlanExecutor(ISaltoKsClient client, AccessSyncOptions options, TimeProvider time, ILogger logger)
{
    private int Concurrency => Math.Clamp(options.SaltoWriteConcurrency, 1, AccessSyncOptions.MaxSaltoWriteConcurrency);

    public async Task<SiteExecutionResult> ExecuteAsync(SiteExecutionInput input, SyncStateWriter writer, bool dryRun, CancellationToken cancellationToken)
    {
        var result = new SiteExecutionResult();
        var plan = input.Plan;
        var creations = plan.UserCreations.OrderBy(c => c.CustomerId).ToList();
        var failedCreations = new HashSet<long>();
        if (dryRun)
        {
            result.Creations.AddRange(creations.Select(c => new UserCreation { SiteId = plan.SiteId, CustomerId = c.CustomerId, Outcome = SyncChangeOutcome.Planned }));
        }
        else
        {
            var outcomes = new CreationOutcome[creations.Count];
            await BoundedConcurrency.ForEachAsync(
                creations,
                Concurrency,
                async (creation, i) => outcomes[i] = await CreateUserAsync(creation, input, writer, cancellationToken).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
            foreach (var outcome in outcomes)
            {
                result.Creations.Add(outcome.Creation);
                if (outcome.Error is { } error)
                {
                    result.Errors.Add(error);
                }

                if (outcome.Identity is { } identity)
                {
                    result.Created[identity.CustomerId] = identity;
                }
                else
                {
                    failedCreations.Add(outcome.Creation.CustomerId);
                }

                if (outcome.TagNumber is { } number)
                {
                    result.TaggedAtCreation[outcome.Creation.CustomerId] = number;
                }
            }
        }

        var groups = plan.Additions.Select(a => a.GroupId).Concat(plan.Removals.Select(r => r.GroupId))
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        var groupResults = new GroupOutcome[groups.Count];
        await BoundedConcurrency.ForEachAsync(
            groups,
            Concurrency,
            async (group, i) =>
            {
                var additions = plan.Additions.Where(a => Same(a.GroupId, group)).ToList();
                var removals = plan.Removals.Where(r => Same(r.GroupId, group)).ToList();
                var outcome = groupResults[i] = new GroupOutcome();
                await ChangeGroupAsync(input, group, additions, removals, result.Created, failedCreations, dryRun, writer, outcome, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        foreach (var outcome in groupResults)
        {
            result.Changes.AddRange(outcome.Changes);
            result.Errors.AddRange(outcome.Errors);
        }

        return result;
    }

    private async Task<CreationOutcome> CreateUserAsync(PlannedUserCreation creation, SiteExecutionInput input, SyncStateWriter writer, CancellationToken cancellationToken)
    {
        var site = input.Plan.SiteId;
        var tag = input.CreationTags.TryGetValue(creation.CustomerId, out var t) ? t : default;
        var request = new SiteUserCreateRequest
        {
            FirstName = creation.FirstName,
            LastName = creation.LastName,
            Email = creation.Email,
            RoleIds = options.NewUserRoleIds,
            TagId = tag.TagId,
        };

        SiteUserCreateResult created;
        try
        {
            // The run has just read every user of the site, so the client's own look-up first would only double the calls.
            created = await client.CreateSiteUserAsync(site, request, SiteUserCreateLookup.OnlyAfterUncertainCreate, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsServiceFailure(ex, cancellationToken))
        {
            SyncLog.UserCreationFailed(logger, creation.CustomerId, site, ex);
            var message = Describe(ex);
            return new CreationOutcome(
                new UserCreation { SiteId = site, CustomerId = creation.CustomerId, Outcome = SyncChangeOutcome.Failed, Detail = message },
                new SyncError { Kind = SyncErrorKind.UserCreation, SiteId = site, CustomerId = creation.CustomerId, Message = message });
        }

        if (created.User.User?.Id is not { Value: not null } platformUserId)
        {
            const string Message = "SALTO KS created the user but returned no platform user id; it is matched by e-mail on the next run.";
            return new CreationOutcome(
                new UserCreation { SiteId = site, CustomerId = creation.CustomerId, SiteUserId = created.User.Id, Outcome = SyncChangeOutcome.Failed, Detail = Message },
                new SyncError { Kind = SyncErrorKind.UserCreation, SiteId = site, CustomerId = creation.CustomerId, Message = Message });
        }

        var now = time.GetUtcNow();
        var sent = created.Outcome == SiteUserCreateOutcome.Created;
        var tagged = sent && tag.TagId is not null;
        var changes = new SyncStateChanges
        {
            IdentitiesToSave =
            [
                new IdentityLink
                {
                    SiteId = site,
                    CustomerId = creation.CustomerId,
                    SiteUserId = created.User.Id,
                    PlatformUserId = platformUserId,
                    Email = creation.Email,
                    CreatedBySdk = created.Outcome != SiteUserCreateOutcome.AlreadyExisted,
                    LinkedAt = now,
                },
            ],
            TagsAssigned = tagged
                ? [new TagAssignment { SiteId = site, CustomerId = creation.CustomerId, TagNumber = tag.Number, TagId = tag.TagId!, AssignedAt = now }]
                : [],
        };
        await writer.CommitAsync(changes).ConfigureAwait(false);

        SyncLog.UserCreated(logger, created.User.Id, platformUserId, creation.CustomerId, site);
        var identity = new MatchedIdentity(creation.CustomerId, created.User.Id, platformUserId, IdentityMatchKind.Email);
        var done = new UserCreation
        {
            SiteId = site,
            CustomerId = creation.CustomerId,
            SiteUserId = created.User.Id,
            PlatformUserId = platformUserId,
            InvitationSent = sent,
            Outcome = SyncChangeOutcome.Applied,
        };
        if (created.Outcome != SiteUserCreateOutcome.AlreadyExisted && created.User.SubscriptionState == SubscriptionState.Suspended)
        {
            // SALTO answers 201 with every seat taken, but the user is suspended and opens nothing: a failure, never silent.
            // The user exists (and is linked above), so memberships still go in and take effect once a seat is freed.
            SyncLog.UserCreatedSuspended(logger, creation.CustomerId, site);
            var message = $"No free seat at site {site}: SALTO KS holds the user of customer {creation.CustomerId} suspended, so they cannot open any " +
                          "door until a seat is freed (delete unused users or add seats) and the user is subscribed.";
            return new CreationOutcome(
                done with { Outcome = SyncChangeOutcome.Failed, Detail = message },
                new SyncError { Kind = SyncErrorKind.UserCreation, SiteId = site, CustomerId = creation.CustomerId, Message = message },
                identity,
                tagged ? tag.Number : null);
        }

        return new CreationOutcome(done, null, identity, tagged ? tag.Number : null);
    }

    private async Task ChangeGroupAsync(
        SiteExecutionInput input,
        string group,
        List<PlannedMembershipAddition> additions,
        List<PlannedMembershipRemoval> removals,
        Dictionary<long, MatchedIdentity> createdUsers,
        HashSet<long> failedCreations,
        bool dryRun,
        SyncStateWriter writer,
        GroupOutcome result,
        CancellationToken cancellationToken)
    {
        var site = input.Plan.SiteId;
        var adds = new List<(PlatformUserId User, PlannedMembershipAddition Addition)>();
        foreach (var addition in additions)
        {
            var user = addition.UserId ?? (createdUsers.TryGetValue(addition.CustomerId, out var created) ? created.PlatformUserId : null);
            if (user is { } id)
            {
                adds.Add((id, addition));
            }
            else if (!dryRun)
            {
                result.Changes.Add(Change(addition, null, failedCreations.Contains(addition.CustomerId) ? SyncChangeOutcome.Skipped : SyncChangeOutcome.Failed,
                    "The customer's SALTO user could not be created; the addition waits for a later run."));
            }
            else
            {
                result.Changes.Add(Change(addition, null, SyncChangeOutcome.Planned, null));
            }
        }

        var removes = removals;
        if (input.HoldRemovals)
        {
            result.Changes.AddRange(removals.Select(r => Change(r, SyncChangeOutcome.Held, "Held by the revocation guard.")));
            removes = [];
        }

        if (dryRun)
        {
            result.Changes.AddRange(adds.Select(a => Change(a.Addition, a.User, SyncChangeOutcome.Planned, null)));
            result.Changes.AddRange(removes.Select(r => Change(r, SyncChangeOutcome.Planned, null)));
            return;
        }

        if (adds.Count == 0 && removes.Count == 0)
        {
            return;
        }

        var status = input.Statuses.FirstOrDefault(s => Same(s.GroupId, group));
        var now = time.GetUtcNow();
        if (status?.NextAttemptAt is { } next && next > now)
        {
            var detail = $"The group is waiting out its back-off after {status.ConsecutiveFailures} failed attempt(s); next attempt after {next:O}.";
            SyncLog.GroupInBackOff(logger, group, site, next);
            result.Changes.AddRange(adds.Select(a => Change(a.Addition, a.User, SyncChangeOutcome.Skipped, detail)));
            result.Changes.AddRange(removes.Select(r => Change(r, SyncChangeOutcome.Skipped, detail)));
            result.Errors.Add(new SyncError { Kind = SyncErrorKind.GroupBackOff, SiteId = site, GroupId = group, Message = detail });
            return;
        }

        var size = Math.Max(1, options.MembershipChunkSize);
        var chunks = Math.Max((adds.Count + size - 1) / size, (removes.Count + size - 1) / size);
        Exception? failure = null;
        int added = 0, removed = 0;
        for (var i = 0; i < chunks; i++)
        {
            var chunkAdds = adds.Skip(i * size).Take(size).ToList();
            var chunkRemoves = removes.Skip(i * size).Take(size).ToList();
            var pending = chunkAdds.Select(a => new PendingMembershipChange(group, a.User.Value, true, a.Addition.CustomerId, null))
                .Concat(chunkRemoves.Where(r => r.Basis == RemovalBasis.AddedBySdk)
                    .Select(r => new PendingMembershipChange(group, r.UserId.Value, false, r.CustomerId, r.AddedAt)))
                .ToList();

            // Write ahead: the journal learns of the chunk, and the ledger stops claiming what is being removed. A
            // cancelled run sends nothing more, so it journals nothing more either.
            cancellationToken.ThrowIfCancellationRequested();
            await writer.CommitAsync(
                new SyncStateChanges
                {
                    MembershipsRemoved = [.. chunkRemoves.Where(r => r.Basis == RemovalBasis.AddedBySdk).Select(r => new MembershipKey(site, group, r.UserId))],
                },
                pending,
                []).ConfigureAwait(false);

            AccessGroupMembersChangeResult outcome;
            try
            {
                outcome = await client.ChangeAccessGroupMembersAsync(
                    site, group, new AccessGroupUsersChange { AddIds = [.. chunkAdds.Select(a => a.User)], RemoveIds = [.. chunkRemoves.Select(r => r.UserId)] }, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (Exception ex) when (IsServiceFailure(ex, cancellationToken))
            {
                // The outcome is unknown: the journal keeps the chunk and the next run settles it from what SALTO has.
                failure = ex;
                result.Changes.AddRange(chunkAdds.Select(a => Change(a.Addition, a.User, SyncChangeOutcome.Failed, Describe(ex))));
                result.Changes.AddRange(chunkRemoves.Select(r => Change(r, SyncChangeOutcome.Failed, Describe(ex))));
                continue;
            }

            var acceptedAdds = outcome.AddedIds.ToHashSet();
            var acceptedRemoves = outcome.RemovedIds.ToHashSet();
            var accepted = pending.Where(p => p.IsAddition ? acceptedAdds.Contains(new PlatformUserId(p.UserId)) : acceptedRemoves.Contains(new PlatformUserId(p.UserId))).ToList();
            var acceptedAt = time.GetUtcNow();
            await writer.CommitAsync(
                new SyncStateChanges
                {
                    MembershipsAdded =
                    [
                        .. chunkAdds.Where(a => acceptedAdds.Contains(a.User)).Select(a => new OwnedMembership
                        {
                            SiteId = site, GroupId = group, UserId = a.User, CustomerId = a.Addition.CustomerId, AddedAt = acceptedAt,
                        }),
                    ],
                },
                [],
                accepted).ConfigureAwait(false);

            // The client may have sent the chunk in several calls: each id failed with the error of its own call.
            var failedCalls = outcome.Chunks.Where(c => !c.Succeeded).ToList();
            var addErrors = failedCalls.SelectMany(c => c.AddIds.Select(id => (id, c.Error))).DistinctBy(e => e.id).ToDictionary(e => e.id, e => e.Error);
            var removeErrors = failedCalls.SelectMany(c => c.RemoveIds.Select(id => (id, c.Error))).DistinctBy(e => e.id).ToDictionary(e => e.id, e => e.Error);
            failure ??= failedCalls.FirstOrDefault()?.Error;
            foreach (var (user, addition) in chunkAdds)
            {
                var ok = acceptedAdds.Contains(user);
                added += ok ? 1 : 0;
                result.Changes.Add(Change(addition, user, ok ? SyncChangeOutcome.Applied : SyncChangeOutcome.Failed, ok ? null : Describe(addErrors.GetValueOrDefault(user))));
            }

            foreach (var removal in chunkRemoves)
            {
                var ok = acceptedRemoves.Contains(removal.UserId);
                removed += ok ? 1 : 0;
                result.Changes.Add(Change(removal, ok ? SyncChangeOutcome.Applied : SyncChangeOutcome.Failed, ok ? null : Describe(removeErrors.GetValueOrDefault(removal.UserId))));
            }
        }

        await RecordStatusAsync(site, group, status, failure, writer, result).ConfigureAwait(false);
        SyncLog.GroupChanged(logger, group, site, added, removed);
    }

    private async Task RecordStatusAsync(string site, string group, GroupSyncStatus? previous, Exception? failure, SyncStateWriter writer, GroupOutcome result)
    {
        var now = time.GetUtcNow();
        GroupSyncStatus status;
        if (failure is null)
        {
            status = new GroupSyncStatus { SiteId = site, GroupId = group, LastSuccessAt = now, LastFailureAt = previous?.LastFailureAt };
        }
        else
        {
            var failures = (previous?.ConsecutiveFailures ?? 0) + 1;
            var delay = BackOff(failures);
            status = new GroupSyncStatus
            {
                SiteId = site,
                GroupId = group,
                ConsecutiveFailures = failures,
                LastError = Describe(failure),
                LastFailureAt = now,
                LastSuccessAt = previous?.LastSuccessAt,
                NextAttemptAt = now + delay,
            };
            SyncLog.GroupFailed(logger, group, site, failures, now + delay, failure);
            result.Errors.Add(new SyncError
            {
                Kind = SyncErrorKind.GroupChange,
                SiteId = site,
                GroupId = group,
                Message = $"{Describe(failure)} Retried after {now + delay:O}.",
            });
        }

        await writer.CommitAsync(new SyncStateChanges { GroupStatuses = [status] }).ConfigureAwait(false);
    }

    private TimeSpan BackOff(int failures)
    {
        var baseDelay = options.GroupRetryBaseDelay <= TimeSpan.Zero ? TimeSpan.FromMinutes(1) : options.GroupRetryBaseDelay;
        var ticks = baseDelay.Ticks * Math.Pow(2, Math.Min(failures - 1, 30));
        return ticks >= options.GroupRetryMaxDelay.Ticks ? options.GroupRetryMaxDelay : TimeSpan.FromTicks((long)ticks);
    }

    private static MembershipChange Change(PlannedMembershipAddition addition, PlatformUserId? user, SyncChangeOutcome outcome, string? detail) => new()
    {
        Kind = MembershipChangeKind.Add,
        SiteId = addition.SiteId,
        GroupId = addition.GroupId,
        CustomerId = addition.CustomerId,
        UserId = user,
        Grants = addition.Grants,
        ValidUntil = addition.ValidUntil,
        Outcome = outcome,
        Detail = detail,
    };

    private static MembershipChange Change(PlannedMembershipRemoval removal, SyncChangeOutcome outcome, string? detail) => new()
    {
        Kind = MembershipChangeKind.Remove,
        SiteId = removal.SiteId,
        GroupId = removal.GroupId,
        CustomerId = removal.CustomerId,
        UserId = removal.UserId,
        RemovalBasis = removal.Basis,
        Suspension = removal.Suspension,
        Outcome = outcome,
        Detail = detail,
    };

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>A failure of the service or the network, as opposed to the caller cancelling the run or a bug.</summary>
    internal static bool IsServiceFailure(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        SaltoKsApiException or HttpRequestException or TimeoutException or Polly.ExecutionRejectedException => true,
        _ => false,
    };

    /// <summary>The exception's message: the clients' messages are already redacted (no secrets, no bodies beyond an excerpt).</summary>
    internal static string Describe(Exception? exception) => exception switch
    {
        null => "SALTO KS did not accept the change.",
        SaltoKsApiException api => api.Message,
        Polly.Timeout.TimeoutRejectedException => "SALTO KS did not answer in time.",
        OperationCanceledException => "SALTO KS did not answer in time.",
        HttpRequestException http => $"SALTO KS could not be reached ({http.HttpRequestError}).",
        _ => exception.GetType().Name,
    };

    /// <summary>What one creation did: its report line, its error, the new identity and the tag given at creation.</summary>
    private sealed record CreationOutcome(UserCreation Creation, SyncError? Error, MatchedIdentity? Identity = null, string? TagNumber = null);

    /// <summary>What one group's change did, kept apart per group so that groups changed at once do not share lists.</summary>
    private sealed class GroupOutcome
    {
        public List<MembershipChange> Changes { get; } = [];

        public List<SyncError> Errors { get; } = [];
    }
}
