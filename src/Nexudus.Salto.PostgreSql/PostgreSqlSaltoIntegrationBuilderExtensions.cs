using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nexudus.Salto.DependencyInjection;
using Nexudus.Salto.State;

namespace Nexudus.Salto.PostgreSql;

/// <summary>Puts the integration's sync state in PostgreSQL.</summary>
public static class PostgreSqlSaltoIntegrationBuilderExtensions
{
    /// <summary>
    /// Keeps the sync state in PostgreSQL instead of the SQLite file: the store replaces the registered
    /// <see cref="ISyncStateStore"/> (it is also registered as <see cref="PostgreSqlSyncStateStore"/> and
    /// <see cref="ISiteLeaseStore"/>), so the sync engine leases sites and several hosts share the work. The store is
    /// also the <see cref="IWebhookInbox"/> the webhook endpoint and the worker use.
    /// </summary>
    /// <param name="builder">The builder <c>AddSaltoIntegration</c> returned.</param>
    /// <param name="connectionString">The Npgsql connection string.</param>
    /// <param name="configure">Changes the other options (schema, lease duration); optional.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The connection string is empty, or an option is invalid.</exception>
    public static SaltoIntegrationBuilder UsePostgreSqlStateStore(
        this SaltoIntegrationBuilder builder, string connectionString, Func<PostgreSqlSyncStateStoreOptions, PostgreSqlSyncStateStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var options = new PostgreSqlSyncStateStoreOptions { ConnectionString = connectionString };
        return Register(builder, configure is null ? options : configure(options));
    }

    /// <summary>
    /// Keeps the sync state in PostgreSQL when the configuration sets <c>SaltoIntegration:PostgreSql:ConnectionString</c>
    /// (with the section's other keys: <c>Schema</c>, <c>SiteLeaseDuration</c>, <c>JoinWindow</c>, <c>ProcessedEntryRetention</c>,
    /// <c>CommandTimeout</c>); without a connection string the state stays where it was (the SQLite file at
    /// <c>SaltoIntegration:StatePath</c>).
    /// </summary>
    /// <param name="builder">The builder <c>AddSaltoIntegration</c> returned.</param>
    /// <param name="configuration">The configuration root (the one given to <c>AddSaltoIntegration</c>).</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The section sets a connection string, and an option is invalid.</exception>
    public static SaltoIntegrationBuilder UsePostgreSqlStateStore(this SaltoIntegrationBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = ReadOptions(configuration);
        return options is null ? builder : Register(builder, options);
    }

    /// <summary>Reads the <c>SaltoIntegration:PostgreSql</c> section.</summary>
    /// <param name="configuration">The configuration root.</param>
    /// <returns>The options, or <see langword="null"/> when no connection string is set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configuration"/> is <see langword="null"/>.</exception>
    public static PostgreSqlSyncStateStoreOptions? ReadOptions(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(PostgreSqlSyncStateStoreOptions.SectionName);
        if (string.IsNullOrWhiteSpace(section["ConnectionString"]))
        {
            return null;
        }

        var defaults = new PostgreSqlSyncStateStoreOptions();
        return new PostgreSqlSyncStateStoreOptions
        {
            ConnectionString = section["ConnectionString"]!,
            Schema = section["Schema"] is { Length: > 0 } schema ? schema : defaults.Schema,
            SiteLeaseDuration = Duration(section, "SiteLeaseDuration", defaults.SiteLeaseDuration),
            JoinWindow = Duration(section, "JoinWindow", defaults.JoinWindow),
            ProcessedEntryRetention = Duration(section, "ProcessedEntryRetention", defaults.ProcessedEntryRetention),
            CommandTimeout = Duration(section, "CommandTimeout", defaults.CommandTimeout),
        };
    }

    private static TimeSpan Duration(IConfigurationSection section, string key, TimeSpan fallback)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"{PostgreSqlSyncStateStoreOptions.SectionName}:{key} must be a duration such as 00:02:00, not '{text}'.", nameof(section));
    }

    private static SaltoIntegrationBuilder Register(SaltoIntegrationBuilder builder, PostgreSqlSyncStateStoreOptions options)
    {
        var failures = PostgreSqlSyncStateStore.Validate(options);
        if (failures.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", failures), nameof(options));
        }

        builder.Services.RemoveAll<PostgreSqlSyncStateStore>();
        builder.Services.AddSingleton(_ => new PostgreSqlSyncStateStore(options));
        builder.Services.Replace(ServiceDescriptor.Singleton<ISyncStateStore>(sp => sp.GetRequiredService<PostgreSqlSyncStateStore>()));
        builder.Services.Replace(ServiceDescriptor.Singleton<ISiteLeaseStore>(sp => sp.GetRequiredService<PostgreSqlSyncStateStore>()));
        return builder;
    }
}
