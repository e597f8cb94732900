using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Nexudus.Salto.DependencyInjection;
using Nexudus.Salto.PostgreSql;
using Nexudus.Salto.Sample.Cli;
using Nexudus.Salto.Sample.Guests;
using Nexudus.Salto.Sample.Output;
using Nexudus.Salto.Sync;

namespace Nexudus.Salto.Sample;

/// <summary>
/// The sample console host: <c>demo</c> (the default while <c>Nexudus:BaseUrl</c> is not configured),
/// <c>sync</c>, <c>checkins</c>, <c>report</c>, <c>doctor</c> and <c>watch</c>.
/// </summary>
public static class SampleApp
{
    /// <summary>
    /// The integration's wiring, the same in every command's host: the library's own registration
    /// (<c>AddSaltoIntegration</c>: both clients, the rules, the sync engine, the check-in bridge, the reports and the
    /// state store, bound and validated from the <c>Nexudus</c>, <c>SaltoKs</c> and <c>SaltoIntegration</c> sections),
    /// the PostgreSQL state store when its connection string is set, and where guest PINs go. Commands add the worker
    /// (<c>watch</c>) and the webhook endpoint (<c>watch --serve-webhooks</c>) on top.
    /// </summary>
    /// <param name="builder">The command's host builder, its configuration already assembled.</param>
    /// <returns>The integration, for the command's additions.</returns>
    public static SaltoIntegrationBuilder AddIntegration(IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // The state lives in PostgreSQL when SaltoIntegration:PostgreSql:ConnectionString is set (several hosts share
        // it and split the sites), else in the SQLite file at SaltoIntegration:StatePath.
        var integration = builder.Services.AddSaltoIntegration(builder.Configuration).UsePostgreSqlStateStore(builder.Configuration);

        // Guest PINs go to the sample's sink (standard error), never to a log.
        builder.Services.AddSingleton<SampleGuestCredentialSink>();
        builder.Services.AddSingleton<IGuestCredentialSink>(sp => sp.GetRequiredService<SampleGuestCredentialSink>());
        return integration;
    }

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
