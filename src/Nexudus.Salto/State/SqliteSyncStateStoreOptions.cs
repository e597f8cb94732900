namespace Nexudus.Salto.State;

/// <summary>Options of <see cref="SqliteSyncStateStore"/>.</summary>
public sealed record SqliteSyncStateStoreOptions
{
    /// <summary>Gets the path of the SQLite database file.</summary>
    /// <value>Defaults to <c>nexudus-salto.db</c> (the <c>SaltoIntegration:StatePath</c> default), relative to the working directory.</value>
    public string Path { get; init; } = "nexudus-salto.db";

    /// <summary>Gets how long processed door entries are remembered behind the newest check-in watermark.</summary>
    /// <value>
    /// Defaults to 90 days, as <c>SaltoIntegration:EntryRetention</c>; it must cover the check-in bridge's look-back
    /// for late entries.
    /// </value>
    public TimeSpan ProcessedEntryRetention { get; init; } = TimeSpan.FromDays(90);

    /// <summary>Gets how long a write waits for another connection's transaction before failing.</summary>
    /// <value>Defaults to 30 seconds.</value>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
