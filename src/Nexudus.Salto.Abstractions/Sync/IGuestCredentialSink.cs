namespace Nexudus.Salto.Sync;

/// <summary>
/// Where the PINs of guest users go: implement it to pass each PIN to the guest through your own system (an e-mail,
/// a visitor badge, a reception screen) and register it as a singleton before <c>AddSaltoIntegration</c>. PINs never
/// reach logs, reports or exceptions; this is their only way out of the SDK.
/// </summary>
/// <remarks>
/// The default registration only logs that a PIN was issued (never the PIN). A sink that throws is reported as a
/// failed delivery of that guest's PIN; the guest keeps its access, and the PIN is not issued again.
/// </remarks>
public interface IGuestCredentialSink
{
    /// <summary>Hands over the PIN SALTO KS issued for a guest.</summary>
    /// <param name="credential">The PIN and the guest it opens for.</param>
    /// <param name="cancellationToken">Cancels the delivery.</param>
    /// <returns>A task that completes when the PIN is handed over.</returns>
    Task DeliverAsync(GuestCredential credential, CancellationToken cancellationToken = default);
}
