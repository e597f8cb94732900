using Nexudus.Salto.State;
using Npgsql;

namespace Nexudus.Salto.PostgreSql;

// Named values (watermarks and other small records of the sync engine).
public sealed partial class PostgreSqlSyncStateStore
{
    /// <inheritdoc />
    public async Task<string?> GetValueAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var cmd = Command(connection, null, $"SELECT value FROM {_s}.kv WHERE key = $1", key);
        return await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    private void AddValues(NpgsqlBatch batch, SyncStateChanges changes)
    {
        foreach (var (key, value) in changes.Values)
        {
            if (value is null)
            {
                Add(batch, $"DELETE FROM {_s}.kv WHERE key = $1", key);
            }
            else
            {
                Add(batch, $"INSERT INTO {_s}.kv (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value", key, value);
            }
        }
    }
}
