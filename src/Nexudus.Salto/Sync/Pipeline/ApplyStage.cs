using Microsoft.Extensions.Logging;
using Nexudus.Salto.Diagnostics;
using Nexudus.Salto.Entitlements;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Sync;

/// <summary>
/// The apply stage of one site: records what reading and matching learned, prepares the site's tags, applies the plan
/// (<see cref="PlanExecutor"/>: users, then one bulk PATCH per changed group, journalled before it is sent), assigns
/// the tags, then writes pass schedules and checks that the linked groups reach the locks. Every state write goes
/// through the site's unit of work (<see cref="SiteRun.Writer"/>).
/// </summary>
internal sealed class ApplyStage(
    PlanExecutor executor, TagAssigner tags, PassScheduleWriter passSchedules, GroupScheduleCheck groupSchedules, ILogger logger)
{
    /// <summary>Applies one planned site of a whole (or targeted) run.</summary>
    public async Task ApplyAsync(SyncRunContext run, SiteRun site, CancellationToken cancellationToken)
    {
        using (var activity = SaltoMetrics.ActivitySource.StartActivity("sync.apply"))
        {
            activity?.SetTag("site", site.SiteId);
            if (!run.Flags.DryRun)
            {
                await RecordStage.RecordBookkeepingAsync(site, cancellationToken).ConfigureAwait(false);
            }

            var siteTags = await tags.PrepareAsync(run, site, cancellationToken).ConfigureAwait(false);
            var executed = await executor.ExecuteAsync(
                new SiteExecutionInput
                {
                    Plan = site.Plan.Plan,
                    HoldRemovals = run.Decision.RemovalsHeld,
                    Statuses = site.State.GroupStatuses,
                    Journal = site.Journal,
                    CreationTags = siteTags.CreationTags,
                },
                site.Writer,
                run.Flags.DryRun,
                cancellationToken).ConfigureAwait(false);
            run.Changes.AddRange(executed.Changes);
            run.Creations.AddRange(executed.Creations);
            run.Errors.AddRange(executed.Errors);
            await tags.CompleteAsync(run, site, siteTags, executed, cancellationToken).ConfigureAwait(false);
        }

        run.TagDifferences.AddRange(TagComparison.Compare(site, run.TagCustomers, run.Tags));
        await ApplySchedulesAsync(run, site, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Creates the missing users of one site in the creation-only run, with their tags, and notes them in
    /// <see cref="SyncRunContext.Early"/> for the whole run: the users join the site's user list, and customers whose
    /// creation failed are not tried again in the same run.
    /// </summary>
    public async Task CreateUsersAsync(SyncRunContext run, SiteRun site, CancellationToken cancellationToken)
    {
        var siteId = site.SiteId;
        var plan = site.Plan.Plan;
        var siteTags = await tags.PrepareForCreationsAsync(run, site, cancellationToken).ConfigureAwait(false);
        var executed = await executor.ExecuteAsync(
            new SiteExecutionInput
            {
                Plan = plan with { Additions = [], Removals = [] },
                HoldRemovals = true,
                Statuses = site.State.GroupStatuses,
                Journal = site.Journal,
                CreationTags = siteTags.CreationTags,
            },
            site.Writer,
            dryRun: false,
            cancellationToken).ConfigureAwait(false);
        var early = run.Early;
        early.Creations.AddRange(executed.Creations);
        early.Errors.AddRange(executed.Errors);
        var created = new List<SiteUser>();
        foreach (var creation in plan.UserCreations)
        {
            if (executed.Created.TryGetValue(creation.CustomerId, out var identity))
            {
                created.Add(new SiteUser
                {
                    Id = identity.SiteUserId,
                    User = new SaltoUser { Id = identity.PlatformUserId, Email = creation.Email, FirstName = creation.FirstName, LastName = creation.LastName },
                    TagId = executed.TaggedAtCreation.ContainsKey(creation.CustomerId) ? siteTags.CreationTags[creation.CustomerId].TagId : null,
                });
            }
            else
            {
                if (!early.FailedCustomers.TryGetValue(siteId, out var failed))
                {
                    early.FailedCustomers.Add(siteId, failed = []);
                }

                failed.Add(creation.CustomerId);
            }
        }

        early.CreatedUsers[siteId] = created;
        SyncLog.UsersCreatedWhileReading(logger, siteId, created.Count, plan.UserCreations.Count);
    }

    /// <summary>Writes the pass schedules of the site's opted-in locations, then checks that each linked group has a schedule.</summary>
    private async Task ApplySchedulesAsync(SyncRunContext run, SiteRun site, CancellationToken cancellationToken)
    {
        var locations = run.Locations;
        if (!run.NexudusReadFailed && run.Scope is null)
        {
            foreach (var location in locations.Where(l => l.WritePassSchedules && SyncRunContext.Same(l.Links.SaltoSiteId.Trim(), site.SiteId)))
            {
                if (run.Links.Locations.FirstOrDefault(m => m.BusinessId == location.Links.NexudusBusinessId) is { } map)
                {
                    run.Schedules.AddRange(await passSchedules.WriteAsync(map, run, site, cancellationToken).ConfigureAwait(false));
                }
            }
        }

        if (run.Scope is not null)
        {
            return; // a targeted run is about its customers' memberships; whole runs check the groups
        }

        // After the pass schedules: a linked group still without any never reaches the locks.
        var siteLocations = locations.Where(l => SyncRunContext.Same(l.Links.SaltoSiteId.Trim(), site.SiteId)).ToList();
        await groupSchedules.CheckAsync(
            run,
            site.SiteId,
            run.Desired.ManagedGroups
                .Where(g => SyncRunContext.Same(g.SiteId, site.SiteId) && site.Members.ContainsKey(g.GroupId))
                .Where(g => !run.Schedules.Any(c => SyncRunContext.Same(c.SiteId, site.SiteId) && SyncRunContext.Same(c.GroupId, g.GroupId) &&
                                                    c.Kind == ScheduleChangeKind.Create &&
                                                    c.Outcome is SyncChangeOutcome.Applied or SyncChangeOutcome.Planned)) // written (or planned) this run
                .Select(g => g.GroupId),
            group => siteLocations.Any(l => l.CreateMissingGroupSchedules && LinksGroup(l.Links, group)),
            cancellationToken).ConfigureAwait(false);
    }

    private static bool LinksGroup(LocationLinks links, string groupId) =>
        links.TimePassGroups.Values.Concat(links.FloorPlanDeskGroups.Values).Concat(links.ResourceGroups.Values)
            .Any(list => (list ?? []).Any(g => SyncRunContext.Same(g?.Trim() ?? string.Empty, groupId)));
}
