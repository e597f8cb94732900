namespace Nexudus.Salto.PostgreSql;

/// <summary>Options of <see cref="PostgreSqlSyncStateStore"/> (configuration section <c>SaltoIntegration:PostgreSql</c>).</summary>
public sealed record PostgreSqlSyncStateStoreOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "SaltoIntegration:PostgreSql";

    /// <summary>Gets the Npgsql connection string of the database that holds the state (a secret: never logged).</summary>
    /// <value>For example <c>Host=db;Database=salto;Username=salto;Password=...</c>. Required.</value>
    public string ConnectionString { get; init; } = string.Empty;

    /// <summary>
    /// Gets the database schema the tables live in. One schema holds one integration's state: integrations that share
    /// a database use one schema each.
    /// </summary>
    /// <value>Lower-case letters, digits and underscores, starting with a letter or underscore, at most 63 characters. Defaults to <c>nexudus_salto</c>.</value>
    public string Schema { get; init; } = "nexudus_salto";

    /// <summary>Gets how long a site lease lasts unless its holder renews it (a run renews it every third of this).</summary>
    /// <value>Defaults to 2 minutes; at least 1 second. A worker that dies loses its sites to another after at most this long.</value>
    public TimeSpan SiteLeaseDuration { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Gets how long a sync run waits after announcing itself before it takes sites, so that processes started
    /// together see each other and split the sites (each takes at most its share) rather than the first taking all.
    /// </summary>
    /// <value>Defaults to 2 seconds; between zero (take at once) and the <see cref="SiteLeaseDuration"/>.</value>
    public TimeSpan JoinWindow { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets how long processed door entries are remembered behind the newest check-in watermark.</summary>
    /// <value>
    /// Defaults to 90 days, as <c>SaltoIntegration:EntryRetention</c>; it must cover the check-in bridge's look-back
    /// for late entries.
    /// </value>
    public TimeSpan ProcessedEntryRetention { get; init; } = TimeSpan.FromDays(90);

    /// <summary>Gets how long one statement may run before it fails.</summary>
    /// <value>Defaults to 30 seconds.</value>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
