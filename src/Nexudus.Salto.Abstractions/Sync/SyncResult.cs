namespace Nexudus.Salto.Sync;

/// <summary>
/// How a sync run ended. The numeric values are the exit codes of the sample's <c>sync</c> command
///: 0 done, 1 failed, 2 removals held.
/// </summary>
public enum SyncResult
{
    /// <summary>Every planned change was applied (or, on a dry run, planned) and nothing failed.</summary>
    Completed = 0,

    /// <summary>
    /// Something failed: a read, a group change, a user creation, a tag or a schedule. What could be done
    /// safely was done; the rest is retried on a later run.
    /// </summary>
    Failed = 1,

    /// <summary>
    /// Nothing failed, but the <see cref="RevocationDecision">revocation guard</see> held this run's
    /// removals (adds were applied). An operator releases them with the mass-revocation override.
    /// </summary>
    RemovalsHeld = 2,
}
