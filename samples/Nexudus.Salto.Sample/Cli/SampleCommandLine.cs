using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nexudus.Salto.Sample.Commands;
using Nexudus.Salto.Sample.Output;

namespace Nexudus.Salto.Sample.Cli;

/// <summary>The sample's command line: the root command and its seven commands.</summary>
internal static class SampleCommandLine
{
    /// <summary>Creates the root command.</summary>
    /// <param name="console">The output.</param>
    /// <param name="configurationArguments">The configuration-style arguments, for every command's host.</param>
    /// <returns>The root command.</returns>
    public static RootCommand Create(SampleConsole console, IReadOnlyList<string> configurationArguments)
    {
        var context = new CommandContext(console, configurationArguments);
        var root = new RootCommand(
            "Nexudus.Salto sample host. With no command and no Nexudus:BaseUrl configured, runs the demo against sandboxes. " +
            "Any configuration key can be given as --Section:Key=value (e.g. --Nexudus:BaseUrl=https://spaces.nexudus.com), " +
            "or through the environment (Nexudus__BaseUrl) or a --settings file.")
        {
            context.SettingsOption,
            DemoCommand.Create(context),
            SyncCommand.Create(context),
            CheckInsCommand.Create(context),
            ReportCommand.Create(context),
            DoctorCommand.Create(context),
            WatchCommand.Create(context),
            WebhooksCommand.Create(context),
            EraseCommand.Create(context),
        };
        root.SetAction((parseResult, cancellationToken) =>
        {
            // The demo is the default only while no real service is configured, so an operator's bare run never
            // starts sandboxes by surprise, and a new user's bare run shows the product working.
            using (var host = context.BuildHost(parseResult))
            {
                var baseUrl = host.Services.GetRequiredService<IConfiguration>()["Nexudus:BaseUrl"];
                if (!string.IsNullOrWhiteSpace(baseUrl))
                {
                    console.Fail("Nexudus:BaseUrl is configured, so nothing runs by default: choose a command (sync, checkins, report, doctor, watch, webhooks, erase; demo always uses sandboxes). See --help.");
                    return Task.FromResult(ExitCodes.Failed);
                }
            }

            return DemoCommand.RunAsync(context, parseResult, cancellationToken);
        });
        return root;
    }
}
