namespace Nexudus.Salto.Sync;

/// <summary>
/// The settings of <see cref="AccessSynchronizer"/>: which locations to keep in step, the revocation guard's
/// limits, and how a run reads and writes. Property names follow the configuration keys (<c>SaltoIntegration</c>) where it
/// names them.
/// </summary>
public sealed record AccessSyncOptions
{
    /// <summary>Gets the locations to keep in step (<c>SaltoIntegration:Locations</c>).</summary>
    /// <value>Empty by default: a run then changes nothing.</value>
    public IReadOnlyList<IntegrationLocation> Locations { get; init; } = [];

    /// <summary>Gets the revocation guard's limits (<c>SaltoIntegration:Safety</c>).</summary>
    /// <value>25 removals and 20 % by default.</value>
    public RevocationSafety Safety { get; init; } = new();

    /// <summary>Gets whether runs only compute and report the plan, writing nothing.</summary>
    /// <value><see langword="false"/> by default.</value>
    public bool DryRun { get; init; }

    /// <summary>
    /// Gets whether the operator releases removals the guard would hold for exceeding its limits or after a
    /// suspiciously empty read. Removals held because a Nexudus read failed are never released: that data is
    /// incomplete, so run again.
    /// </summary>
    /// <value><see langword="false"/> by default.</value>
    public bool AllowMassRevocation { get; init; }

    /// <summary>
    /// Gets how many members one chunk of a group's change adds and removes at most. Each chunk is journalled
    /// before it is sent and recorded in the state store as soon as SALTO accepts it; the SALTO client may send a
    /// chunk in several calls (when SALTO rejects it whole), and only the ids SALTO accepted are recorded.
    /// </summary>
    /// <value>
    /// 1,000 by default, so a first sync changes most groups with one <c>PATCH …/access_groups/{id}/users</c>
    /// (SALTO's own limit is unconfirmed; the client halves what SALTO rejects). Keep it no larger than the SALTO
    /// client's <c>MembershipChunkSize</c>; <c>AddSaltoIntegration</c> sets it to that value.
    /// </value>
    public int MembershipChunkSize { get; init; } = 1000;

    /// <summary>Gets the back-off after a group's first failed change; it doubles with each further failure.</summary>
    /// <value>One minute by default.</value>
    public TimeSpan GroupRetryBaseDelay { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets the longest back-off of a failing group.</summary>
    /// <value>One hour by default.</value>
    public TimeSpan GroupRetryMaxDelay { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Gets how far ahead of now bookings are read, so the report's <see cref="SyncReport.NextEdge"/> sees
    /// the next booking window open. Bookings that cannot matter now or within this span are not read.
    /// </summary>
    /// <value>One day by default.</value>
    public TimeSpan BookingLookAhead { get; init; } = TimeSpan.FromDays(1);

    /// <summary>
    /// Gets how often Nexudus is read in full; between full reads only records updated since the last read
    /// (by <c>UpdatedOn</c>) are read and merged. Records deleted in Nexudus (rather than changed) are noticed
    /// only at the next full read; bookings are always read in full for their window.
    /// </summary>
    /// <value>
    /// <see cref="TimeSpan.Zero"/> by default: every run reads in full. Incremental reads need the same
    /// <see cref="AccessSynchronizer"/> instance across runs (as a worker keeps it).
    /// </value>
    public TimeSpan FullReadInterval { get; init; }

    /// <summary>
    /// Gets whether a full read's missing SALTO users are created while Nexudus is still being read: as soon as the
    /// customers, passes, bookings, desks and resources are in, the customers those already entitle on a site get
    /// their users, while the contracts and teams are still being read. The entitlement rules only ever grant, so
    /// anyone entitled by part of the records is entitled by all of them (a property test checks it); customers
    /// entitled only through a contract or a team get their users once everything is read. Never in a dry run, and
    /// never from an incremental read.
    /// </summary>
    /// <value>
    /// <see langword="true"/> by default: on a first sync with thousands of users to create it hides the creations
    /// behind the Nexudus reads, which the rate limits make slow.
    /// </value>
    public bool CreateUsersWhileReading { get; init; } = true;

    /// <summary>
    /// Gets how many Nexudus read calls may be in flight at once. The client's rate limiter still paces when each
    /// starts; overlapping them keeps a read close to the time the rate limits allow.
    /// </summary>
    /// <value>6 by default; 1 reads one call after another.</value>
    public int NexudusReadConcurrency { get; init; } = 6;

    /// <summary>
    /// Gets how many SALTO KS read calls (a site's users, a group's members) may be in flight at once. Above 1, the
    /// reads of the configured groups also start while Nexudus is still being read.
    /// </summary>
    /// <value>4 by default; 1 reads SALTO after Nexudus, one call after another.</value>
    public int SaltoReadConcurrency { get; init; } = 4;

    /// <summary>
    /// Gets how many SALTO KS write calls of one site may be in flight at once: user creations, the bulk membership
    /// changes of different groups (the chunks of one group are always sent in order) and tag changes. What SALTO
    /// accepted is still recorded before it is reported; records that finish together are saved in one state-store
    /// write, and the store never sees two writes at once.
    /// </summary>
    /// <value>4 by default; between 1 and 32. 1 writes one call after another, in plan order.</value>
    public int SaltoWriteConcurrency { get; init; } = DefaultSaltoWriteConcurrency;

    /// <summary>The default of <see cref="SaltoWriteConcurrency"/>.</summary>
    internal const int DefaultSaltoWriteConcurrency = 4;

    /// <summary>The largest <see cref="SaltoWriteConcurrency"/> accepted.</summary>
    internal const int MaxSaltoWriteConcurrency = 32;

    /// <summary>Gets how Nexudus numbers the weekdays of pass time slots (unconfirmed), for written schedules.</summary>
    /// <value><see cref="TimeSlotDayNumbering.SundayZero"/> by default.</value>
    public TimeSlotDayNumbering TimeSlotDayNumbering { get; init; }

    /// <summary>Gets the SALTO role ids given to users the sync creates.</summary>
    /// <value>Empty by default: SALTO gives its default role.</value>
    public IReadOnlyList<string> NewUserRoleIds { get; init; } = [];

    /// <summary>
    /// Gets how long a customer may stay archived in Nexudus before the sync erases them as if deleted
    /// (<c>SaltoIntegration:EraseArchivedAfter</c>).
    /// </summary>
    /// <value><see langword="null"/>: archived customers are never erased, they only lose access (the default).</value>
    public TimeSpan? EraseArchivedAfter { get; init; }
}
