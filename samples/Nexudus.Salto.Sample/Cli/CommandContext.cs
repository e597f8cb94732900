using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Nexudus.Salto.Sample.Hosting;
using Nexudus.Salto.Sample.Output;

namespace Nexudus.Salto.Sample.Cli;

/// <summary>What every command shares: the output, the configuration arguments and the <c>--settings</c> option.</summary>
internal sealed class CommandContext(SampleConsole console, IReadOnlyList<string> configurationArguments)
{
    /// <summary>Gets the output.</summary>
    /// <value>stdout and stderr.</value>
    public SampleConsole Console { get; } = console;

    /// <summary>Gets the <c>--settings</c> option, a deployment's JSON settings file.</summary>
    /// <value>Recursive: every command takes it.</value>
    public Option<FileInfo?> SettingsOption { get; } = new("--settings")
    {
        Description = "A JSON settings file with the Nexudus, SaltoKs and SaltoIntegration sections.",
        Recursive = true,
    };

    /// <summary>Builds the host a command runs in.</summary>
    /// <param name="parseResult">The parsed command line (for <c>--settings</c>).</param>
    /// <param name="defaults">Values below the environment and command line.</param>
    /// <param name="fixedValues">Values above everything else.</param>
    /// <returns>The host, not started.</returns>
    /// <param name="runWorker">Whether the host runs the background worker.</param>
    /// <param name="serveWebhooks">Whether the host is a web application serving the webhook endpoint and <c>/healthz</c> (with the worker).</param>
    public IHost BuildHost(
        ParseResult parseResult, IReadOnlyDictionary<string, string?>? defaults = null, IReadOnlyDictionary<string, string?>? fixedValues = null, bool runWorker = false,
        bool serveWebhooks = false, bool dryRun = false) =>
        SampleHostFactory.Build(new SampleHostSettings
        {
            ConfigurationArguments = configurationArguments,
            SettingsFile = parseResult.GetValue(SettingsOption)?.FullName,
            DefaultValues = defaults,
            FixedValues = fixedValues,
            RunWorker = runWorker,
            ServeWebhooks = serveWebhooks,
            DryRun = dryRun,
        });

    /// <summary>Runs a command's body, turning any failure into exit code 1 and a one-line reason on stderr.</summary>
    /// <param name="name">The command's name, to start the reason with.</param>
    /// <param name="body">The command.</param>
    /// <param name="cancellationToken">Stops the command.</param>
    /// <returns>The exit code.</returns>
    public async Task<int> RunAsync(string name, Func<CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        try
        {
            return await body(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Console.Fail($"{name}: stopped by signal before it finished; nothing half-applied: each change already made is recorded, and the next run carries on from there.");
            return ExitCodes.Failed;
        }
        catch (OptionsValidationException e)
        {
            Console.Fail($"{name}: the configuration is not valid: {string.Join(" ", e.Failures)}");
            return ExitCodes.Failed;
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException)
        {
            Console.Fail($"{name}: {e.Message}");
            return ExitCodes.Failed;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The SDK's exceptions carry redacted messages only, so the reason never holds a secret.
            Console.Fail($"{name}: failed: {e.GetType().Name}: {e.Message}");
            return ExitCodes.Failed;
        }
    }
}
