using Nexudus.Salto.SaltoKs;
using Npgsql;

namespace Nexudus.Salto.PostgreSql;

// Commands, batches and parameters.
public sealed partial class PostgreSqlSyncStateStore
{
    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, params object[] values)
    {
#pragma warning disable CA2100 // SQL text is constant but for the validated, quoted schema name; values always go through parameters.
        var cmd = new NpgsqlCommand(sql, connection, tx);
#pragma warning restore CA2100
        foreach (var value in values)
        {
            cmd.Parameters.Add(value as NpgsqlParameter ?? new NpgsqlParameter { Value = value });
        }

        return cmd;
    }

    private static void Add(NpgsqlBatch batch, string sql, params object[] values)
    {
        var cmd = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            cmd.Parameters.Add(value as NpgsqlParameter ?? new NpgsqlParameter { Value = value });
        }

        batch.BatchCommands.Add(cmd);
    }

    private static string UserKey(PlatformUserId id) => id.Value.ToUpperInvariant();

    private static object Text(string? value) => value is null ? DBNull.Value : value;

    private static object Long(long? value) => value is { } v ? v : DBNull.Value;

    // timestamptz takes UTC DateTimes; typed parameters so a null still has a type.
    private static NpgsqlParameter Time(DateTimeOffset? value) => new()
    {
        NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz,
        Value = value is { } v ? v.UtcDateTime : DBNull.Value,
    };

    private static DateTimeOffset ToOffset(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static DateTimeOffset ReadTime(NpgsqlDataReader reader, int ordinal) => ToOffset(reader.GetDateTime(ordinal));

    private static DateTimeOffset? ReadNullableTime(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ToOffset(reader.GetDateTime(ordinal));
}
