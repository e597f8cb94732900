using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.Sample.Cli;
using Nexudus.Salto.Sample.Settings;
using Nexudus.Salto.Webhooks;
using Spectre.Console;

namespace Nexudus.Salto.Sample.Commands;

/// <summary><c>webhooks</c>: makes sure every Nexudus webhook the integration needs exists and points at the endpoint.</summary>
internal static class WebhooksCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">What commands share.</param>
    /// <returns>The command.</returns>
    public static Command Create(CommandContext context)
    {
        var command = new Command(
            "webhooks",
            "Makes sure every Nexudus webhook that can change door access exists for each linked location, pointing at SaltoIntegration:Webhooks:PublicUrl/{action}: creates missing ones, replaces disabled or misdirected ones, and changes nothing on a rerun. Exit code 0 when done, 1 on a failure.");
        command.SetAction((parseResult, cancellationToken) => context.RunAsync(
            "webhooks",
            async token =>
            {
                using var host = context.BuildHost(parseResult);
                var configuration = ConfigurationCheck.Run(host.Services);
                if (configuration.NexudusErrors.Count > 0 || configuration.IntegrationErrors.Count > 0)
                {
                    context.Console.Fail($"webhooks: the configuration is not valid: {string.Join(" ", configuration.NexudusErrors.Concat(configuration.IntegrationErrors))}");
                    return ExitCodes.Failed;
                }

                var settings = configuration.Integration;
                if (settings.Options.Webhooks?.PublicUrl is not { } publicUrl)
                {
                    context.Console.Fail("webhooks: set SaltoIntegration:Webhooks:PublicUrl to the address Nexudus reaches the endpoint at (https, e.g. https://access.example.com/webhooks/nexudus).");
                    return ExitCodes.Failed;
                }

                var registrar = new NexudusWebhookRegistrar(host.Services.GetRequiredService<INexudusClient>());
                var done = await context.Console.StepAsync(
                    "Registering Nexudus webhooks",
                    () => registrar.EnsureAsync(settings.Locations.Select(l => l.Links.NexudusBusinessId), publicUrl, token));
                var table = new Table().AddColumn("Location").AddColumn("Action").AddColumn("Webhook").AddColumn("Result");
                foreach (var row in done)
                {
                    table.AddRow(
                        Markup.Escape(row.BusinessId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                        Markup.Escape(row.Action.ToString()),
                        Markup.Escape(row.WebhookId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"),
                        Markup.Escape(row.Status.ToString()));
                }

                context.Console.Write(table);
                var changed = done.Count(r => r.Status is WebhookRegistrationStatus.Created or WebhookRegistrationStatus.Replaced);
                context.Console.Line($"{done.Count} webhook(s) needed; {changed} created or replaced, {done.Count - changed} already in place.");
                return ExitCodes.Done;
            },
            cancellationToken));
        return command;
    }
}
