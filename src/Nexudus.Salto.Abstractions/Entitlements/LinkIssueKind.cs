namespace Nexudus.Salto.Entitlements;

/// <summary>What is wrong with a link or a location's link settings.</summary>
public enum LinkIssueKind
{
    /// <summary>A configured link names a pass, desk or resource that is not in the snapshot; the link grants nothing.</summary>
    UnknownItem = 0,

    /// <summary>A configured link names an item of another location; the link grants nothing.</summary>
    ItemInOtherLocation = 1,

    /// <summary>A configured group id is empty or white space; it is ignored.</summary>
    BlankGroupId = 2,

    /// <summary>A location has no Nexudus business id or no SALTO site id; the location is ignored.</summary>
    InvalidLocation = 3,

    /// <summary>A location is configured more than once; only the first entry counts.</summary>
    DuplicateLocation = 4,

    /// <summary>A location's policy is out of range (a negative booking buffer, a pass-day cut-off outside a day); the location is ignored.</summary>
    InvalidPolicy = 5,

    /// <summary>Locations of the same site disagree on a group's ownership; the group is treated as <see cref="GroupOwnership.Shared"/>.</summary>
    OwnershipConflict = 6,

    /// <summary>An ownership is configured for a group that nothing links; it has no effect.</summary>
    OwnershipWithoutLink = 7,

    /// <summary>The snapshot has no time zone for a linked location; the location is not resolved and its groups are left unmanaged.</summary>
    TimeZoneMissing = 8,
}
