using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Nexudus.Salto.Reports;
using Nexudus.Salto.Sample.Cli;
using Nexudus.Salto.Sample.Hosting;
using Nexudus.Salto.Sample.Output;
using Nexudus.Salto.Sample.Settings;

namespace Nexudus.Salto.Sample.Commands;

/// <summary><c>report</c>: door entries of a period joined with customers.</summary>
internal static class ReportCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">What commands share.</param>
    /// <returns>The command.</returns>
    public static Command Create(CommandContext context)
    {
        var from = new Option<DateTimeOffset>("--from")
        {
            Description = "Start of the period (ISO 8601; UTC unless an offset is given), e.g. 2025-03-03 or 2025-03-03T08:00:00+00:00.",
            Required = true,
            CustomParser = ParseInstant,
        };
        var to = new Option<DateTimeOffset>("--to")
        {
            Description = "End of the period, exclusive (ISO 8601; UTC unless an offset is given).",
            Required = true,
            CustomParser = ParseInstant,
        };
        var format = new Option<string>("--format")
        {
            Description = "csv, json or html.",
            DefaultValueFactory = _ => "csv",
        };
        format.AcceptOnlyFromAmong("csv", "json", "html");
        var output = new Option<DirectoryInfo?>("--output")
        {
            Description = "Write the report into this directory (access-entries.csv and access-daily.csv, access-report.json or access-report.html) instead of stdout.",
        };
        var command = new Command(
            "report",
            "The access report of a period: one row per entry (local time, door, customer, e-mail, result) and a per-customer, per-day summary. " +
            "On stdout, csv is the entries, one blank line, then the daily summary; json is one {from, to, entries, daily} document; html is one self-contained page.")
        {
            from,
            to,
            format,
            output,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            // Checked here rather than in a validator, which would run before a bad date had been reported.
            if (parseResult.GetValue(to) <= parseResult.GetValue(from))
            {
                context.Console.Fail("report: --to must be later than --from.");
                return Task.FromResult(ExitCodes.Failed);
            }

            return context.RunAsync(
                "report",
                token => RunAsync(context, parseResult, parseResult.GetValue(from), parseResult.GetValue(to), parseResult.GetValue(format)!, parseResult.GetValue(output), token),
                cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(
        CommandContext context, ParseResult parseResult, DateTimeOffset from, DateTimeOffset to, string format, DirectoryInfo? output, CancellationToken cancellationToken)
    {
        using var host = context.BuildHost(parseResult);
        var configuration = ConfigurationCheck.Run(host.Services);
        if (!configuration.IsValid)
        {
            context.Console.Fail($"report: the configuration is not valid: {string.Join(" ", configuration.AllErrors)}");
            return ExitCodes.Failed;
        }

        var rows = new IntegrationComponents(host.Services, configuration.Integration).CreateReportBuilder().GetRowsAsync(from, to, cancellationToken);
        output?.Create();
        switch (format)
        {
            case "json":
                await using (var stream = output is null ? (Stream)new TextWriterStream(context.Console.Out) : File.Create(Path.Combine(output.FullName, "access-report.json")))
                {
                    _ = await AccessReportJsonWriter.WriteAsync(rows, stream, from, to, cancellationToken);
                }

                break;
            case "html":
                await using (var writer = output is null ? null : File.CreateText(Path.Combine(output.FullName, "access-report.html")))
                {
                    _ = await AccessReportHtmlWriter.WriteAsync(rows, writer ?? context.Console.Out, from, to, cancellationToken);
                }

                break;
            default:
                await using (var entries = output is null ? null : File.CreateText(Path.Combine(output.FullName, "access-entries.csv")))
                await using (var daily = output is null ? null : File.CreateText(Path.Combine(output.FullName, "access-daily.csv")))
                {
                    var summary = await AccessReportCsvWriter.WriteEntriesAsync(rows, entries ?? context.Console.Out, cancellationToken);
                    if (daily is null)
                    {
                        // CSV lines end in CRLF (RFC 4180), and so does the blank line between the two tables.
                        await context.Console.Out.WriteAsync("\r\n");
                    }

                    await AccessReportCsvWriter.WriteDailyAsync(summary, daily ?? context.Console.Out, cancellationToken);
                }

                break;
        }

        await context.Console.Out.FlushAsync(cancellationToken);
        return ExitCodes.Done;
    }

    /// <summary>Reads an instant; a value without an offset is UTC, so the machine's time zone never matters.</summary>
    /// <param name="result">The option's tokens.</param>
    /// <returns>The instant, or the default with an error added.</returns>
    internal static DateTimeOffset ParseInstant(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            return value;
        }

        result.AddError($"'{text}' is not an ISO 8601 date or date and time.");
        return default;
    }
}
