using System.CommandLine;
using Nexudus.Salto.Sample.Cli;

namespace Nexudus.Salto.Sample.Commands;

/// <summary><c>checkins</c>: one pass of the check-in bridge (SPEC §5).</summary>
internal static class CheckInsCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">What commands share.</param>
    /// <returns>The command.</returns>
    public static Command Create(CommandContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print the check-in report as JSON on stdout, and nothing else there." };
        var command = new Command(
            "checkins",
            "One pass of the check-in bridge: successful entries on CheckIn readers become Nexudus check-ins, CheckOut readers close them. Each entry is handled once.")
        {
            json,
        };
        command.SetAction((parseResult, cancellationToken) =>
            PendingCommand.RunAsync(context, parseResult, "checkins", PendingFeatures.CheckInBridge, cancellationToken));
        return command;
    }
}
