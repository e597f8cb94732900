using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Nexudus.Salto.DependencyInjection;
using Nexudus.Salto.PostgreSql;

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

    private static SaltoIntegrationBuilder Configure(IHostApplicationBuilder builder, SampleHostSettings settings)
    {
        // Later sources win: a settings file and the command's defaults over appsettings.json, then the
        // environment and the command line again (the default builder added them before the file), and
        // last the values nothing may change (the demo's sandboxes, so it never reaches a real service).
        if (settings.SettingsFile is { } file)
        {
            builder.Configuration.AddJsonFile(Path.GetFullPath(file), optional: false, reloadOnChange: false);
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

        // The state lives in PostgreSQL when SaltoIntegration:PostgreSql:ConnectionString is set (several hosts share
        // it and split the sites), else in the SQLite file at SaltoIntegration:StatePath.
        return builder.Services.AddSaltoIntegration(builder.Configuration).UsePostgreSqlStateStore(builder.Configuration);
    }
}
