using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Nexudus.Salto.Sample.Cli;

namespace Nexudus.Salto.Sample.Commands;

/// <summary><c>report</c>: door entries of a period joined with customers (SPEC §5).</summary>
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
        var command = new Command(
            "report",
            "The access report of a period: one row per entry (local time, door, customer, e-mail, result) and a per-customer, per-day summary, on stdout.")
        {
            from,
            to,
            format,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            // Checked here rather than in a validator, which would run before a bad date had been reported.
            if (parseResult.GetValue(to) <= parseResult.GetValue(from))
            {
                context.Console.Fail("report: --to must be later than --from.");
                return Task.FromResult(ExitCodes.Failed);
            }

            return PendingCommand.RunAsync(context, parseResult, "report", PendingFeatures.Reports, cancellationToken);
        });
        return command;
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
