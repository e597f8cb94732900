using System.Text.Json.Serialization.Metadata;

namespace Nexudus.Salto.Nexudus;

/// <summary>The Nexudus entity sets the client reads: path and JSON metadata of each.</summary>
internal static class NexudusResources
{
    public static readonly NexudusResource<Business> Businesses = new(
        "api/sys/businesses",
        NexudusJsonContext.Default.Business,
        NexudusJsonContext.Default.NexudusListBusiness,
        NexudusJsonContext.Default.IReadOnlyListBusiness);

    public static readonly NexudusResource<SimpleTimeZone> SimpleTimeZones = new(
        "api/sys/simpletimezones",
        NexudusJsonContext.Default.SimpleTimeZone,
        NexudusJsonContext.Default.NexudusListSimpleTimeZone,
        NexudusJsonContext.Default.IReadOnlyListSimpleTimeZone);

    public static readonly NexudusResource<Coworker> Coworkers = new(
        "api/spaces/coworkers",
        NexudusJsonContext.Default.Coworker,
        NexudusJsonContext.Default.NexudusListCoworker,
        NexudusJsonContext.Default.IReadOnlyListCoworker);

    public static readonly NexudusResource<Team> Teams = new(
        "api/spaces/teams",
        NexudusJsonContext.Default.Team,
        NexudusJsonContext.Default.NexudusListTeam,
        NexudusJsonContext.Default.IReadOnlyListTeam);

    public static readonly NexudusResource<TimePass> TimePasses = new(
        "api/billing/timepasses",
        NexudusJsonContext.Default.TimePass,
        NexudusJsonContext.Default.NexudusListTimePass,
        NexudusJsonContext.Default.IReadOnlyListTimePass);

    public static readonly NexudusResource<TimePassTimeSlot> TimePassTimeSlots = new(
        "api/billing/timepasstimeslots",
        NexudusJsonContext.Default.TimePassTimeSlot,
        NexudusJsonContext.Default.NexudusListTimePassTimeSlot,
        NexudusJsonContext.Default.IReadOnlyListTimePassTimeSlot);

    public static readonly NexudusResource<CoworkerTimePass> CoworkerTimePasses = new(
        "api/billing/coworkertimepasses",
        NexudusJsonContext.Default.CoworkerTimePass,
        NexudusJsonContext.Default.NexudusListCoworkerTimePass,
        NexudusJsonContext.Default.IReadOnlyListCoworkerTimePass);

    public static readonly NexudusResource<Tariff> Tariffs = new(
        "api/billing/tariffs",
        NexudusJsonContext.Default.Tariff,
        NexudusJsonContext.Default.NexudusListTariff,
        NexudusJsonContext.Default.IReadOnlyListTariff);

    public static readonly NexudusResource<TariffTimePass> TariffTimePasses = new(
        "api/billing/tarifftimepasses",
        NexudusJsonContext.Default.TariffTimePass,
        NexudusJsonContext.Default.NexudusListTariffTimePass,
        NexudusJsonContext.Default.IReadOnlyListTariffTimePass);

    public static readonly NexudusResource<CoworkerContract> CoworkerContracts = new(
        "api/billing/coworkercontracts",
        NexudusJsonContext.Default.CoworkerContract,
        NexudusJsonContext.Default.NexudusListCoworkerContract,
        NexudusJsonContext.Default.IReadOnlyListCoworkerContract);

    public static readonly NexudusResource<FloorPlanDesk> FloorPlanDesks = new(
        "api/sys/floorplandesks",
        NexudusJsonContext.Default.FloorPlanDesk,
        NexudusJsonContext.Default.NexudusListFloorPlanDesk,
        NexudusJsonContext.Default.IReadOnlyListFloorPlanDesk);

    public static readonly NexudusResource<Resource> Resources = new(
        "api/spaces/resources",
        NexudusJsonContext.Default.Resource,
        NexudusJsonContext.Default.NexudusListResource,
        NexudusJsonContext.Default.IReadOnlyListResource);

    public static readonly NexudusResource<Booking> Bookings = new(
        "api/spaces/bookings",
        NexudusJsonContext.Default.Booking,
        NexudusJsonContext.Default.NexudusListBooking,
        NexudusJsonContext.Default.IReadOnlyListBooking);

    public static readonly NexudusResource<CancelledBooking> CancelledBookings = new(
        "api/spaces/cancelledbookings",
        NexudusJsonContext.Default.CancelledBooking,
        NexudusJsonContext.Default.NexudusListCancelledBooking,
        NexudusJsonContext.Default.IReadOnlyListCancelledBooking);

    public static readonly NexudusResource<CoworkerInvoice> CoworkerInvoices = new(
        "api/billing/coworkerinvoices",
        NexudusJsonContext.Default.CoworkerInvoice,
        NexudusJsonContext.Default.NexudusListCoworkerInvoice,
        NexudusJsonContext.Default.IReadOnlyListCoworkerInvoice);

    public static readonly NexudusResource<Visitor> Visitors = new(
        "api/spaces/visitors",
        NexudusJsonContext.Default.Visitor,
        NexudusJsonContext.Default.NexudusListVisitor,
        NexudusJsonContext.Default.IReadOnlyListVisitor);

    public static readonly NexudusResource<BookingVisitor> BookingVisitors = new(
        "api/spaces/bookingvisitors",
        NexudusJsonContext.Default.BookingVisitor,
        NexudusJsonContext.Default.NexudusListBookingVisitor,
        NexudusJsonContext.Default.IReadOnlyListBookingVisitor);

    public static readonly NexudusResource<CheckIn> CheckIns = new(
        "api/spaces/checkins",
        NexudusJsonContext.Default.CheckIn,
        NexudusJsonContext.Default.NexudusListCheckIn,
        NexudusJsonContext.Default.IReadOnlyListCheckIn);

    public static readonly NexudusResource<Webhook> Webhooks = new(
        "api/sys/webhooks",
        NexudusJsonContext.Default.Webhook,
        NexudusJsonContext.Default.NexudusListWebhook,
        NexudusJsonContext.Default.IReadOnlyListWebhook);
}
