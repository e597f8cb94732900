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
    /// <remarks>
    /// On a named integration's builder (<c>AddSaltoIntegration("operator-a", …)</c>), the store is that integration's
    /// keyed <see cref="ISyncStateStore"/>, and the schema defaults to <c>nexudus_salto_{name}</c> (lower case, <c>-</c> as
    /// <c>_</c>), so integrations that share a database keep their state apart.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The connection string is empty, or an option is invalid.</exception>
    public static SaltoIntegrationBuilder UsePostgreSqlStateStore(
        this SaltoIntegrationBuilder builder, string connectionString, Func<PostgreSqlSyncStateStoreOptions, PostgreSqlSyncStateStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var options = new PostgreSqlSyncStateStoreOptions { ConnectionString = connectionString, Schema = DefaultSchema(builder) };
        return Register(builder, configure is null ? options : configure(options));
    }

    /// <summary>
    /// Keeps the sync state in PostgreSQL when the configuration sets <c>SaltoIntegration:PostgreSql:ConnectionString</c>
    /// (with the section's other keys: <c>Schema</c>, <c>SiteLeaseDuration</c>, <c>JoinWindow</c>, <c>ProcessedEntryRetention</c>,
    /// <c>CommandTimeout</c>); without a connection string the state stays where it was (the SQLite file at
    /// <c>SaltoIntegration:StatePath</c>).
    /// </summary>
    /// <param name="builder">The builder <c>AddSaltoIntegration</c> returned.</param>
    /// <param name="configuration">
    /// The configuration root (the one given to <c>AddSaltoIntegration</c>); for a named integration, its section (the
    /// schema then defaults to <c>nexudus_salto_{name}</c>).
    /// </param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The section sets a connection string, and an option is invalid.</exception>
    public static SaltoIntegrationBuilder UsePostgreSqlStateStore(this SaltoIntegrationBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = ReadOptions(configuration);
        if (options is not null && builder.Name is not null && string.IsNullOrEmpty(configuration.GetSection(PostgreSqlSyncStateStoreOptions.SectionName)["Schema"]))
        {
            options = options with { Schema = DefaultSchema(builder) };
        }

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
            // SaltoIntegration:EntryRetention applies unless the section names its own.
            ProcessedEntryRetention = Duration(section, "ProcessedEntryRetention",
                Duration(configuration.GetSection("SaltoIntegration"), "EntryRetention", defaults.ProcessedEntryRetention)),
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
            // A named integration's keys are named under its section, as start-up validation names them.
            var prefix = builder.ConfigurationPath.Length == 0 ? string.Empty : builder.ConfigurationPath + ":";
            throw new ArgumentException(string.Join(" ", failures.Select(f => prefix + f)), nameof(options));
        }

        if (builder.Name is { } name)
        {
            builder.Services.RemoveAllKeyed<PostgreSqlSyncStateStore>(name);
            builder.Services.AddKeyedSingleton(name, (_, _) => new PostgreSqlSyncStateStore(options));
            builder.Services.RemoveAllKeyed<ISyncStateStore>(name);
            builder.Services.AddKeyedSingleton<ISyncStateStore>(name, (sp, key) => sp.GetRequiredKeyedService<PostgreSqlSyncStateStore>(key));
            builder.Services.RemoveAllKeyed<ISiteLeaseStore>(name);
            builder.Services.AddKeyedSingleton<ISiteLeaseStore>(name, (sp, key) => sp.GetRequiredKeyedService<PostgreSqlSyncStateStore>(key));
            return builder;
        }

        builder.Services.RemoveAll<PostgreSqlSyncStateStore>();
        builder.Services.AddSingleton(_ => new PostgreSqlSyncStateStore(options));
        builder.Services.Replace(ServiceDescriptor.Singleton<ISyncStateStore>(sp => sp.GetRequiredService<PostgreSqlSyncStateStore>()));
        builder.Services.Replace(ServiceDescriptor.Singleton<ISiteLeaseStore>(sp => sp.GetRequiredService<PostgreSqlSyncStateStore>()));
        return builder;
    }

    /// <summary>The schema of an integration: <c>nexudus_salto</c>, or <c>nexudus_salto_{name}</c> for a named one.</summary>
    private static string DefaultSchema(SaltoIntegrationBuilder builder)
    {
        var schema = new PostgreSqlSyncStateStoreOptions().Schema;
        if (builder.Name is not { } name)
        {
            return schema;
        }

        var suffix = name.ToLowerInvariant().Replace('-', '_');
        return (schema + "_" + suffix) is var full && full.Length <= 63 ? full : full[..63];
    }
}
