using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.State;

namespace Nexudus.Salto.Webhooks;

/// <summary>
/// Turns a verified delivery into the <see cref="WebhookEvent"/> the inbox keeps: which customers the action can
/// affect, read from the record with <see cref="NexudusWebhookParser"/>. Pure.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>A booking or a check-in: its customer.</item>
/// <item>A contract: its customer, who may also pay for a team (the team's members are looked up by the run).</item>
/// <item>A customer: that customer, who may pay for a team.</item>
/// <item>A team: its members and its paying member.</item>
/// <item>An invoice paid: its customer, whom payment-aware access may have suspended (the run restores them at once).</item>
/// <item>A plan, a desk, a customer product or an access-control change: anyone's access can change, so the event
/// names nobody and the worker runs a whole sync.</item>
/// <item>Any other action cannot change door access and is ignored.</item>
/// </list>
/// </remarks>
internal static class WebhookEventFactory
{
    /// <summary>What kind of record an access-relevant action carries.</summary>
    public enum RecordKind
    {
        /// <summary>The action cannot change door access.</summary>
        None,

        /// <summary>A booking.</summary>
        Booking,

        /// <summary>A contract.</summary>
        Contract,

        /// <summary>A customer.</summary>
        Customer,

        /// <summary>A team.</summary>
        Team,

        /// <summary>A check-in.</summary>
        CheckIn,

        /// <summary>An invoice that was paid.</summary>
        Invoice,

        /// <summary>A record whose change can affect anyone: a whole sync.</summary>
        Everyone,
    }

    /// <summary>Gets the actions that can change door access, and so are worth a webhook.</summary>
    public static IReadOnlyList<WebhookAction> AccessActions { get; } =
    [
        .. Enum.GetValues<WebhookAction>().Where(a => KindOf(a) != RecordKind.None),
    ];

    /// <summary>Tells what kind of record an action carries.</summary>
    public static RecordKind KindOf(WebhookAction action) => action switch
    {
        WebhookAction.BookingCreate or WebhookAction.BookingUpdate or WebhookAction.BookingDelete => RecordKind.Booking,
        WebhookAction.CoworkerContractActivate or WebhookAction.CoworkerContractCancel or WebhookAction.CoworkerContractRenew or
            WebhookAction.CoworkerContractUpgradeDowngrade or WebhookAction.CoworkerContractUpdate or WebhookAction.CoworkerContractCreate or
            WebhookAction.CoworkerContractDelete => RecordKind.Contract,
        WebhookAction.CoworkerUpdate or WebhookAction.CoworkerCreate or WebhookAction.CoworkerDelete => RecordKind.Customer,
        WebhookAction.TeamCreated or WebhookAction.TeamUpdated or WebhookAction.TeamDeleted => RecordKind.Team,
        WebhookAction.CheckinCreated or WebhookAction.CheckinUpdated or WebhookAction.CheckinDeleted => RecordKind.CheckIn,
        WebhookAction.CoworkerInvoicePaid => RecordKind.Invoice,
        WebhookAction.AccessControlUpdate or WebhookAction.CoworkerProductCreate or WebhookAction.CoworkerProductUpdate or
            WebhookAction.CoworkerProductDelete or WebhookAction.FloorPlanDeskCreate or WebhookAction.FloorPlanDeskDelete or
            WebhookAction.FloorPlanDeskUpdate or WebhookAction.TariffCreate or WebhookAction.TariffDelete or
            WebhookAction.TariffUpdate => RecordKind.Everyone,
        _ => RecordKind.None,
    };

    /// <summary>Parses an action name of the endpoint's path (<c>BookingCreate</c>, or its number).</summary>
    public static bool TryParseAction(string? text, out WebhookAction action)
    {
        action = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 64)
        {
            return false;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            action = (WebhookAction)number;
            return Enum.IsDefined(action);
        }

        return Enum.TryParse(text, ignoreCase: true, out action) && Enum.IsDefined(action) && !text.Contains(',', StringComparison.Ordinal);
    }

    /// <summary>Builds the event of a delivery whose action can change door access.</summary>
    /// <exception cref="JsonException">The body is not a JSON array holding one record of the action's kind.</exception>
    public static WebhookEvent Create(WebhookAction action, ReadOnlySpan<byte> body, DateTimeOffset receivedAt)
    {
        var id = EventId(action, body);
        WebhookEvent Event(long recordId, IEnumerable<long?> customers, IEnumerable<long?>? payers = null) => new()
        {
            Id = id,
            Action = action,
            RecordId = recordId,
            CustomerIds = [.. customers.Where(c => c is > 0).Select(c => c!.Value).Distinct().Order()],
            TeamPayerIds = [.. (payers ?? []).Where(c => c is > 0).Select(c => c!.Value).Distinct().Order()],
            ReceivedAt = receivedAt,
        };

        switch (KindOf(action))
        {
            case RecordKind.Booking:
                var booking = NexudusWebhookParser.Parse<Booking>(body);
                return Event(booking.Id, [booking.CoworkerId]);
            case RecordKind.Contract:
                var contract = NexudusWebhookParser.Parse<CoworkerContract>(body);
                return Event(contract.Id, [contract.CoworkerId], [contract.CoworkerId]);
            case RecordKind.Customer:
                var customer = NexudusWebhookParser.Parse<Coworker>(body);
                return Event(customer.Id, [customer.Id], [customer.Id]);
            case RecordKind.Team:
                var team = NexudusWebhookParser.Parse<Team>(body);
                return Event(team.Id, [.. (team.TeamMembers ?? []).Select(m => (long?)m), team.PayingMemberId], [team.PayingMemberId]);
            case RecordKind.CheckIn:
                var checkIn = NexudusWebhookParser.Parse<CheckIn>(body);
                return Event(checkIn.Id, [checkIn.CoworkerId]);
            case RecordKind.Invoice:
                var invoice = NexudusWebhookParser.Parse<CoworkerInvoice>(body);
                return Event(invoice.Id, [invoice.CoworkerId]);
            case RecordKind.Everyone:
                // The record's shape varies (products are not modelled); only its form is checked.
                using (var document = JsonDocument.Parse(body.ToArray()))
                {
                    if (document.RootElement.ValueKind != JsonValueKind.Array || document.RootElement.GetArrayLength() != 1 ||
                        document.RootElement[0].ValueKind != JsonValueKind.Object)
                    {
                        throw new JsonException("A Nexudus webhook body must be a JSON array holding one record.");
                    }

                    var record = document.RootElement[0];
                    var recordId = record.TryGetProperty("Id", out var value) && value.TryGetInt64(out var n) ? n : 0;
                    return Event(recordId, []);
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, "The action cannot change door access.");
        }
    }

    /// <summary>The event's key: the SHA-256 of the action number and the raw body, so a repeated delivery has the same key.</summary>
    public static string EventId(WebhookAction action, ReadOnlySpan<byte> body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.ASCII.GetBytes(((int)action).ToString(CultureInfo.InvariantCulture) + "\n"));
        hash.AppendData(body);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
