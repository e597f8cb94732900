using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Nexudus.Salto.Entitlements;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.Sample.Cli;
using Nexudus.Salto.Sample.Demo;
using Nexudus.Salto.Sample.Hosting;
using Nexudus.Salto.Sample.Output;
using Nexudus.Salto.Sample.Settings;
using Nexudus.Salto.Sync;

namespace Nexudus.Salto.Sample.Commands;

/// <summary><c>sync</c>: one reconcile pass over every configured location.</summary>
internal static class SyncCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">What commands share.</param>
    /// <returns>The command.</returns>
    public static Command Create(CommandContext context)
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Compute and print the plan; write nothing to SALTO KS or the state store." };
        var json = new Option<bool>("--json") { Description = "Print the sync report as JSON on stdout, and nothing else there (logs go to stderr)." };
        var allowMassRevocation = new Option<bool>("--allow-mass-revocation")
        {
            Description = "Release removals the revocation guard would hold (more than SaltoIntegration:Safety allows). For an operator who has read the plan.",
        };
        var rebuildOwnership = new Option<bool>("--rebuild-ownership")
        {
            Description = "Claim for the SDK every current group member who is the SALTO user of a customer entitled to that group (after losing the state file). Combine with --dry-run to see the claims first.",
        };
        var command = new Command(
            "sync",
            "One reconcile pass over every configured location: match customers to SALTO users, plan adds and removes with lineage, guard mass removals, apply. Exit code 0 done, 2 removals held by the guard, 1 failed.")
        {
            dryRun,
            json,
            allowMassRevocation,
            rebuildOwnership,
        };
        command.SetAction((parseResult, cancellationToken) => context.RunAsync(
            "sync",
            async token =>
            {
                using var host = context.BuildHost(parseResult, dryRun: parseResult.GetValue(dryRun));
                var configuration = ConfigurationCheck.Run(host.Services);
                if (!configuration.IsValid)
                {
                    context.Console.Fail($"sync: the configuration is not valid: {string.Join(" ", configuration.AllErrors)}");
                    return ExitCodes.Failed;
                }

                var components = new IntegrationComponents(host.Services, configuration.Integration);
                var report = await components.SynchronizeAsync(
                    new SyncRunOptions
                    {
                        DryRun = parseResult.GetValue(dryRun),
                        AllowMassRevocation = parseResult.GetValue(allowMassRevocation),
                        RebuildOwnership = parseResult.GetValue(rebuildOwnership),
                    },
                    token);
                if (parseResult.GetValue(json))
                {
                    await context.Console.Out.WriteLineAsync(JsonSerializer.Serialize(report, SyncReportJson.TypeInfo));
                }
                else
                {
                    // The names are for reading only: a look-up that fails after the run prints the ids instead, and the
                    // exit code stays the run's own (2 for held removals), as with --json.
                    AccessExplainer explain;
                    Dictionary<string, string> groups;
                    try
                    {
                        (explain, groups) = await NamesAsync(host.Services, report, token);
                    }
                    catch (Exception e) when (e is not OperationCanceledException && e is not OutOfMemoryException)
                    {
                        context.Console.Fail($"sync: customer and group names could not be read ({e.GetType().Name}: {e.Message}); ids are shown instead.");
                        (explain, groups) = (new AccessExplainer(new NexudusSnapshot(), new LinkMap(), []), new Dictionary<string, string>());
                    }

                    SyncReportView.Print(context.Console, report, explain, id => groups.TryGetValue(id, out var name) ? name : id, site => site);
                }

                return Finish(context, report);
            },
            cancellationToken));
        return command;
    }

    /// <summary>Turns a sync report into the exit code, with a one-line reason on stderr unless it completed.</summary>
    /// <param name="context">What commands share.</param>
    /// <param name="report">The run.</param>
    /// <returns>0 completed, 2 removals held, 1 failed.</returns>
    internal static int Finish(CommandContext context, SyncReport report)
    {
        switch (report.Result)
        {
            case SyncResult.Completed:
                return ExitCodes.Done;
            case SyncResult.RemovalsHeld:
                context.Console.Fail(
                    $"sync: {report.Revocation.PlannedRemovals} removal(s) held by the guard ({string.Join(", ", report.Revocation.Reasons)}); adds were applied. " +
                    "Check the plan (sync --dry-run), then run sync --allow-mass-revocation to release them.");
                return ExitCodes.RemovalsHeld;
            default:
                var first = report.Errors.Count > 0 ? report.Errors[0].Message : "the run did not complete";
                context.Console.Fail($"sync: failed: {first}{(report.Errors.Count > 1 ? $" (and {report.Errors.Count - 1} more error(s))" : string.Empty)}");
                return ExitCodes.Failed;
        }
    }

    // Names for the table: the customers of the report (one batch read) and each site's groups (one read per site).
    private static async Task<(AccessExplainer Explain, Dictionary<string, string> Groups)> NamesAsync(IServiceProvider services, SyncReport report, CancellationToken cancellationToken)
    {
        var nexudus = services.GetRequiredService<INexudusClient>();
        var salto = services.GetRequiredService<ISaltoKsClient>();
        var ids = report.Changes.Select(c => c.CustomerId).OfType<long>().Concat(report.UserCreations.Select(u => u.CustomerId)).Distinct().ToList();
        var customers = ids.Count == 0 ? [] : await nexudus.GetCoworkersAsync(ids, cancellationToken);
        var groups = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var site in report.Changes.Select(c => c.SiteId).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            await foreach (var group in salto.GetAccessGroupsAsync(site, cancellationToken: cancellationToken))
            {
                groups[group.Id] = group.CustomerReference ?? group.Id;
            }
        }

        return (new AccessExplainer(new NexudusSnapshot { Coworkers = customers }, new LinkMap(), []), groups);
    }
}
