namespace Nexudus.Salto.Entitlements;

/// <summary>Who else may put members in a SALTO access group, and so whom the SDK may remove from it.</summary>
public enum GroupOwnership
{
    /// <summary>
    /// The default: people may also be added by hand, so the SDK removes only members it added itself.
    /// </summary>
    Shared = 0,

    /// <summary>The SDK owns the group: everyone who is not entitled is removed.</summary>
    Exclusive = 1,
}
