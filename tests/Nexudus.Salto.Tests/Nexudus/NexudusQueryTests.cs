using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Tests.Nexudus;

public sealed class NexudusQueryTests
{
    [Fact]
    public void GetFilters_EmptyQuery_IsEmpty()
    {
        Assert.Empty(new CoworkerQuery().GetFilters());
    }

    [Fact]
    public void GetFilters_ForeignKeys_UseNavigationNamesWithoutId()
    {
        var filters = new CoworkerContractQuery { CoworkerId = 1, TariffId = 2 }.GetFilters();

        Assert.Equal(["CoworkerContract_Coworker", "CoworkerContract_Tariff"], filters.Select(f => f.Name));
    }

    [Fact]
    public void GetFilters_DateRange_AddsFromAndToPrefixesAsUtcDates()
    {
        var from = new DateTimeOffset(2025, 1, 1, 10, 0, 0, TimeSpan.FromHours(2));
        var to = new DateTimeOffset(2025, 1, 2, 10, 0, 0, TimeSpan.FromHours(2));

        var filters = new CheckInQuery { FromTime = NexudusDateRange.Between(from, to) }.GetFilters();

        Assert.Equal(["from_Checkin_FromTime", "to_Checkin_FromTime"], filters.Select(f => f.Name));
        Assert.All(filters, f => Assert.Equal(TimeSpan.Zero, f.Date!.Value.Offset));
        Assert.Equal(from, filters[0].Date);
    }

    [Fact]
    public void GetFilters_InvoicesOfALocationDueBefore_NameBusinessAndDueDate()
    {
        var filters = new CoworkerInvoiceQuery { BusinessId = 1414000001, DueDate = NexudusDateRange.Until(new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero)) }.GetFilters();

        Assert.Equal(["CoworkerInvoice_Business", "to_CoworkerInvoice_DueDate"], filters.Select(f => f.Name));
    }

    [Fact]
    public void GetFilters_EnumFilter_SendsItsNumber()
    {
        var filter = Assert.Single(new TariffQuery { SystemTariffType = SystemTariffType.FullTimeHotDesk }.GetFilters());

        Assert.Equal("Tariff_SystemTariffType", filter.Name);
        Assert.Equal("5", filter.Text);
    }

    [Fact]
    public void EntityName_EveryQuery_MatchesItsRecordType()
    {
        NexudusQuery[] queries =
        [
            new BusinessQuery(), new SimpleTimeZoneQuery(), new CoworkerQuery(), new TeamQuery(), new TimePassQuery(),
            new TimePassTimeSlotQuery(), new CoworkerTimePassQuery(), new TariffQuery(), new TariffTimePassQuery(),
            new CoworkerContractQuery(), new FloorPlanDeskQuery(), new ResourceQuery(), new BookingQuery(),
            new CancelledBookingQuery(), new CoworkerInvoiceQuery(), new CheckInQuery(), new WebhookQuery(),
        ];

        // The wire spells two entities "Checkin" and "WebHook"; the SDK's names are CheckIn and Webhook.
        Assert.All(queries, q => Assert.Equal(q.GetType().Name, q.EntityName + "Query", ignoreCase: true));
    }
}
