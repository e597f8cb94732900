namespace Nexudus.Salto.Sync;

/// <summary>Where in a sync run an error happened.</summary>
public enum SyncErrorKind
{
    /// <summary>Reading from Nexudus failed; removals are held and the run is retried later.</summary>
    NexudusRead = 0,

    /// <summary>Reading a site's users or a group's members from SALTO KS failed; that site or group is left alone.</summary>
    SaltoRead = 1,

    /// <summary>Changing a group's members failed; the group is retried with back-off.</summary>
    GroupChange = 2,

    /// <summary>A group was not changed because it is waiting out its back-off after earlier failures.</summary>
    GroupBackOff = 3,

    /// <summary>Creating a SALTO user failed; the customer's additions are skipped until a later run.</summary>
    UserCreation = 4,

    /// <summary>Resolving, assigning or unassigning a tag failed.</summary>
    Tag = 5,

    /// <summary>Reading or writing an access group's time schedules failed.</summary>
    Schedule = 6,

    /// <summary>Another run holds the sync state, so this run did nothing.</summary>
    StateLocked = 7,

    /// <summary>Erasing a customer on a site failed; its rows are kept and the next run tries again.</summary>
    Erasure = 8,

    /// <summary>A guest user could not be created, given its PIN or groups, or deleted; the next run tries again.</summary>
    Guest = 9,
}
