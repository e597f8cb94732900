using System.Collections.Concurrent;
using System.Globalization;
using Nexudus.Salto.Sync;

namespace Nexudus.Salto.Sample.Guests;

/// <summary>
/// The sample's <see cref="IGuestCredentialSink"/>: a deployment would e-mail the PIN to the guest or show it at
/// reception; the sample writes it to standard error (stdout stays the command's output, JSON with <c>--json</c>) and
/// keeps the PINs of this process for the demo to show. It never goes through <c>ILogger</c>.
/// </summary>
internal sealed class SampleGuestCredentialSink(TextWriter? writer = null) : IGuestCredentialSink
{
    private readonly TextWriter _writer = writer ?? Console.Error;
    private readonly ConcurrentQueue<GuestCredential> _delivered = new();

    /// <summary>Gets the credentials handed over in this process, oldest first.</summary>
    public IReadOnlyList<GuestCredential> Delivered => [.. _delivered];

    public async Task DeliverAsync(GuestCredential credential, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credential);
        _delivered.Enqueue(credential);
        var guest = credential.Guest;
        await _writer.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"Guest PIN for {guest.Alias}: {credential.Pin} (site {guest.SiteId}, {guest.ValidFrom:yyyy-MM-dd HH:mm}–{guest.ValidUntil:HH:mm} UTC; {guest.Lineage})").AsMemory(), cancellationToken).ConfigureAwait(false);
    }
}
