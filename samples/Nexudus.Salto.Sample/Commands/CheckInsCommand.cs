using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Nexudus.Salto.CheckIns;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.Reports;
using Nexudus.Salto.Sample.Cli;
using Nexudus.Salto.Sample.Hosting;
using Nexudus.Salto.Sample.Output;
using Nexudus.Salto.Sample.Settings;

namespace Nexudus.Salto.Sample.Commands;

/// <summary><c>checkins</c>: one pass of the check-in bridge.</summary>
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
            "One pass of the check-in bridge: successful entries on CheckIn readers become Nexudus check-ins, CheckOut readers close them. Each entry is handled once. Exit code 0 done, 1 failed (a site that stopped early continues on the next run).")
        {
            json,
        };
        command.SetAction((parseResult, cancellationToken) => context.RunAsync(
            "checkins",
            async token =>
            {
                using var host = context.BuildHost(parseResult);
                var configuration = ConfigurationCheck.Run(host.Services);
                if (!configuration.IsValid)
                {
                    context.Console.Fail($"checkins: the configuration is not valid: {string.Join(" ", configuration.AllErrors)}");
                    return ExitCodes.Failed;
                }

                var components = new IntegrationComponents(host.Services, configuration.Integration);
                var report = await components.CreateCheckInBridge().RunAsync(token);
                if (parseResult.GetValue(json))
                {
                    await context.Console.Out.WriteLineAsync(JsonSerializer.Serialize(report, AccessReportJson.CheckInReport));
                }
                else
                {
                    var names = await CustomerNamesAsync(host.Services.GetRequiredService<INexudusClient>(), report, token);
                    CheckInReportView.Print(context.Console, report, id => names.TryGetValue(id, out var name) ? name : $"customer {id}", lockId => lockId);
                }

                return Finish(context, "checkins", report);
            },
            cancellationToken));
        return command;
    }

    /// <summary>Turns a bridge run into an exit code, with a one-line reason on stderr when a site stopped early.</summary>
    /// <param name="context">What commands share.</param>
    /// <param name="name">The command's name.</param>
    /// <param name="report">The run.</param>
    /// <returns>0 when every site completed, else 1.</returns>
    internal static int Finish(CommandContext context, string name, CheckInReport report)
    {
        if (report.Completed)
        {
            return ExitCodes.Done;
        }

        var failed = report.Sites.Where(s => !s.Completed).ToList();
        context.Console.Fail($"{name}: {failed.Count} site(s) stopped early and continue on the next run: {string.Join("; ", failed.Select(s => $"{s.SiteId}: {s.Error}"))}");
        return ExitCodes.Failed;
    }

    private static async Task<Dictionary<long, string>> CustomerNamesAsync(INexudusClient client, CheckInReport report, CancellationToken cancellationToken)
    {
        var ids = report.Sites.SelectMany(s => s.Entries).Select(e => e.CustomerId).OfType<long>().Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var customers = await client.GetCoworkersAsync(ids, cancellationToken);
        return customers.ToDictionary(c => c.Id, c => c.FullName ?? $"customer {c.Id}");
    }
}
