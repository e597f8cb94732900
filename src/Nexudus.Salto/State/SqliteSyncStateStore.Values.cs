using Microsoft.Data.Sqlite;

namespace Nexudus.Salto.State;

// Named values (watermarks and other small records of the sync engine).
public sealed partial class SqliteSyncStateStore
{
    /// <inheritdoc />
    public async Task<string?> GetValueAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var cmd = Command(connection, null, "SELECT value FROM kv WHERE key = $key", ("$key", key));
        return await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    private static void ApplyValues(SqliteConnection connection, SqliteTransaction tx, SyncStateChanges changes)
    {
        foreach (var (key, value) in changes.Values)
        {
            if (value is null)
            {
                Execute(connection, tx, "DELETE FROM kv WHERE key = $key", ("$key", key));
            }
            else
            {
                Execute(connection, tx,
                    "INSERT INTO kv (key, value) VALUES ($key, $value) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    ("$key", key), ("$value", value));
            }
        }
    }
}
