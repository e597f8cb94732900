using System.CommandLine;
using Nexudus.Salto.Sample.Cli;

namespace Nexudus.Salto.Sample.Commands;

/// <summary><c>sync</c>: one reconcile pass over every configured location (SPEC §4).</summary>
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
        var command = new Command(
            "sync",
            "One reconcile pass over every configured location: match customers to SALTO users, plan adds and removes with lineage, guard mass removals, apply. Exit code 0 done, 2 removals held by the guard, 1 failed.")
        {
            dryRun,
            json,
            allowMassRevocation,
        };
        command.SetAction((parseResult, cancellationToken) =>
            PendingCommand.RunAsync(context, parseResult, "sync", PendingFeatures.SyncEngine, cancellationToken));
        return command;
    }
}
