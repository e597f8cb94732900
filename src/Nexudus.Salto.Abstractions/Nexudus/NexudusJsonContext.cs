using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nexudus.Salto.Nexudus;

/// <summary>
/// The source-generated JSON metadata for every Nexudus Spaces model; serialise Nexudus payloads
/// only through it.
/// </summary>
/// <remarks>
/// Property names are those on the wire (PascalCase, matched case-insensitively when reading),
/// numbers may arrive as strings, unknown properties are ignored and unknown enum numbers are kept.
/// Dates use the Nexudus converters through attributes on the model properties, so they apply even
/// when the context is built with other options: plain dates are read as UTC, <c>*Local</c> dates
/// as wall-clock values. A record is registered on its own, as <see cref="IReadOnlyList{T}"/>
/// (batch get and webhook bodies are arrays) and as <see cref="NexudusList{T}"/> (list pages).
/// </remarks>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(Business))]
[JsonSerializable(typeof(IReadOnlyList<Business>))]
[JsonSerializable(typeof(NexudusList<Business>))]
[JsonSerializable(typeof(SimpleTimeZone))]
[JsonSerializable(typeof(IReadOnlyList<SimpleTimeZone>))]
[JsonSerializable(typeof(NexudusList<SimpleTimeZone>))]
[JsonSerializable(typeof(Coworker))]
[JsonSerializable(typeof(IReadOnlyList<Coworker>))]
[JsonSerializable(typeof(NexudusList<Coworker>))]
[JsonSerializable(typeof(Team))]
[JsonSerializable(typeof(IReadOnlyList<Team>))]
[JsonSerializable(typeof(NexudusList<Team>))]
[JsonSerializable(typeof(TimePass))]
[JsonSerializable(typeof(IReadOnlyList<TimePass>))]
[JsonSerializable(typeof(NexudusList<TimePass>))]
[JsonSerializable(typeof(TimePassTimeSlot))]
[JsonSerializable(typeof(IReadOnlyList<TimePassTimeSlot>))]
[JsonSerializable(typeof(NexudusList<TimePassTimeSlot>))]
[JsonSerializable(typeof(CoworkerTimePass))]
[JsonSerializable(typeof(IReadOnlyList<CoworkerTimePass>))]
[JsonSerializable(typeof(NexudusList<CoworkerTimePass>))]
[JsonSerializable(typeof(Tariff))]
[JsonSerializable(typeof(IReadOnlyList<Tariff>))]
[JsonSerializable(typeof(NexudusList<Tariff>))]
[JsonSerializable(typeof(TariffTimePass))]
[JsonSerializable(typeof(IReadOnlyList<TariffTimePass>))]
[JsonSerializable(typeof(NexudusList<TariffTimePass>))]
[JsonSerializable(typeof(CoworkerContract))]
[JsonSerializable(typeof(IReadOnlyList<CoworkerContract>))]
[JsonSerializable(typeof(NexudusList<CoworkerContract>))]
[JsonSerializable(typeof(FloorPlanDesk))]
[JsonSerializable(typeof(IReadOnlyList<FloorPlanDesk>))]
[JsonSerializable(typeof(NexudusList<FloorPlanDesk>))]
[JsonSerializable(typeof(Resource))]
[JsonSerializable(typeof(IReadOnlyList<Resource>))]
[JsonSerializable(typeof(NexudusList<Resource>))]
[JsonSerializable(typeof(Booking))]
[JsonSerializable(typeof(IReadOnlyList<Booking>))]
[JsonSerializable(typeof(NexudusList<Booking>))]
[JsonSerializable(typeof(CancelledBooking))]
[JsonSerializable(typeof(IReadOnlyList<CancelledBooking>))]
[JsonSerializable(typeof(NexudusList<CancelledBooking>))]
[JsonSerializable(typeof(CoworkerInvoice))]
[JsonSerializable(typeof(IReadOnlyList<CoworkerInvoice>))]
[JsonSerializable(typeof(NexudusList<CoworkerInvoice>))]
[JsonSerializable(typeof(Visitor))]
[JsonSerializable(typeof(IReadOnlyList<Visitor>))]
[JsonSerializable(typeof(NexudusList<Visitor>))]
[JsonSerializable(typeof(BookingVisitor))]
[JsonSerializable(typeof(IReadOnlyList<BookingVisitor>))]
[JsonSerializable(typeof(NexudusList<BookingVisitor>))]
[JsonSerializable(typeof(CheckIn))]
[JsonSerializable(typeof(IReadOnlyList<CheckIn>))]
[JsonSerializable(typeof(NexudusList<CheckIn>))]
[JsonSerializable(typeof(Webhook))]
[JsonSerializable(typeof(IReadOnlyList<Webhook>))]
[JsonSerializable(typeof(NexudusList<Webhook>))]
[JsonSerializable(typeof(NexudusWriteResult))]
[JsonSerializable(typeof(NexudusTokenResponse))]
internal partial class NexudusJsonContext : JsonSerializerContext
{
}
