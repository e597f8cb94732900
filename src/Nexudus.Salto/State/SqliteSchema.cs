using Microsoft.Data.Sqlite;

namespace Nexudus.Salto.State;

/// <summary>
/// The SQLite schema as an ordered list of forward migrations; <c>PRAGMA user_version</c> holds how
/// many have run. A migration is never edited once shipped: add a new one instead.
/// </summary>
internal static class SqliteSchema
{
    public static IReadOnlyList<string> Migrations { get; } =
    [
        // 1: the first schema.
        """
        CREATE TABLE identity_links (
          site_id TEXT NOT NULL,
          customer_id INTEGER NOT NULL,
          site_user_id TEXT NOT NULL,
          platform_user_id TEXT NOT NULL,
          email TEXT NULL,
          created_by_sdk INTEGER NOT NULL DEFAULT 0,
          linked_at TEXT NOT NULL,
          PRIMARY KEY (site_id, customer_id));
        CREATE INDEX ix_identity_links_platform_user ON identity_links (site_id, platform_user_id);

        CREATE TABLE owned_memberships (
          site_id TEXT NOT NULL,
          group_id TEXT NOT NULL,
          platform_user_key TEXT NOT NULL,
          platform_user_id TEXT NOT NULL,
          customer_id INTEGER NULL,
          added_at TEXT NOT NULL,
          PRIMARY KEY (site_id, group_id, platform_user_key));

        CREATE TABLE group_status (
          site_id TEXT NOT NULL,
          group_id TEXT NOT NULL,
          consecutive_failures INTEGER NOT NULL DEFAULT 0,
          last_error TEXT NULL,
          last_failure_at TEXT NULL,
          last_success_at TEXT NULL,
          next_attempt_at TEXT NULL,
          PRIMARY KEY (site_id, group_id));

        CREATE TABLE tag_assignments (
          site_id TEXT NOT NULL,
          customer_id INTEGER NOT NULL,
          tag_number TEXT NOT NULL,
          tag_id TEXT NOT NULL,
          assigned_at TEXT NOT NULL,
          PRIMARY KEY (site_id, customer_id, tag_number));

        CREATE TABLE owned_schedules (
          site_id TEXT NOT NULL,
          group_id TEXT NOT NULL,
          schedule_id TEXT NOT NULL,
          fingerprint TEXT NOT NULL,
          PRIMARY KEY (site_id, group_id, schedule_id));

        CREATE TABLE processed_entries (
          site_id TEXT NOT NULL,
          entry_id TEXT NOT NULL,
          occurred_at TEXT NOT NULL,
          outcome TEXT NOT NULL,
          checkin_id INTEGER NULL,
          processed_at TEXT NOT NULL,
          PRIMARY KEY (site_id, entry_id));
        CREATE INDEX ix_processed_entries_occurred ON processed_entries (site_id, occurred_at);

        CREATE TABLE checkin_cursors (
          site_id TEXT NOT NULL PRIMARY KEY,
          watermark TEXT NOT NULL);

        CREATE TABLE kv (
          key TEXT NOT NULL PRIMARY KEY,
          value TEXT NOT NULL);
        """,

        // 2: the webhook inbox (IWebhookInbox).
        """
        CREATE TABLE webhook_inbox (
          event_id TEXT NOT NULL PRIMARY KEY,
          action INTEGER NOT NULL,
          record_id INTEGER NOT NULL,
          customer_ids TEXT NOT NULL,
          team_payer_ids TEXT NOT NULL,
          received_at TEXT NOT NULL);
        CREATE INDEX ix_webhook_inbox_received ON webhook_inbox (received_at, event_id);
        """,

        // 3: the write-ahead journal as a table (it was one JSON named value per site; DataMigrations moves those in).
        """
        CREATE TABLE pending_memberships (
          site_id TEXT NOT NULL,
          group_id TEXT NOT NULL,
          platform_user_key TEXT NOT NULL,
          platform_user_id TEXT NOT NULL,
          is_addition INTEGER NOT NULL,
          customer_id INTEGER NULL,
          added_at TEXT NULL,
          PRIMARY KEY (site_id, group_id, platform_user_key, is_addition));
        """,
    ];

    /// <summary>Steps that move data after the migration to a version, in its transaction (by version reached).</summary>
    private static readonly Dictionary<int, Action<SqliteConnection, SqliteTransaction>> DataMigrations = new()
    {
        [3] = SqliteSyncStateStore.MoveLegacyJournal,
    };

    /// <summary>The tables every version of the schema has; an existing file missing one is not ours or is broken.</summary>
    private static readonly string[] Tables =
        ["identity_links", "owned_memberships", "group_status", "tag_assignments", "owned_schedules", "processed_entries", "checkin_cursors", "kv"];

    /// <summary>The error for a state file that cannot be used, naming its path and what to do.</summary>
    public static InvalidOperationException Unusable(string path, string why, Exception? inner = null) =>
        new($"The sync state at '{path}' cannot be used: {why}. It was left as it is, and no new state was started over it: " +
            "that would forget which memberships the SDK added. Restore the file from a backup, or move it aside and rebuild " +
            "the ownership from current entitlements (sync --rebuild-ownership, SyncRunOptions.RebuildOwnership).", inner);

    /// <summary>Checks that an existing file holds this schema: a version, and every table.</summary>
    public static void CheckExisting(SqliteConnection connection, string path)
    {
        var version = ReadVersion(connection);
        if (version == 0)
        {
            throw Unusable(path, "it is an SQLite database without the sync state schema (user_version 0)");
        }

        if (version > Migrations.Count)
        {
            return; // newer than this code: the migration says so, with its own advice
        }

        var present = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table';";
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                present.Add(reader.GetString(0));
            }
        }

        var missing = Tables.Where(t => !present.Contains(t)).ToList();
        if (missing.Count > 0)
        {
            throw Unusable(path, $"its schema (version {version}) is broken: table(s) {string.Join(", ", missing)} missing");
        }
    }

    public static int ReadVersion(SqliteConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static void Migrate(SqliteConnection connection, string path)
    {
        // BEGIN IMMEDIATE takes the write lock first, so two processes starting together migrate once.
        using var tx = connection.BeginTransaction(deferred: false);
        var version = ReadVersion(connection);
        if (version > Migrations.Count)
        {
            throw new InvalidOperationException(
                $"The sync state at '{path}' has schema version {version}, newer than this version of Nexudus.Salto understands ({Migrations.Count}). " +
                "Upgrade the package, or point StatePath at another file.");
        }

        for (var i = version; i < Migrations.Count; i++)
        {
            using var cmd = connection.CreateCommand();
            cmd.Transaction = tx;
#pragma warning disable CA2100 // Migration scripts are constants in this file.
            cmd.CommandText = Migrations[i] + $"\nPRAGMA user_version = {i + 1};";
#pragma warning restore CA2100
            cmd.ExecuteNonQuery();
            if (DataMigrations.TryGetValue(i + 1, out var move))
            {
                move(connection, tx);
            }
        }

        tx.Commit();
    }
}
