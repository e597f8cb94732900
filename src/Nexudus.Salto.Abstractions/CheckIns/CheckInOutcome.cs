namespace Nexudus.Salto.CheckIns;

/// <summary>What the check-in bridge did with one door entry.</summary>
/// <remarks>
/// Every outcome except <see cref="Deferred"/> is final: the entry is recorded as processed, with the
/// outcome, and never handled again. A deferred entry is read again on the next run.
/// </remarks>
public enum CheckInOutcome
{
    /// <summary>A Nexudus check-in was created for the entry.</summary>
    CheckedIn = 0,

    /// <summary>The customer already had an open check-in at the location (or one covering the entry's time); nothing was written.</summary>
    AlreadyCheckedIn = 1,

    /// <summary>
    /// A check-in (or check-out) matching the entry's time was found: an earlier attempt wrote it but
    /// its outcome was never recorded (a crash, or a write that timed out). Nothing was written again.
    /// </summary>
    Recovered = 2,

    /// <summary>The customer's open check-in was closed at the entry's time.</summary>
    CheckedOut = 3,

    /// <summary>An opening on a check-out reader found no open check-in to close.</summary>
    NoOpenCheckIn = 4,

    /// <summary>A repeated tap within the debounce window of the same user's previous tap on a reader of the same role; nothing was written.</summary>
    Debounced = 5,

    /// <summary>Nexudus refused the check-in (for example the customer holds no valid pass: HTTP 200 with <c>WasSuccessful: false</c>).</summary>
    Refused = 6,

    /// <summary>The door refused the credential, so there is nothing to check in.</summary>
    Rejected = 7,

    /// <summary>The entry's SALTO user matches no Nexudus customer (neither through the identity map nor by e-mail), or the entry names no user.</summary>
    UnknownUser = 8,

    /// <summary>The entry is neither an opening nor a rejection (an event category that is not configured).</summary>
    Ignored = 9,

    /// <summary>
    /// A temporary failure (throttling that outlasted the retries, a timeout that a look-up could not
    /// settle, a network error) stopped the site's run at this entry; it and the entries after it are
    /// handled on the next run.
    /// </summary>
    Deferred = 10,

    /// <summary>The door was opened from the inside by nobody named (the handle, an exit request); nothing to check in or out.</summary>
    InsideExit = 11,

    /// <summary>The lock went into or out of office mode; not a check-in.</summary>
    OfficeMode = 12,

    /// <summary>
    /// The entry is from an earlier day at the location, where Nexudus accepts no open check-in, and the bridge is set
    /// to leave such entries out (<c>PastDayCheckIns: Skip</c>); nothing was written.
    /// </summary>
    PastDaySkipped = 13,

    /// <summary>
    /// The entry is from an earlier day at the location, where Nexudus accepts no open check-in, so a closed check-in
    /// was created: ending at the customer's matching exit, or after the configured default stay.
    /// </summary>
    CheckedInAndOut = 14,
}
