using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Tests.Models.Nexudus;

public class BookingTests
{
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
