using Nexudus.Salto.Sample.Cli;
using Nexudus.Salto.Sample.Settings;
using System.CommandLine;

namespace Nexudus.Salto.Sample.Commands;

/// <summary>
/// Runs a command whose SDK part has not landed: it still checks the configuration (so an operator can
/// prepare a deployment), then says which part is missing and exits 1, since it did not do its job.
/// </summary>
internal static class PendingCommand
{
    /// <summary>Checks the configuration and reports the missing part.</summary>
    /// <param name="context">What commands share.</param>
    /// <param name="parseResult">The parsed command line.</param>
    /// <param name="name">The command's name.</param>
    /// <param name="missing">What is missing, from <see cref="PendingFeatures"/>.</param>
    /// <param name="cancellationToken">Stops the command.</param>
    /// <returns>Exit code 1.</returns>
    public static Task<int> RunAsync(CommandContext context, ParseResult parseResult, string name, string missing, CancellationToken cancellationToken) =>
        context.RunAsync(
            name,
            _ =>
            {
                using var host = context.BuildHost(parseResult);
                var configuration = ConfigurationCheck.Run(host.Services, requireLocations: true);
                if (!configuration.IsValid)
                {
                    context.Console.Fail($"{name}: the configuration is not valid: {string.Join(" ", configuration.AllErrors)}");
                    return Task.FromResult(ExitCodes.Failed);
                }

                context.Console.Fail($"{name}: {missing}");
                return Task.FromResult(ExitCodes.Failed);
            },
            cancellationToken);
}
