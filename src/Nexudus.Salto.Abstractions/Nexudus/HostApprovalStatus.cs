namespace Nexudus.Salto.Nexudus;

/// <summary>Whether a visitor's host approved the visit (<see cref="Visitor.HostApprovalStatus"/>).</summary>
/// <remarks>Sent as a number; numbers not listed here are kept as they are.</remarks>
public enum HostApprovalStatus
{
    /// <summary>No status recorded.</summary>
    Unknown = 0,

    /// <summary>The visit needs no approval from the host.</summary>
    NotRequired = 1,

    /// <summary>The host was asked and has not answered yet.</summary>
    Requested = 2,

    /// <summary>The host rejected the visit.</summary>
    Rejected = 3,

    /// <summary>The host accepted the visit and asked for the visitor to be held at reception.</summary>
    AcceptedAndHold = 4,

    /// <summary>The host accepted the visit and asked for the visitor to be let in.</summary>
    AcceptedAndGrant = 5,
}
