namespace Nexudus.Salto.Sync;

/// <summary>What a sync run did (or would do) about one guest.</summary>
public enum GuestChangeKind
{
    /// <summary>A guest user was created, given a PIN and added to its groups.</summary>
    Create = 0,

    /// <summary>A guest user the SDK created was deleted (its window is over, or Nexudus no longer has a reason for it), freeing its seat.</summary>
    Delete = 1,

    /// <summary>A guest was not created: see <see cref="GuestChange.Detail"/> (no free seat beyond the reserve, seat use unknown, …).</summary>
    Refuse = 2,
}
