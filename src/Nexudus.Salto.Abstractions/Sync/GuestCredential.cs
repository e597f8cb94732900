using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Sync;

/// <summary>
/// A PIN SALTO KS issued for a guest, handed to <see cref="IGuestCredentialSink.DeliverAsync"/> so the host's system
/// can pass it on (e-mail, visitor badge, reception screen). <see cref="ToString"/> leaves the PIN out.
/// </summary>
public sealed class GuestCredential
{
    /// <summary>Gets the PIN (digits, as SALTO KS chose it). A secret: never write it to a log.</summary>
    public required string Pin { get; init; }

    /// <summary>Gets the guest this PIN opens for, with its lineage and window.</summary>
    public required GuestChange Guest { get; init; }

    /// <summary>Describes the credential without its PIN.</summary>
    /// <returns>The guest's alias, site and window, with the PIN masked.</returns>
    public override string ToString() =>
        $"PIN *** for guest '{Guest.Alias}' on site {Guest.SiteId}, {Guest.ValidFrom:u} to {Guest.ValidUntil:u}";
}
