using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Tests.Models.Nexudus;

public class BookingTests
{
    /// <summary>The members of <see cref="BookingBase"/> in the order they are written.</summary>
    internal static readonly string[] BookingFieldOrder =
    [
        "ResourceId", "ResourceName", "ResourceResourceTypeId", "FloorPlanDeskId", "FloorPlanDeskName", "CoworkerId",
        "CoworkerFullName", "CoworkerTeamNames", "ExtraServiceId", "FromTime", "FromTimeLocal", "ToTime",
        "ToTimeLocal", "Tentative", "Online", "Invoiced", "InvoiceThisCoworker", "TeamsAtTheTimeOfBooking",
        "TariffAtTheTimeOfBooking", "CheckedInAt", "CancelIfNotCheckedIn", "RepeatSeriesUniqueId", "RepeatBooking",
        "Repeats", "RepeatEvery", "RepeatUntil", "WhichBookingsToUpdate",
    ];

    /// <summary>The members of <see cref="NexudusEntity"/> that are written (a zero id is left out).</summary>
    internal static readonly string[] EntityFieldOrder = ["Id", "UniqueId", "CreatedOn", "UpdatedOn", "UpdatedBy", "SystemId"];

    [Fact]
    public void Serialize_FullRecord_WritesBookingFieldsThenEntityFields()
    {
        var booking = ModelAssert.Read<Booking>(NexudusPayloads.BookingFull);

        var written = ModelAssert.Write(booking).EnumerateObject().Select(member => member.Name);

        Assert.Equal([.. BookingFieldOrder, .. EntityFieldOrder], written);
    }

    [Fact]
    public void RoundTrip_FullRecord_KeepsEveryFieldOfTheSharedBase()
    {
        var booking = ModelAssert.Read<Booking>(NexudusPayloads.BookingFull);

        var copy = ModelAssert.RoundTrip(booking, NexudusJsonContext.Default.Booking);

        Assert.Equal(booking, copy);
    }

    [Fact]
    public void Deserialize_DocumentedExample_ReadsTimesTwinsAndFlags()
    {
        var booking = ModelAssert.Read<Booking>(NexudusPayloads.BookingDocumented);

        Assert.Equal(1418686279L, booking.Id);
        Assert.Equal(1414925063L, booking.ResourceId);
        Assert.Equal("Small meeting room", booking.ResourceName);
        Assert.Null(booking.FloorPlanDeskId);
        Assert.Equal(1415914201L, booking.CoworkerId);
        Assert.Equal(new DateTimeOffset(2022, 5, 13, 23, 0, 0, TimeSpan.Zero), booking.FromTime);
        Assert.Equal(new DateTimeOffset(2022, 5, 14, 0, 0, 0, TimeSpan.Zero), booking.ToTime);
        Assert.Equal(new DateTime(2022, 5, 14, 0, 0, 0, DateTimeKind.Unspecified), booking.FromTimeLocal);
        Assert.Equal(new DateTime(2022, 5, 14, 1, 0, 0, DateTimeKind.Unspecified), booking.ToTimeLocal);
        Assert.True(booking.Tentative);
        Assert.False(booking.Online);
        Assert.Equal(new DateTimeOffset(2022, 5, 13, 20, 55, 44, TimeSpan.Zero).AddTicks(5515198), booking.UpdatedOn);
    }

    [Fact]
    public void Deserialize_WebhookBody_ReadsTheOneRecordInTheArray()
    {
        var bookings = ModelAssert.Read<IReadOnlyList<Booking>>(NexudusPayloads.BookingWebhookDocumented);

        var booking = Assert.Single(bookings);
        Assert.Equal(1418686279L, booking.Id);
        Assert.Equal(1414925063L, booking.ResourceId);
        Assert.Equal(1415914201L, booking.CoworkerId);
        Assert.Equal(new DateTimeOffset(2022, 5, 13, 23, 0, 0, TimeSpan.Zero), booking.FromTime);
        Assert.Equal(Guid.Parse("d7ac5d56-1c2e-4f3a-9b8d-7e6f5a4b3c2d"), booking.UniqueId);
    }

    [Fact]
    public void Deserialize_WebhookBodyWithComputedFields_IgnoresThem()
    {
        const string body = """
            [ { "Id": 1418686279, "ResourceId": 1414925063, "MinutesToStart": 124, "EstimatedCost": 12.5,
                "BookingVisitors": [ { "VisitorFullName": "Jo Guest", "VisitorEmail": "jo@example.com" } ] } ]
            """;

        var booking = Assert.Single(ModelAssert.Read<IReadOnlyList<Booking>>(body));

        Assert.Equal(1414925063L, booking.ResourceId);
    }
}
