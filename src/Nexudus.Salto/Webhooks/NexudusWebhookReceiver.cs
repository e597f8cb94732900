using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Nexudus.Salto.DependencyInjection;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.State;

namespace Nexudus.Salto.Webhooks;

/// <summary>
/// Receives Nexudus webhook deliveries for any host: checks the signature on the raw body first, then reads the
/// record, and records the event durably in the inbox before it says the delivery may be acknowledged.
/// </summary>
/// <remarks>
/// <para>
/// <c>Nexudus.Salto.AspNetCore</c>'s <c>MapNexudusWebhooks</c> is this class behind an HTTP endpoint; use it
/// directly from another web framework. The background worker (<c>AddWorker</c>) applies the recorded events with
/// targeted runs and removes them from the inbox only once applied.
/// </para>
/// <para>
/// A missing or wrong signature is refused before anything else is done. Unsigned deliveries are accepted only
/// with <see cref="SaltoWebhookOptions.AllowUnsigned"/>. Nothing of the body, the signature or the secret is logged.
/// </para>
/// </remarks>
public sealed class NexudusWebhookReceiver
{
    private readonly IWebhookInbox _inbox;
    private readonly NexudusWebhookVerifier? _verifier;
    private readonly bool _allowUnsigned;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly WebhookSignal? _signal;

    /// <summary>Initializes a new instance of the <see cref="NexudusWebhookReceiver"/> class.</summary>
    /// <param name="inbox">Where events are recorded (the state store, when it implements <see cref="IWebhookInbox"/>).</param>
    /// <param name="options">The shared secret and whether unsigned deliveries are accepted.</param>
    /// <param name="timeProvider">The clock that stamps events; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="logger">The logger; none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="inbox"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    public NexudusWebhookReceiver(IWebhookInbox inbox, SaltoWebhookOptions options, TimeProvider? timeProvider = null, ILogger<NexudusWebhookReceiver>? logger = null)
        : this(inbox, options, timeProvider, logger, signal: null)
    {
    }

    internal NexudusWebhookReceiver(IWebhookInbox inbox, SaltoWebhookOptions options, TimeProvider? timeProvider, ILogger? logger, WebhookSignal? signal)
    {
        ArgumentNullException.ThrowIfNull(inbox);
        ArgumentNullException.ThrowIfNull(options);
        _inbox = inbox;
        _verifier = string.IsNullOrEmpty(options.SharedSecret) ? null : new NexudusWebhookVerifier(options.SharedSecret);
        _allowUnsigned = options.AllowUnsigned;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _signal = signal;
        MaxBodyBytes = options.MaxBodyBytes;
    }

    /// <summary>Gets the most bytes a delivery body may have (from <see cref="SaltoWebhookOptions.MaxBodyBytes"/>).</summary>
    /// <value>A positive number; a host refuses longer bodies with 413 before calling <see cref="ReceiveAsync"/>.</value>
    public int MaxBodyBytes { get; }

    /// <summary>Handles one delivery.</summary>
    /// <param name="action">The action named by the endpoint's path: an <c>eWebhookAction</c> name (<c>BookingCreate</c>) or number.</param>
    /// <param name="body">The raw request body, exactly as received.</param>
    /// <param name="signature">The <c>X-Nexudus-Hook-Signature</c> header, if any.</param>
    /// <param name="cancellationToken">Cancels recording (the delivery is then not acknowledged).</param>
    /// <returns>What was done; <see cref="WebhookReceipt.StatusCode"/> is the answer to send.</returns>
    /// <exception cref="OperationCanceledException">The call was cancelled.</exception>
    /// <remarks>An exception of the inbox (storage down) propagates: answer 5xx, so the delivery is not acknowledged.</remarks>
    public async Task<WebhookReceipt> ReceiveAsync(string action, ReadOnlyMemory<byte> body, string? signature, CancellationToken cancellationToken = default)
    {
        if (_verifier is null ? !(_allowUnsigned && string.IsNullOrEmpty(signature)) : !Signed(body.Span, signature))
        {
            WebhookLog.Refused(_logger, action.Length > 64 ? action[..64] : action);
            return new WebhookReceipt { Outcome = WebhookReceiptOutcome.Unauthorized, Message = "The delivery's signature is missing or wrong." };
        }

        if (!WebhookEventFactory.TryParseAction(action, out var parsed) || WebhookEventFactory.KindOf(parsed) == WebhookEventFactory.RecordKind.None)
        {
            return new WebhookReceipt { Outcome = WebhookReceiptOutcome.Ignored, Message = "The action cannot change door access; the delivery is ignored." };
        }

        if (body.Length > MaxBodyBytes)
        {
            return new WebhookReceipt { Outcome = WebhookReceiptOutcome.Invalid, Message = $"The body is longer than {MaxBodyBytes} bytes." };
        }

        WebhookEvent webhookEvent;
        try
        {
            webhookEvent = WebhookEventFactory.Create(parsed, body.Span, _time.GetUtcNow());
        }
        catch (JsonException ex)
        {
            // The parser's message names the JSON path, never a value.
            return new WebhookReceipt { Outcome = WebhookReceiptOutcome.Invalid, Message = $"The body must be a JSON array holding one {parsed} record: {ex.Message}" };
        }

        var added = await _inbox.AddWebhookEventAsync(webhookEvent, cancellationToken).ConfigureAwait(false);
        WebhookLog.Recorded(_logger, parsed, webhookEvent.RecordId, webhookEvent.CustomerIds.Count, !added);
        _signal?.Notify();
        return new WebhookReceipt
        {
            Outcome = added ? WebhookReceiptOutcome.Recorded : WebhookReceiptOutcome.Duplicate,
            Message = added ? "Recorded." : "Already recorded.",
            Event = webhookEvent,
        };
    }

    private bool Signed(ReadOnlySpan<byte> body, string? signature) =>
        string.IsNullOrEmpty(signature) ? _allowUnsigned : _verifier!.Verify(body, signature);
}
