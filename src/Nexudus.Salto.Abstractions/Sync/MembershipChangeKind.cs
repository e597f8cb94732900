namespace Nexudus.Salto.Sync;

/// <summary>Whether a membership change adds a member to an access group or removes one.</summary>
public enum MembershipChangeKind
{
    /// <summary>The customer is entitled and not yet a member: they are added.</summary>
    Add = 0,

    /// <summary>The member is not entitled and the SDK may remove them: they are removed.</summary>
    Remove = 1,
}
