using System.CommandLine;
using Nexudus.Salto.Sample.Cli;
using Nexudus.Salto.Sample.Output;

namespace Nexudus.Salto.Sample;

/// <summary>
/// The sample console host: <c>demo</c> (the default while <c>Nexudus:BaseUrl</c> is not configured),
/// <c>sync</c>, <c>checkins</c>, <c>report</c>, <c>doctor</c> and <c>watch</c>.
/// </summary>
public static class SampleApp
{
    /// <summary>Runs one command line to the end.</summary>
    /// <param name="args">The arguments: a command, its options, and any configuration keys (<c>--Nexudus:BaseUrl=…</c>).</param>
    /// <param name="stdout">Where the command's output goes; with <c>--json</c>, the JSON document alone.</param>
    /// <param name="stderr">Where errors and one-line reasons go (logs go to the process's stderr).</param>
    /// <param name="cancellationToken">Stops the command (Ctrl+C).</param>
    /// <returns>The exit code: 0 done, 2 removals held by the guard, 1 failed.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        if (ConfigurationArguments.WithoutValue(args) is { Count: > 0 } withoutValue)
        {
            await stderr.WriteLineAsync(
                $"Configuration argument(s) without a value: {string.Join(", ", withoutValue)}. Write them as --Section:Key=value " +
                "(with '='); nothing was run.");
            return ExitCodes.Failed;
        }

        var (commandLine, configurationArguments) = ConfigurationArguments.Split(args);
        var console = SampleConsole.Create(stdout, stderr);
        var root = SampleCommandLine.Create(console, configurationArguments);
        var parsed = root.Parse(commandLine);
        return await parsed.InvokeAsync(
            new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,

                // Program.cs turns Ctrl+C into the token; commands report their own failures.
                ProcessTerminationTimeout = null,
                EnableDefaultExceptionHandler = false,
            },
            cancellationToken);
    }
}
