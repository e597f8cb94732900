using Nexudus.Salto.State;
using Npgsql;

namespace Nexudus.Salto.PostgreSql;

// Site leases with fencing (ISiteLeaseStore), the announcements of the workers sharing the sites, and the fence every batch that carries leases passes.
public sealed partial class PostgreSqlSyncStateStore
{
    /// <inheritdoc />
    public async Task<SiteLeaseAttempt> TryAcquireSiteLeaseAsync(string siteId, string holder, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(siteId);
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);

        // Taken when free, expired (by the server's clock) or already ours; a take-over gets a new, higher token.
        using (var take = Command(connection, null,
                         $"""
                         INSERT INTO {_s}.site_leases AS l (site_id, holder, token, acquired_at, expires_at)
                         VALUES ($1, $2, nextval('{_s}.lease_tokens'), clock_timestamp(), clock_timestamp() + $3)
                         ON CONFLICT (site_id) DO UPDATE SET holder = excluded.holder,
                           token = CASE WHEN l.holder = excluded.holder AND l.expires_at > clock_timestamp() THEN l.token ELSE excluded.token END,
                           acquired_at = excluded.acquired_at, expires_at = excluded.expires_at
                         WHERE l.expires_at <= clock_timestamp() OR l.holder = excluded.holder
                         RETURNING holder, token, expires_at
                         """,
                         siteId, holder, _options.SiteLeaseDuration))
        using (var r = await take.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return new SiteLeaseAttempt { Lease = new SiteLease { SiteId = siteId, Holder = r.GetString(0), FencingToken = r.GetInt64(1), ExpiresAt = ReadTime(r, 2) } };
            }
        }

        using var other = Command(connection, null, $"SELECT holder, token, expires_at FROM {_s}.site_leases WHERE site_id = $1", siteId);
        using var o = await other.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await o.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new SiteLeaseAttempt { HeldByOther = new SiteLease { SiteId = siteId, Holder = o.GetString(0), FencingToken = o.GetInt64(1), ExpiresAt = ReadTime(o, 2) } }
            : new SiteLeaseAttempt();
    }

    /// <inheritdoc />
    public async Task<SiteLease?> RenewSiteLeaseAsync(SiteLease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);

        // Renewed while the token is still the site's, even just after expiry if no one took it meanwhile.
        using var cmd = Command(connection, null,
            $"UPDATE {_s}.site_leases SET expires_at = clock_timestamp() + $3 WHERE site_id = $1 AND token = $2 RETURNING expires_at",
            lease.SiteId, lease.FencingToken, _options.SiteLeaseDuration);
        return await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is DateTime expires
            ? lease with { ExpiresAt = ToOffset(expires) }
            : null;
    }

    /// <inheritdoc />
    public async Task ReleaseSiteLeaseAsync(SiteLease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var cmd = Command(connection, null, $"DELETE FROM {_s}.site_leases WHERE site_id = $1 AND token = $2", lease.SiteId, lease.FencingToken);
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<int> JoinSiteWorkersAsync(string holder, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var cmd = Command(connection, null,
            $"""
            WITH joined AS (
              INSERT INTO {_s}.site_workers AS w (holder, expires_at) VALUES ($1, clock_timestamp() + $2)
              ON CONFLICT (holder) DO UPDATE SET expires_at = excluded.expires_at RETURNING holder)
            SELECT 1 + count(*) FROM {_s}.site_workers WHERE expires_at > clock_timestamp() AND holder <> $1
            """,
            holder, _options.SiteLeaseDuration);
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public async Task LeaveSiteWorkersAsync(string holder, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);

        // Expired announcements of processes that died go too.
        using var cmd = Command(connection, null, $"DELETE FROM {_s}.site_workers WHERE holder = $1 OR expires_at <= clock_timestamp()", holder);
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SiteLease>> ListSiteLeasesAsync(CancellationToken cancellationToken = default)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var cmd = Command(connection, null,
            $"SELECT site_id, holder, token, expires_at FROM {_s}.site_leases WHERE expires_at > clock_timestamp() ORDER BY site_id COLLATE \"C\"");
        using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var leases = new List<SiteLease>();
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            leases.Add(new SiteLease { SiteId = r.GetString(0), Holder = r.GetString(1), FencingToken = r.GetInt64(2), ExpiresAt = ReadTime(r, 3) });
        }

        return leases;
    }

    /// <summary>
    /// Refuses the batch unless every lease it carries is still its site's lease. The rows stay share-locked until the
    /// batch commits, so a take-over waits for the batch, or the batch sees the take-over: never both.
    /// </summary>
    private async Task CheckFencesAsync(NpgsqlConnection connection, NpgsqlTransaction tx, IReadOnlyList<SiteLease> leases)
    {
        var sites = leases.Select(l => l.SiteId).Distinct(StringComparer.Ordinal).ToArray();
        var current = new Dictionary<string, (string Holder, long Token)>(StringComparer.Ordinal);
        using (var cmd = Command(connection, tx,
                         $"SELECT site_id, holder, token FROM {_s}.site_leases WHERE site_id = ANY($1) FOR SHARE", (object)sites))
        using (var r = await cmd.ExecuteReaderAsync(CancellationToken.None).ConfigureAwait(false))
        {
            while (await r.ReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                current[r.GetString(0)] = (r.GetString(1), r.GetInt64(2));
            }
        }

        foreach (var lease in leases)
        {
            if (!current.TryGetValue(lease.SiteId, out var now) || now.Token != lease.FencingToken)
            {
                throw new SyncStateFencedException(lease, current.TryGetValue(lease.SiteId, out var other) ? other.Holder : null);
            }
        }
    }
}
