namespace Nexudus.Salto.SaltoKs;

/// <summary>
/// How the client reads the entries of several locks at once (<see cref="SaltoKsEntryQuery.LockIds"/> with more than
/// one id). One lock is always filtered by SALTO KS with <c>lock_id eq '…'</c>.
/// </summary>
/// <remarks>
/// SALTO KS is known to accept <c>eq</c>, <c>contains</c>, date comparisons and <c>and</c> in <c>$filter</c>; <c>or</c>
/// has never been seen working, and an unsupported filter is answered 400 <c>1102</c>. The default therefore uses only
/// the known forms.
/// </remarks>
public enum SaltoKsEntryLockFilterMode
{
    /// <summary>
    /// Asks SALTO KS for the entries of every lock in the time range and keeps those of the requested locks. Paging,
    /// order and continuation tokens are SALTO's own, so a read resumes exactly; a page may hold fewer entries than
    /// asked for, or none, while more follow.
    /// </summary>
    FilterLocally = 0,

    /// <summary>
    /// Sends <c>(lock_id eq 'a') or (lock_id eq 'b')</c> in <c>$filter</c>, for tenants where SALTO KS accepts
    /// <c>or</c>; fewer entries cross the wire.
    /// </summary>
    ODataOr = 1,
}
