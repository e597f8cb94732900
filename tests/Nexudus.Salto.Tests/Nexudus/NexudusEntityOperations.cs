using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Tests.Nexudus;

/// <summary>Every entity's read operations, for tests that check each one's exact request.</summary>
internal static class NexudusEntityOperations
{
    public static readonly IReadOnlyDictionary<string, Operations> All = new Dictionary<string, Operations>
    {
        ["Businesses"] = new("api/sys/businesses", c => c.GetBusinessesPageAsync(), c => c.GetBusinessAsync(1415604543), c => c.GetBusinessesAsync([1415604543, 1415604544])),
        ["SimpleTimeZones"] = new("api/sys/simpletimezones", c => c.GetSimpleTimeZonesPageAsync(), c => c.GetSimpleTimeZoneAsync(1415604543), c => c.GetSimpleTimeZonesAsync([1415604543, 1415604544])),
        ["Coworkers"] = new("api/spaces/coworkers", c => c.GetCoworkersPageAsync(), c => c.GetCoworkerAsync(1415604543), c => c.GetCoworkersAsync([1415604543, 1415604544])),
        ["Teams"] = new("api/spaces/teams", c => c.GetTeamsPageAsync(), c => c.GetTeamAsync(1415604543), c => c.GetTeamsAsync([1415604543, 1415604544])),
        ["TimePasses"] = new("api/billing/timepasses", c => c.GetTimePassesPageAsync(), c => c.GetTimePassAsync(1415604543), c => c.GetTimePassesAsync([1415604543, 1415604544])),
        ["TimePassTimeSlots"] = new("api/billing/timepasstimeslots", c => c.GetTimePassTimeSlotsPageAsync(), c => c.GetTimePassTimeSlotAsync(1415604543), c => c.GetTimePassTimeSlotsAsync([1415604543, 1415604544])),
        ["CoworkerTimePasses"] = new("api/billing/coworkertimepasses", c => c.GetCoworkerTimePassesPageAsync(), c => c.GetCoworkerTimePassAsync(1415604543), c => c.GetCoworkerTimePassesAsync([1415604543, 1415604544])),
        ["Tariffs"] = new("api/billing/tariffs", c => c.GetTariffsPageAsync(), c => c.GetTariffAsync(1415604543), c => c.GetTariffsAsync([1415604543, 1415604544])),
        ["TariffTimePasses"] = new("api/billing/tarifftimepasses", c => c.GetTariffTimePassesPageAsync(), c => c.GetTariffTimePassAsync(1415604543), c => c.GetTariffTimePassesAsync([1415604543, 1415604544])),
        ["CoworkerContracts"] = new("api/billing/coworkercontracts", c => c.GetCoworkerContractsPageAsync(), c => c.GetCoworkerContractAsync(1415604543), c => c.GetCoworkerContractsAsync([1415604543, 1415604544])),
        ["FloorPlanDesks"] = new("api/sys/floorplandesks", c => c.GetFloorPlanDesksPageAsync(), c => c.GetFloorPlanDeskAsync(1415604543), c => c.GetFloorPlanDesksAsync([1415604543, 1415604544])),
        ["Resources"] = new("api/spaces/resources", c => c.GetResourcesPageAsync(), c => c.GetResourceAsync(1415604543), c => c.GetResourcesAsync([1415604543, 1415604544])),
        ["Bookings"] = new("api/spaces/bookings", c => c.GetBookingsPageAsync(), c => c.GetBookingAsync(1415604543), c => c.GetBookingsAsync([1415604543, 1415604544])),
        ["CancelledBookings"] = new("api/spaces/cancelledbookings", c => c.GetCancelledBookingsPageAsync(), c => c.GetCancelledBookingAsync(1415604543), c => c.GetCancelledBookingsAsync([1415604543, 1415604544])),
        ["CoworkerInvoices"] = new("api/billing/coworkerinvoices", c => c.GetCoworkerInvoicesPageAsync(), c => c.GetCoworkerInvoiceAsync(1415604543), c => c.GetCoworkerInvoicesAsync([1415604543, 1415604544])),
        ["Visitors"] = new("api/spaces/visitors", c => c.GetVisitorsPageAsync(), c => c.GetVisitorAsync(1415604543), c => c.GetVisitorsAsync([1415604543, 1415604544])),
        ["BookingVisitors"] = new("api/spaces/bookingvisitors", c => c.GetBookingVisitorsPageAsync(), c => c.GetBookingVisitorAsync(1415604543), c => c.GetBookingVisitorsAsync([1415604543, 1415604544])),
        ["CheckIns"] = new("api/spaces/checkins", c => c.GetCheckInsPageAsync(), c => c.GetCheckInAsync(1415604543), c => c.GetCheckInsAsync([1415604543, 1415604544])),
        ["Webhooks"] = new("api/sys/webhooks", c => c.GetWebhooksPageAsync(), c => c.GetWebhookAsync(1415604543), c => c.GetWebhooksAsync([1415604543, 1415604544])),
    };

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var name in All.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    internal sealed record Operations(
        string Path,
        Func<INexudusClient, Task> FirstPage,
        Func<INexudusClient, Task> GetById,
        Func<INexudusClient, Task> GetBatch);
}
