namespace Nexudus.Salto.CheckIns;

/// <summary>What a SALTO door entry means, as decided from its <c>event_category</c> and <c>event_detail</c>.</summary>
/// <remarks>
/// The list of SALTO categories is not published, so the decision is configurable
/// (<c>DoorEntryClassifier</c> in the Nexudus.Salto package). Categories it does not know are
/// <see cref="Other"/>: they never become check-ins.
/// </remarks>
public enum DoorEntryResult
{
    /// <summary>Neither an opening nor a rejection (privacy mode, an unknown category).</summary>
    Other = 0,

    /// <summary>The lock opened for the credential presented.</summary>
    Opened = 1,

    /// <summary>The lock refused the credential presented.</summary>
    Rejected = 2,

    /// <summary>
    /// The door was opened from the inside (the handle or an exit request: <c>exit_requested</c> true, or
    /// <c>access_by</c> <c>inside_handle</c>) and the entry names nobody: not a person to check in or out.
    /// </summary>
    InsideExit = 3,

    /// <summary>The lock went into or out of office mode (<c>easy_office_mode</c> with <c>start</c> or <c>end</c>): not a check-in.</summary>
    OfficeMode = 4,
}
