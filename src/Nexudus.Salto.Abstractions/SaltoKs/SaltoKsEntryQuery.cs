namespace Nexudus.Salto.SaltoKs;

/// <summary>Which entries to read from <c>GET /v1.1/sites/{site_id}/entries</c>, and in which order.</summary>
/// <remarks>
/// The time range is half-open, <c>[From, To)</c>, so consecutive ranges neither overlap nor leave gaps.
/// Entries reach SALTO KS with some delay: read a little behind the present.
/// </remarks>
public sealed record SaltoKsEntryQuery
{
    /// <summary>Gets the earliest instant to include (<c>utc_date_time ge DateTime'…Z'</c>).</summary>
    /// <value><see langword="null"/> (the default) for no lower bound.</value>
    public DateTimeOffset? From { get; init; }

    /// <summary>Gets the instant before which entries are included (<c>utc_date_time lt DateTime'…Z'</c>).</summary>
    /// <value><see langword="null"/> (the default) for no upper bound.</value>
    public DateTimeOffset? To { get; init; }

    /// <summary>Gets the locks whose entries to read.</summary>
    /// <value>Empty (the default) for every lock of the site.</value>
    /// <remarks>
    /// One lock is filtered by SALTO KS (<c>lock_id eq '…'</c>). Several are, by default, filtered by the client over
    /// the site's entries, because SALTO KS is not known to accept <c>or</c>; the client option
    /// <c>SaltoKsClientOptions.EntryLockFilter</c> sends <c>(lock_id eq 'a') or (lock_id eq 'b')</c> instead.
    /// </remarks>
    public IReadOnlyList<string> LockIds { get; init => field = value ?? []; } = [];

    /// <summary>Gets the order of the entries by <c>utc_date_time</c>.</summary>
    /// <value><see cref="SaltoKsSortOrder.Ascending"/> by default.</value>
    public SaltoKsSortOrder Order { get; init; } = SaltoKsSortOrder.Ascending;

    /// <summary>Gets the page size to ask for (<c>$top</c>).</summary>
    /// <value><see langword="null"/> (the default) for the client's configured entries page size.</value>
    public int? PageSize { get; init; }
}
