namespace Nexudus.Salto.Sync;

/// <summary>Why the SDK is allowed to remove a member who is no longer entitled.</summary>
public enum RemovalBasis
{
    /// <summary>
    /// The SDK added the member itself: the ownership ledger holds the membership. In a shared group this
    /// is the only basis for a removal.
    /// </summary>
    AddedBySdk = 0,

    /// <summary>The group is <c>Exclusive</c>: everyone who is not entitled is removed, whoever added them.</summary>
    ExclusiveGroup = 1,
}
