namespace Nexudus.Salto.Sync;

/// <summary>Which rule of the revocation guard held a run's removals.</summary>
public enum RevocationHoldReason
{
    /// <summary>The run would remove more members than <c>MaxRevocations</c>.</summary>
    TooManyRevocations = 0,

    /// <summary>A site would lose more than <c>MaxRevocationPercent</c> of its managed memberships.</summary>
    RevocationPercentExceeded = 1,

    /// <summary>
    /// A Nexudus read failed, so the entitlements may be incomplete. The override does not release these:
    /// the data is missing, so run again.
    /// </summary>
    NexudusReadFailed = 2,

    /// <summary>A SALTO KS read (a site's users or a group's members) failed.</summary>
    SaltoReadFailed = 3,

    /// <summary>
    /// A read came back suspiciously empty: no customers from Nexudus while the state store holds memberships the SDK
    /// added, or an access group with no members while the SDK knows of members there (its ledger, its journal of
    /// changes of unknown outcome, or the group's last read). Such a group is also left out of the run's plan.
    /// </summary>
    SuspiciouslyEmptyRead = 4,
}
