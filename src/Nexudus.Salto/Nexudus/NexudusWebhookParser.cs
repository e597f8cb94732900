using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Nexudus.Salto.Nexudus;

/// <summary>
/// Reads the body of a Nexudus webhook delivery: a JSON array holding the one record the event is
/// about, in the same shape as the REST entity.
/// </summary>
/// <remarks>
/// Verify the signature with <see cref="NexudusWebhookVerifier"/> first, on the same bytes.
/// Which record type to ask for follows from the webhook's <see cref="WebhookAction"/>
/// (for example <see cref="Booking"/> for <c>BookingCreate</c>).
/// </remarks>
public static class NexudusWebhookParser
{
    /// <summary>Reads the record of a delivery.</summary>
    /// <typeparam name="T">The record type, one of the Nexudus models (<see cref="Booking"/>, <see cref="Coworker"/>, …).</typeparam>
    /// <param name="body">The raw request body.</param>
    /// <returns>The record.</returns>
    /// <exception cref="JsonException">The body is not a JSON array holding exactly one record; the message names the JSON path.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a Nexudus model.</exception>
    public static T Parse<T>(ReadOnlySpan<byte> body)
        where T : NexudusEntity
    {
        if (NexudusJsonContext.Default.GetTypeInfo(typeof(IReadOnlyList<T>)) is not JsonTypeInfo<IReadOnlyList<T>> typeInfo)
        {
            throw new NotSupportedException($"{typeof(T).Name} is not a Nexudus webhook record type.");
        }

        var reader = new Utf8JsonReader(body);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("A Nexudus webhook body must be a JSON array holding one record.", "$", 0, reader.BytesConsumed);
        }

        var records = JsonSerializer.Deserialize(body, typeInfo)
                      ?? throw new JsonException("A Nexudus webhook body must be a JSON array holding one record, not null.", "$", 0, 0);
        return records.Count switch
        {
            1 when records[0] is { } record => record,
            0 => throw new JsonException("The Nexudus webhook body is an empty array; it must hold one record.", "$", 0, 0),
            1 => throw new JsonException("The Nexudus webhook body holds null instead of a record.", "$[0]", 0, 0),
            _ => throw new JsonException($"The Nexudus webhook body holds {records.Count} records; it must hold one.", "$[1]", 0, 0),
        };
    }
}
