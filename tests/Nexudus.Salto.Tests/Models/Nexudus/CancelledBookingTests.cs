using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Tests.Models.Nexudus;

public class CancelledBookingTests
{
    [Fact]
    public void Deserialize_Example_ReadsBookingFieldsAndReason()
    {
        var cancelled = ModelAssert.Read<CancelledBooking>(NexudusPayloads.CancelledBookingDocumented);

        Assert.Equal(1418700001L, cancelled.Id);
        Assert.Equal(1414925063L, cancelled.ResourceId);
        Assert.Equal(1415914201L, cancelled.CoworkerId);
        Assert.Equal(new DateTimeOffset(2022, 5, 13, 23, 0, 0, TimeSpan.Zero), cancelled.FromTime);
        Assert.Equal(new DateTime(2022, 5, 14, 1, 0, 0), cancelled.ToTimeLocal);
        Assert.Equal(BookingCancellationReason.NoLongerNeeded, cancelled.CancellationReason);
    }

    [Fact]
    public void Deserialize_UnknownCancellationReason_KeepsTheNumber()
    {
        var cancelled = ModelAssert.Read<CancelledBooking>("""{ "Id": 1, "CancellationReason": 42 }""");

        Assert.Equal((BookingCancellationReason)42, cancelled.CancellationReason);
    }

    [Fact]
    public void Properties_AreThoseOfBookingPlusCancellationReason()
    {
        var bookingFields = typeof(Booking).GetProperties().Select(p => (p.Name, p.PropertyType)).Order();

        var cancelledFields = typeof(CancelledBooking).GetProperties()
            .Where(p => p.Name != nameof(CancelledBooking.CancellationReason))
            .Select(p => (p.Name, p.PropertyType))
            .Order();

        Assert.Equal(bookingFields, cancelledFields);
    }

    [Fact]
    public void Serialize_FullRecord_WritesBookingFieldsThenReasonThenEntityFields()
    {
        var cancelled = ModelAssert.Read<CancelledBooking>(NexudusPayloads.CancelledBookingFull);

        var written = ModelAssert.Write(cancelled).EnumerateObject().Select(member => member.Name);

        Assert.Equal(
            [.. BookingTests.BookingFieldOrder, nameof(CancelledBooking.CancellationReason), .. BookingTests.EntityFieldOrder],
            written);
    }

    [Fact]
    public void RoundTrip_FullRecord_KeepsEveryFieldOfTheSharedBaseAndTheReason()
    {
        var cancelled = ModelAssert.Read<CancelledBooking>(NexudusPayloads.CancelledBookingFull);

        var copy = ModelAssert.RoundTrip(cancelled, NexudusJsonContext.Default.CancelledBooking);

        Assert.Equal(cancelled, copy);
    }
}
