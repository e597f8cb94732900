using Npgsql;

namespace Nexudus.Salto.PostgreSql;

/// <summary>
/// The PostgreSQL schema as an ordered list of forward migrations; the <c>schema_version</c> table holds how many
/// have run. A migration is never edited once shipped: add a new one instead. <c>{0}</c> stands for the quoted
/// schema name.
/// </summary>
internal static class PostgreSqlSchema
{
    // Advisory-lock class ids of this package (the second key is a hash of the schema name).
    public const int MigrationLockClass = 0x5A17_0001;
    public const int RunLockClass = 0x5A17_0002;

    public static IReadOnlyList<string> Migrations { get; } =
    [
        // 1: the first schema: what the SQLite store holds, plus site leases with fencing tokens.
        """
        CREATE TABLE {0}.identity_links (
          site_id text NOT NULL,
          customer_id bigint NOT NULL,
          site_user_id text NOT NULL,
          platform_user_id text NOT NULL,
          email text NULL,
          created_by_sdk boolean NOT NULL DEFAULT false,
          linked_at timestamptz NOT NULL,
          PRIMARY KEY (site_id, customer_id));
        CREATE INDEX ix_identity_links_platform_user ON {0}.identity_links (site_id, platform_user_id);

        CREATE TABLE {0}.owned_memberships (
          site_id text NOT NULL,
          group_id text NOT NULL,
          platform_user_key text NOT NULL,
          platform_user_id text NOT NULL,
          customer_id bigint NULL,
          added_at timestamptz NOT NULL,
          PRIMARY KEY (site_id, group_id, platform_user_key));

        CREATE TABLE {0}.group_status (
          site_id text NOT NULL,
          group_id text NOT NULL,
          consecutive_failures integer NOT NULL DEFAULT 0,
          last_error text NULL,
          last_failure_at timestamptz NULL,
          last_success_at timestamptz NULL,
          next_attempt_at timestamptz NULL,
          PRIMARY KEY (site_id, group_id));

        CREATE TABLE {0}.tag_assignments (
          site_id text NOT NULL,
          customer_id bigint NOT NULL,
          tag_number text NOT NULL,
          tag_id text NOT NULL,
          assigned_at timestamptz NOT NULL,
          PRIMARY KEY (site_id, customer_id, tag_number));

        CREATE TABLE {0}.owned_schedules (
          site_id text NOT NULL,
          group_id text NOT NULL,
          schedule_id text NOT NULL,
          fingerprint text NOT NULL,
          PRIMARY KEY (site_id, group_id, schedule_id));

        CREATE TABLE {0}.processed_entries (
          site_id text NOT NULL,
          entry_id text NOT NULL,
          occurred_at timestamptz NOT NULL,
          outcome text NOT NULL,
          checkin_id bigint NULL,
          processed_at timestamptz NOT NULL,
          PRIMARY KEY (site_id, entry_id));
        CREATE INDEX ix_processed_entries_occurred ON {0}.processed_entries (site_id, occurred_at);

        CREATE TABLE {0}.checkin_cursors (
          site_id text NOT NULL PRIMARY KEY,
          watermark timestamptz NOT NULL);

        CREATE TABLE {0}.kv (
          key text NOT NULL PRIMARY KEY,
          value text NOT NULL);

        CREATE SEQUENCE {0}.lease_tokens AS bigint;
        CREATE TABLE {0}.site_leases (
          site_id text NOT NULL PRIMARY KEY,
          holder text NOT NULL,
          token bigint NOT NULL,
          acquired_at timestamptz NOT NULL,
          expires_at timestamptz NOT NULL);
        """,

        // 2: the webhook inbox (IWebhookInbox). Not fenced by site leases: the endpoint writes while runs hold them.
        """
        CREATE TABLE {0}.webhook_inbox (
          event_id text NOT NULL PRIMARY KEY,
          action integer NOT NULL,
          record_id bigint NOT NULL,
          customer_ids bigint[] NOT NULL,
          team_payer_ids bigint[] NOT NULL,
          received_at timestamptz NOT NULL);
        CREATE INDEX ix_webhook_inbox_received ON {0}.webhook_inbox (received_at, event_id COLLATE "C");
        """,

        // 3: the processes taking sites now (ISiteLeaseStore.JoinSiteWorkersAsync), so runs started together split the sites.
        """
        CREATE TABLE {0}.site_workers (
          holder text NOT NULL PRIMARY KEY,
          expires_at timestamptz NOT NULL);
        """,

        // 4: the write-ahead journal as a table (it was one JSON named value per site; DataMigrations moves those in).
        """
        CREATE TABLE {0}.pending_memberships (
          site_id text NOT NULL,
          group_id text NOT NULL,
          platform_user_key text NOT NULL,
          platform_user_id text NOT NULL,
          is_addition boolean NOT NULL,
          customer_id bigint NULL,
          added_at timestamptz NULL,
          PRIMARY KEY (site_id, group_id, platform_user_key, is_addition));
        """,
    ];

    /// <summary>Steps that move data after the migration to a version, in its transaction (by version reached).</summary>
    private static readonly Dictionary<int, Func<NpgsqlConnection, NpgsqlTransaction, string, CancellationToken, Task>> DataMigrations = new()
    {
        [4] = PostgreSqlSyncStateStore.MoveLegacyJournalAsync,
    };

    /// <summary>
    /// Creates the schema and runs the pending migrations in one transaction, under an advisory lock on the schema, so
    /// hosts that start together migrate once and none sees half a schema.
    /// </summary>
    public static async Task<int> MigrateAsync(NpgsqlConnection connection, string schema, string quotedSchema, CancellationToken cancellationToken)
    {
        using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        using (var lockCmd = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1, hashtext($2))", connection, tx))
        {
            lockCmd.Parameters.Add(new NpgsqlParameter { Value = MigrationLockClass });
            lockCmd.Parameters.Add(new NpgsqlParameter { Value = schema });
            await lockCmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

#pragma warning disable CA2100 // The schema name is validated as a plain identifier and quoted; migrations are constants.
        using (var create = new NpgsqlCommand(
                         $"CREATE SCHEMA IF NOT EXISTS {quotedSchema}; CREATE TABLE IF NOT EXISTS {quotedSchema}.schema_version (version integer NOT NULL);",
                         connection, tx))
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        int version;
        using (var read = new NpgsqlCommand($"SELECT coalesce(max(version), 0) FROM {quotedSchema}.schema_version", connection, tx))
        {
            version = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }

        if (version > Migrations.Count)
        {
            throw new InvalidOperationException(
                $"The sync state in schema '{schema}' has schema version {version}, newer than this version of Nexudus.Salto.PostgreSql understands ({Migrations.Count}). " +
                "Upgrade the package, or point the store at another schema.");
        }

        for (var i = version; i < Migrations.Count; i++)
        {
            using var migrate = new NpgsqlCommand(
                string.Format(System.Globalization.CultureInfo.InvariantCulture, Migrations[i], quotedSchema) +
                $"\nDELETE FROM {quotedSchema}.schema_version; INSERT INTO {quotedSchema}.schema_version (version) VALUES ({i + 1});",
                connection, tx);
            await migrate.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            if (DataMigrations.TryGetValue(i + 1, out var move))
            {
                await move(connection, tx, quotedSchema, cancellationToken).ConfigureAwait(false);
            }
        }
#pragma warning restore CA2100

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return Migrations.Count;
    }
}
