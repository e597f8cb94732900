using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.Sample.Cli;
using Nexudus.Salto.Sample.Doctor;
using Nexudus.Salto.Sample.Output;
using Nexudus.Salto.Sample.Settings;
using Spectre.Console;

namespace Nexudus.Salto.Sample.Commands;

/// <summary><c>doctor</c>: checks configuration, both logins and every link, and says how to fix what is wrong.</summary>
internal static class DoctorCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">What commands share.</param>
    /// <returns>The command.</returns>
    public static Command Create(CommandContext context)
    {
        var command = new Command(
            "doctor",
            "Checks the configuration, both logins, and that every linked location, pass, desk, resource, access group and reader lock exists. Exits 1 when something is wrong.");
        command.SetAction((parseResult, cancellationToken) => context.RunAsync(
            "doctor",
            async token =>
            {
                using var host = context.BuildHost(parseResult);
                var report = await context.Console.StepAsync("Checking configuration, logins and links", () => ExamineAsync(host.Services, token));
                Print(context.Console, report);
                if (report.HasErrors)
                {
                    context.Console.Fail($"doctor: {report.Findings.Count(f => f.Severity == DoctorSeverity.Error)} problem(s) found; the table on stdout says how to fix each.");
                    return ExitCodes.Failed;
                }

                return ExitCodes.Done;
            },
            cancellationToken));
        return command;
    }

    /// <summary>Runs every check against a host's configuration and services.</summary>
    /// <param name="services">The host's services.</param>
    /// <param name="cancellationToken">Stops the checks.</param>
    /// <returns>The report.</returns>
    internal static Task<DoctorReport> ExamineAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var configuration = ConfigurationCheck.Run(services);
        var doctor = new IntegrationDoctor(
            services.GetRequiredService<INexudusClient>, services.GetRequiredService<ISaltoKsClient>, () => services.GetService<global::Nexudus.Salto.PostgreSql.PostgreSqlSyncStateStore>());
        return doctor.ExamineAsync(configuration, cancellationToken);
    }

    /// <summary>Prints what was checked, and a table of problems with their fixes.</summary>
    /// <param name="console">The output.</param>
    /// <param name="report">The report.</param>
    internal static void Print(SampleConsole console, DoctorReport report)
    {
        var checks = new Table().AddColumn("Check").AddColumn("Result");
        foreach (var (check, result) in report.Checks)
        {
            checks.AddRow(SampleConsole.Cell(check), SampleConsole.Cell(result));
        }

        console.Write(checks);
        if (report.Findings.Count == 0)
        {
            console.WriteMarkup("[green]No problems found.[/]");
            return;
        }

        var problems = new Table().AddColumn("Severity").AddColumn("Problem").AddColumn("Where").AddColumn("How to fix");
        foreach (var finding in report.Findings)
        {
            problems.AddRow(
                SampleConsole.Cell(finding.Severity.ToString()),
                SampleConsole.Cell(finding.Problem),
                SampleConsole.Cell(finding.Where),
                SampleConsole.Cell(finding.Fix));
        }

        console.Write(problems);
    }
}
