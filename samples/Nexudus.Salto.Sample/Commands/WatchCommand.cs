using System.CommandLine;
using Nexudus.Salto.Sample.Cli;

namespace Nexudus.Salto.Sample.Commands;

/// <summary><c>watch</c>: runs the background worker until stopped (Ctrl+C).</summary>
internal static class WatchCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">What commands share.</param>
    /// <returns>The command.</returns>
    public static Command Create(CommandContext context)
    {
        var command = new Command(
            "watch",
            "Runs the background worker until Ctrl+C: a periodic full sync, wake-ups at booking edges, and the check-in bridge on its own interval.");
        command.SetAction((parseResult, cancellationToken) =>
            PendingCommand.RunAsync(context, parseResult, "watch", PendingFeatures.Worker, cancellationToken));
        return command;
    }
}
