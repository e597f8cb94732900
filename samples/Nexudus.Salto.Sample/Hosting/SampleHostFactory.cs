using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nexudus.Salto.DependencyInjection;
using Nexudus.Salto.State;

namespace Nexudus.Salto.Sample.Hosting;

/// <summary>
/// Builds the generic host every command runs in: configuration from the sample's <c>appsettings.json</c>
/// (logging defaults only), an optional settings file, environment variables and configuration-style
/// arguments, in that order of precedence; logging to stderr only; the integration (<c>AddSaltoIntegration</c>).
/// </summary>
internal static class SampleHostFactory
{
    /// <summary>Builds the host; it is not started.</summary>
    /// <param name="settings">Where the configuration comes from.</param>
    /// <returns>The host.</returns>
    public static IHost Build(SampleHostSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.ServeWebhooks)
        {
            // Kestrel listens where the standard Urls setting says (--urls, ASPNETCORE_URLS, Urls in a settings file).
            var web = WebApplication.CreateBuilder(new WebApplicationOptions
            {
                ContentRootPath = AppContext.BaseDirectory,
                Args = [.. settings.ConfigurationArguments],
            });
            Configure(web, settings).AddWorker().AddHealthCheck();
            var app = web.Build();
            app.MapNexudusWebhooks(WebhookPrefix);
            app.MapHealthChecks("/healthz");
            return app;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            // The sample's own appsettings.json sits beside the binary, wherever `dotnet run` was started.
            ContentRootPath = AppContext.BaseDirectory,
            Args = [.. settings.ConfigurationArguments],
        });
        var integration = Configure(builder, settings);
        if (settings.RunWorker)
        {
            integration.AddWorker();
        }

        return builder.Build();
    }

    /// <summary>The path the sample serves Nexudus webhooks under: <c>POST /webhooks/nexudus/{action}</c>.</summary>
    public const string WebhookPrefix = "/webhooks/nexudus";

    /// <summary>The largest settings file read, in bytes: settings are a few kilobytes; this is far above that.</summary>
    public const int MaxSettingsFileBytes = 1024 * 1024;

    // Reads the whole file into memory, at most MaxSettingsFileBytes: a huge or endless file (--settings /dev/zero)
    // fails at once with a clear error instead of filling the memory. The length is not trusted (a device or a pipe
    // reports 0), the bytes read are counted.
    private static MemoryStream ReadSettingsFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The settings file {path} does not exist.", path);
        }

        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var buffer = new byte[MaxSettingsFileBytes + 1];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = file.Read(buffer, read, buffer.Length - read)) > 0)
        {
            read += n;
        }

        if (read > MaxSettingsFileBytes)
        {
            throw new InvalidDataException(
                $"The settings file {path} is larger than {MaxSettingsFileBytes / 1024} KiB; a settings file is a small JSON document. Nothing was run.");
        }

        return new MemoryStream(buffer, 0, read, writable: false);
    }

    private static SaltoIntegrationBuilder Configure(IHostApplicationBuilder builder, SampleHostSettings settings)
    {
        // Later sources win: a settings file and the command's defaults over appsettings.json, then the
        // environment and the command line again (the default builder added them before the file), and
        // last the values nothing may change (the demo's sandboxes, so it never reaches a real service).
        if (settings.SettingsFile is { } file)
        {
            builder.Configuration.AddJsonStream(ReadSettingsFile(Path.GetFullPath(file)));
        }

        if (settings.DefaultValues is { Count: > 0 } defaults)
        {
            builder.Configuration.AddInMemoryCollection(defaults);
        }

        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddCommandLine([.. settings.ConfigurationArguments]);
        if (settings.FixedValues is { Count: > 0 } fixedValues)
        {
            builder.Configuration.AddInMemoryCollection(fixedValues);
        }

        // stdout carries only the command's output (with --json, the JSON document alone).
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.TimestampFormat = "HH:mm:ss ";
        });
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(
            options => options.LogToStandardErrorThreshold = LogLevel.Trace);

        var integration = SampleApp.AddIntegration(builder);
        if (settings.DryRun)
        {
            ReadMissingStateFileAsEmpty(builder.Services);
        }

        return integration;
    }

    // A dry run writes nothing: where the SQLite state file does not exist yet, the run reads an empty in-memory state
    // instead of creating the file's folder and schema. An existing file (or PostgreSQL) is used as it is; the dry run
    // only reads it.
    private static void ReadMissingStateFileAsEmpty(IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(ISyncStateStore));
        if (registered is null)
        {
            return;
        }

        services.RemoveAll<ISyncStateStore>();
        services.AddSingleton<ISyncStateStore>(sp =>
        {
            var store = (ISyncStateStore)(registered.ImplementationInstance
                ?? registered.ImplementationFactory?.Invoke(sp)
                ?? ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!));
            var path = sp.GetRequiredService<IOptions<SaltoIntegrationOptions>>().Value.StatePath;
            if (store is SqliteSyncStateStore && path is { Length: > 0 } && !File.Exists(Path.GetFullPath(path)))
            {
                (store as IDisposable)?.Dispose();
                return new InMemorySyncStateStore();
            }

            return store;
        });
    }
}
