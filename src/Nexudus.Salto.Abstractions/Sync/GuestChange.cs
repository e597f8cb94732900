using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Sync;

/// <summary>
/// One SALTO KS guest user a sync run created, deleted or refused, with its lineage ("guest of booking #… by …",
/// "visitor of … expected …"). The PIN is never part of it: it goes to the <see cref="IGuestCredentialSink"/> only.
/// </summary>
public sealed record GuestChange
{
    /// <summary>Gets whether the guest was created, deleted or refused.</summary>
    public required GuestChangeKind Kind { get; init; }

    /// <summary>Gets where in Nexudus the guest comes from.</summary>
    public required GuestSource Source { get; init; }

    /// <summary>Gets the SALTO KS site id.</summary>
    public required string SiteId { get; init; }

    /// <summary>Gets the Nexudus location (business) id.</summary>
    public long BusinessId { get; init; }

    /// <summary>Gets the guest's site-user id; <see langword="null"/> when no user exists (a refusal, a planned creation).</summary>
    public SiteUserId? SiteUserId { get; init; }

    /// <summary>Gets the guest's platform user id, which its group memberships take.</summary>
    public PlatformUserId? UserId { get; init; }

    /// <summary>Gets the alias the guest shows under in SALTO KS.</summary>
    public required string Alias { get; init; }

    /// <summary>Gets the Nexudus booking of a booking guest.</summary>
    public long? BookingId { get; init; }

    /// <summary>Gets the Nexudus visitor record.</summary>
    public long? VisitorId { get; init; }

    /// <summary>Gets the Nexudus booking-guest record of a booking guest.</summary>
    public long? BookingVisitorId { get; init; }

    /// <summary>Gets the customer who booked (booking guest) or hosts (visitor).</summary>
    public long? HostCustomerId { get; init; }

    /// <summary>Gets the access groups the guest is (or would be) a member of.</summary>
    public IReadOnlyList<string> GroupIds { get; init; } = [];

    /// <summary>Gets when the guest's access starts (UTC), buffers included.</summary>
    public DateTimeOffset ValidFrom { get; init; }

    /// <summary>Gets when the guest's access ends (UTC) and the guest is deleted, buffers included.</summary>
    public DateTimeOffset ValidUntil { get; init; }

    /// <summary>Gets why the guest has access, in words: "guest of booking #… by …" or "visitor of … expected …".</summary>
    public required string Lineage { get; init; }

    /// <summary>Gets what became of the change.</summary>
    public required SyncChangeOutcome Outcome { get; init; }

    /// <summary>Gets why a guest was refused or deleted, or why the change failed (redacted, never the PIN).</summary>
    public string? Detail { get; init; }
}
