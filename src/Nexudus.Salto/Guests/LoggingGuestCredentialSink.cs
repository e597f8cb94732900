using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Nexudus.Salto.Sync;

namespace Nexudus.Salto.Guests;

/// <summary>
/// The default <see cref="IGuestCredentialSink"/>: it logs only that a PIN was issued (never the PIN), so a host that
/// enables guests without a sink sees why nobody received one.
/// </summary>
internal sealed class LoggingGuestCredentialSink(ILogger? logger = null) : IGuestCredentialSink
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    public Task DeliverAsync(GuestCredential credential, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credential);
        GuestLog.PinNotPassedOn(_logger, credential.Guest.SiteUserId?.Value ?? "?", credential.Guest.SiteId);
        return Task.CompletedTask;
    }
}
