namespace Nexudus.Salto.Sync;

/// <summary>What a <see cref="SyncWarning"/> is about.</summary>
public enum SyncWarningKind
{
    /// <summary>
    /// The site answered 404 or 405 on a tag endpoint, which no public capture shows: tag writes are off for the site
    /// for the rest of the run. The report still compares Access Card Ids with the tag numbers SALTO shows.
    /// </summary>
    TagEndpointsMissing = 0,

    /// <summary>
    /// A linked access group has no time schedule, so SALTO KS never rolls it out to the locks and its members are
    /// rejected at the door. Add one (the always-open schedule will do), or opt in to
    /// <c>CreateMissingGroupSchedules</c>.
    /// </summary>
    GroupWithoutSchedule = 1,

    /// <summary>Reading a linked group's time schedules failed, so whether it has one is unknown this run.</summary>
    GroupScheduleUnknown = 2,

    /// <summary>
    /// A location's invoices could not be read (the service refused or lacks the listing): payment-aware access left
    /// every customer as the last run did there.
    /// </summary>
    InvoicesUnavailable = 3,

    /// <summary>
    /// More customers were due for erasure in one run than <c>Safety:MaxRevocations</c> allows: none was erased until an
    /// operator allows mass revocation.
    /// </summary>
    ErasuresHeld = 4,
}
