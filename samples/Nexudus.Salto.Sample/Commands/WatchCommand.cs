using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Nexudus.Salto.DependencyInjection;
using Nexudus.Salto.Sample.Cli;
using Nexudus.Salto.Sample.Settings;

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
            "Runs the background worker until Ctrl+C: a full sync at start and every SaltoIntegration:Worker:SyncInterval, wake-ups at booking edges, and the check-in bridge on its own interval. With SaltoIntegration:Webhooks:SharedSecret set it also serves the Nexudus webhook endpoint (POST /webhooks/nexudus/{action}) and GET /healthz on the Urls setting. Progress and failures go to the log (stderr). Exit code 0 when stopped, 1 when it cannot start.");
        command.SetAction((parseResult, cancellationToken) => context.RunAsync(
            "watch",
            async _ =>
            {
                // The webhook endpoint is served once a shared secret (or explicitly unsigned deliveries) is configured.
                bool serve;
                using (var probe = context.BuildHost(parseResult))
                {
                    var webhooks = probe.Services.GetRequiredService<IOptions<SaltoIntegrationOptions>>().Value.Webhooks;
                    serve = !string.IsNullOrEmpty(webhooks?.SharedSecret) || webhooks?.AllowUnsigned == true;
                }

                using var host = context.BuildHost(parseResult, runWorker: true, serveWebhooks: serve);
                var configuration = ConfigurationCheck.Run(host.Services);
                if (!configuration.IsValid)
                {
                    context.Console.Fail($"watch: the configuration is not valid: {string.Join(" ", configuration.AllErrors)}");
                    return ExitCodes.Failed;
                }

                var worker = configuration.Integration.Options.Worker;
                context.Console.Line(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Watching {configuration.Integration.Locations.Count} location(s): a sync every {worker.SyncInterval} and at each booking edge, check-ins every {worker.CheckInInterval}. Ctrl+C stops."));
                if (serve)
                {
                    context.Console.Line($"Serving Nexudus webhooks at POST {Hosting.SampleHostFactory.WebhookPrefix}/{{action}} and GET /healthz on the Urls setting's addresses (--urls, ASPNETCORE_URLS).");
                }
                try
                {
                    await host.RunAsync(cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    // Stopped while still starting: nothing had run yet.
                }

                // Stopping is how watch ends; the worker hands the token to the running job, and the state store's
                // atomic writes leave nothing half-done.
                context.Console.Line("Stopped.");
                return ExitCodes.Done;
            },
            CancellationToken.None));
        return command;
    }
}
