using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Nexudus.Salto.Sample.Cli;
using Nexudus.Salto.Sample.Demo;
using Nexudus.Salto.Sample.Settings;
using Nexudus.Salto.Testing;

namespace Nexudus.Salto.Sample.Commands;

/// <summary>
/// <c>demo</c>: starts both sandboxes with a demo space and runs the whole product against them, step by
/// step, through the same configuration keys a deployment uses.
/// </summary>
internal static class DemoCommand
{
    // The story is on stdout; the SDK's own information logs would interleave with it on a terminal.
    private static readonly Dictionary<string, string?> QuietLogs = new()
    {
        ["Logging:LogLevel:Nexudus.Salto"] = "Warning",
    };

    /// <summary>Creates the command.</summary>
    /// <param name="context">What commands share.</param>
    /// <returns>The command.</returns>
    public static Command Create(CommandContext context)
    {
        var command = new Command(
            "demo",
            "Starts Nexudus and SALTO KS sandboxes on loopback with a demo space and runs the integration against them: who gets access and why, the sync, door entries becoming check-ins, and the report. Never touches a real service.");
        command.SetAction((parseResult, cancellationToken) => RunAsync(context, parseResult, cancellationToken));
        return command;
    }

    /// <summary>Runs the demo.</summary>
    /// <param name="context">What commands share.</param>
    /// <param name="parseResult">The parsed command line.</param>
    /// <param name="cancellationToken">Stops the demo.</param>
    /// <returns>The exit code: 0 when the demo ran to its end.</returns>
    internal static Task<int> RunAsync(CommandContext context, ParseResult parseResult, CancellationToken cancellationToken) =>
        context.RunAsync("demo", token => RunStepsAsync(context, parseResult, token), cancellationToken);

    private static async Task<int> RunStepsAsync(CommandContext context, ParseResult parseResult, CancellationToken cancellationToken)
    {
        var console = context.Console;
        console.WriteMarkup("[bold]Nexudus.Salto demo[/]: Nexudus Spaces passes, offices, teams and bookings become SALTO KS door access.");
        console.Line("Two sandboxes on loopback stand in for Nexudus and SALTO KS; nothing leaves this machine.");

        var now = TimeProvider.System.GetUtcNow();
        var (nexudus, salto) = await console.StepAsync("Starting the Nexudus and SALTO KS sandboxes", async () =>
        {
            var n = await NexudusSandbox.StartAsync(
                new NexudusSandboxOptions { RateLimits = NexudusRateLimits.Disabled, WebhookSecret = DemoStory.WebhookSecret }, cancellationToken);
            var s = await SaltoKsSandbox.StartAsync(cancellationToken: cancellationToken);
            return (n, s);
        });
        await using var nexudusSandbox = nexudus;
        await using var saltoSandbox = salto;
        var stateDirectory = Directory.CreateTempSubdirectory("nexudus-salto-demo-");
        try
        {
            var space = DemoSpace.Create(nexudus, salto, now, Path.Combine(stateDirectory.FullName, "demo.db"));
            using var host = context.BuildHost(parseResult, QuietLogs, space.Settings);
            var configuration = ConfigurationCheck.Run(host.Services);
            if (!configuration.IsValid)
            {
                console.Fail("demo: the demo's own configuration is not valid: " + string.Join(" ", configuration.AllErrors));
                return ExitCodes.Failed;
            }

            // Step 8 runs `watch` as a deployment does: a web host serving the webhook endpoint, with the worker.
            IHost WatchHost(IReadOnlyDictionary<string, string?> values)
            {
                var merged = new Dictionary<string, string?>(space.Settings);
                foreach (var (key, value) in values)
                {
                    merged[key] = value;
                }

                return context.BuildHost(parseResult, QuietLogs, merged, serveWebhooks: true);
            }

            await new DemoStory(console, host.Services, configuration.Integration, space, nexudus, salto, now, WatchHost).TellAsync(cancellationToken);

            console.Heading("Next");
            console.Line("Point the same binary at your own space with the Nexudus, SaltoKs and SaltoIntegration settings (README: Sample host),");
            console.Line("then run `doctor`, `sync --dry-run`, `sync` and `watch`.");
            return ExitCodes.Done;
        }
        finally
        {
            stateDirectory.Delete(recursive: true);
        }
    }
}
