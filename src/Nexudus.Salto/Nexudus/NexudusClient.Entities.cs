namespace Nexudus.Salto.Nexudus;

// The per-entity surface of NexudusClient: each method is a thin, virtual (mockable) entry to
// the shared paging, batch and read logic in NexudusClient.cs.
public partial class NexudusClient
{
    /// <inheritdoc/>
    public virtual IAsyncEnumerable<Business> ListBusinessesAsync(BusinessQuery? query = null, CancellationToken cancellationToken = default) =>
        ListAsync(NexudusResources.Businesses, query, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<NexudusPage<Business>> GetBusinessesPageAsync(BusinessQuery? query = null, NexudusPageCursor? cursor = null, CancellationToken cancellationToken = default) =>
        GetPageAsync(NexudusResources.Businesses, query, cursor, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<Business> GetBusinessAsync(long id, CancellationToken cancellationToken = default) =>
        GetByIdAsync(NexudusResources.Businesses, id, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<IReadOnlyList<Business>> GetBusinessesAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default) =>
        GetBatchAsync(NexudusResources.Businesses, ids, cancellationToken);

    /// <inheritdoc/>
    public virtual IAsyncEnumerable<SimpleTimeZone> ListSimpleTimeZonesAsync(SimpleTimeZoneQuery? query = null, CancellationToken cancellationToken = default) =>
        ListAsync(NexudusResources.SimpleTimeZones, query, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<NexudusPage<SimpleTimeZone>> GetSimpleTimeZonesPageAsync(SimpleTimeZoneQuery? query = null, NexudusPageCursor? cursor = null, CancellationToken cancellationToken = default) =>
        GetPageAsync(NexudusResources.SimpleTimeZones, query, cursor, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<SimpleTimeZone> GetSimpleTimeZoneAsync(long id, CancellationToken cancellationToken = default) =>
        GetByIdAsync(NexudusResources.SimpleTimeZones, id, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<IReadOnlyList<SimpleTimeZone>> GetSimpleTimeZonesAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default) =>
        GetBatchAsync(NexudusResources.SimpleTimeZones, ids, cancellationToken);

    /// <inheritdoc/>
    public virtual IAsyncEnumerable<Coworker> ListCoworkersAsync(CoworkerQuery? query = null, CancellationToken cancellationToken = default) =>
        ListAsync(NexudusResources.Coworkers, query, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<NexudusPage<Coworker>> GetCoworkersPageAsync(CoworkerQuery? query = null, NexudusPageCursor? cursor = null, CancellationToken cancellationToken = default) =>
        GetPageAsync(NexudusResources.Coworkers, query, cursor, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<Coworker> GetCoworkerAsync(long id, CancellationToken cancellationToken = default) =>
        GetByIdAsync(NexudusResources.Coworkers, id, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<IReadOnlyList<Coworker>> GetCoworkersAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default) =>
        GetBatchAsync(NexudusResources.Coworkers, ids, cancellationToken);

    /// <inheritdoc/>
    public virtual IAsyncEnumerable<Team> ListTeamsAsync(TeamQuery? query = null, CancellationToken cancellationToken = default) =>
        ListAsync(NexudusResources.Teams, query, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<NexudusPage<Team>> GetTeamsPageAsync(TeamQuery? query = null, NexudusPageCursor? cursor = null, CancellationToken cancellationToken = default) =>
        GetPageAsync(NexudusResources.Teams, query, cursor, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<Team> GetTeamAsync(long id, CancellationToken cancellationToken = default) =>
        GetByIdAsync(NexudusResources.Teams, id, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<IReadOnlyList<Team>> GetTeamsAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default) =>
        GetBatchAsync(NexudusResources.Teams, ids, cancellationToken);

    /// <inheritdoc/>
    public virtual IAsyncEnumerable<TimePass> ListTimePassesAsync(TimePassQuery? query = null, CancellationToken cancellationToken = default) =>
        ListAsync(NexudusResources.TimePasses, query, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<NexudusPage<TimePass>> GetTimePassesPageAsync(TimePassQuery? query = null, NexudusPageCursor? cursor = null, CancellationToken cancellationToken = default) =>
        GetPageAsync(NexudusResources.TimePasses, query, cursor, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<TimePass> GetTimePassAsync(long id, CancellationToken cancellationToken = default) =>
        GetByIdAsync(NexudusResources.TimePasses, id, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<IReadOnlyList<TimePass>> GetTimePassesAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default) =>
        GetBatchAsync(NexudusResources.TimePasses, ids, cancellationToken);

    /// <inheritdoc/>
    public virtual IAsyncEnumerable<TimePassTimeSlot> ListTimePassTimeSlotsAsync(TimePassTimeSlotQuery? query = null, CancellationToken cancellationToken = default) =>
        ListAsync(NexudusResources.TimePassTimeSlots, query, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<NexudusPage<TimePassTimeSlot>> GetTimePassTimeSlotsPageAsync(TimePassTimeSlotQuery? query = null, NexudusPageCursor? cursor = null, CancellationToken cancellationToken = default) =>
        GetPageAsync(NexudusResources.TimePassTimeSlots, query, cursor, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<TimePassTimeSlot> GetTimePassTimeSlotAsync(long id, CancellationToken cancellationToken = default) =>
        GetByIdAsync(NexudusResources.TimePassTimeSlots, id, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<IReadOnlyList<TimePassTimeSlot>> GetTimePassTimeSlotsAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default) =>
        GetBatchAsync(NexudusResources.TimePassTimeSlots, ids, cancellationToken);

    /// <inheritdoc/>
    public virtual IAsyncEnumerable<CoworkerTimePass> ListCoworkerTimePassesAsync(CoworkerTimePassQuery? query = null, CancellationToken cancellationToken = default) =>
        ListAsync(NexudusResources.CoworkerTimePasses, query, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<NexudusPage<CoworkerTimePass>> GetCoworkerTimePassesPageAsync(CoworkerTimePassQuery? query = null, NexudusPageCursor? cursor = null, CancellationToken cancellationToken = default) =>
        GetPageAsync(NexudusResources.CoworkerTimePasses, query, cursor, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<CoworkerTimePass> GetCoworkerTimePassAsync(long id, CancellationToken cancellationToken = default) =>
        GetByIdAsync(NexudusResources.CoworkerTimePasses, id, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<IReadOnlyList<CoworkerTimePass>> GetCoworkerTimePassesAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default) =>
        GetBatchAsync(NexudusResources.CoworkerTimePasses, ids, cancellationToken);

    /// <inheritdoc/>
    public virtual IAsyncEnumerable<Tariff> ListTariffsAsync(TariffQuery? query = null, CancellationToken cancellationToken = default) =>
        ListAsync(NexudusResources.Tariffs, query, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<NexudusPage<Tariff>> GetTariffsPageAsync(TariffQuery? query = null, NexudusPageCursor? cursor = null, CancellationToken cancellationToken = default) =>
        GetPageAsync(NexudusResources.Tariffs, query, cursor, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<Tariff> GetTariffAsync(long id, CancellationToken cancellationToken = default) =>
        GetByIdAsync(NexudusResources.Tariffs, id, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<IReadOnlyList<Tariff>> GetTariffsAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default) =>
        GetBatchAsync(NexudusResources.Tariffs, ids, cancellationToken);

    /// <inheritdoc/>
    public virtual IAsyncEnumerable<TariffTimePass> ListTariffTimePassesAsync(TariffTimePassQuery? query = null, CancellationToken cancellationToken = default) =>
        ListAsync(NexudusResources.TariffTimePasses, query, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<NexudusPage<TariffTimePass>> GetTariffTimePassesPageAsync(TariffTimePassQuery? query = null, NexudusPageCursor? cursor = null, CancellationToken cancellationToken = default) =>
        GetPageAsync(NexudusResources.TariffTimePasses, query, cursor, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<TariffTimePass> GetTariffTimePassAsync(long id, CancellationToken cancellationToken = default) =>
        GetByIdAsync(NexudusResources.TariffTimePasses, id, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<IReadOnlyList<TariffTimePass>> GetTariffTimePassesAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default) =>
        GetBatchAsync(NexudusResources.TariffTimePasses, ids, cancellationToken);

    /// <inheritdoc/>
    public virtual IAsyncEnumerable<CoworkerContract> ListCoworkerContractsAsync(CoworkerContractQuery? query = null, CancellationToken cancellationToken = default) =>
        ListAsync(NexudusResources.CoworkerContracts, query, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<NexudusPage<CoworkerContract>> GetCoworkerContractsPageAsync(CoworkerContractQuery? query = null, NexudusPageCursor? cursor = null, CancellationToken cancellationToken = default) =>
        GetPageAsync(NexudusResources.CoworkerContracts, query, cursor, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<CoworkerContract> GetCoworkerContractAsync(long id, CancellationToken cancellationToken = default) =>
        GetByIdAsync(NexudusResources.CoworkerContracts, id, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<IReadOnlyList<CoworkerContract>> GetCoworkerContractsAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default) =>
        GetBatchAsync(NexudusResources.CoworkerContracts, ids, cancellationToken);

    /// <inheritdoc/>
    public virtual IAsyncEnumerable<FloorPlanDesk> ListFloorPlanDesksAsync(FloorPlanDeskQuery? query = null, CancellationToken cancellationToken = default) =>
        ListAsync(NexudusResources.FloorPlanDesks, query, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<NexudusPage<FloorPlanDesk>> GetFloorPlanDesksPageAsync(FloorPlanDeskQuery? query = null, NexudusPageCursor? cursor = null, CancellationToken cancellationToken = default) =>
        GetPageAsync(NexudusResources.FloorPlanDesks, query, cursor, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<FloorPlanDesk> GetFloorPlanDeskAsync(long id, CancellationToken cancellationToken = default) =>
        GetByIdAsync(NexudusResources.FloorPlanDesks, id, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<IReadOnlyList<FloorPlanDesk>> GetFloorPlanDesksAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default) =>
        GetBatchAsync(NexudusResources.FloorPlanDesks, ids, cancellationToken);

    /// <inheritdoc/>
    public virtual IAsyncEnumerable<Resource> ListResourcesAsync(ResourceQuery? query = null, CancellationToken cancellationToken = default) =>
        ListAsync(NexudusResources.Resources, query, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<NexudusPage<Resource>> GetResourcesPageAsync(ResourceQuery? query = null, NexudusPageCursor? cursor = null, CancellationToken cancellationToken = default) =>
        GetPageAsync(NexudusResources.Resources, query, cursor, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<Resource> GetResourceAsync(long id, CancellationToken cancellationToken = default) =>
        GetByIdAsync(NexudusResources.Resources, id, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<IReadOnlyList<Resource>> GetResourcesAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default) =>
        GetBatchAsync(NexudusResources.Resources, ids, cancellationToken);

    /// <inheritdoc/>
    public virtual IAsyncEnumerable<Booking> ListBookingsAsync(BookingQuery? query = null, CancellationToken cancellationToken = default) =>
        ListAsync(NexudusResources.Bookings, query, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<NexudusPage<Booking>> GetBookingsPageAsync(BookingQuery? query = null, NexudusPageCursor? cursor = null, CancellationToken cancellationToken = default) =>
        GetPageAsync(NexudusResources.Bookings, query, cursor, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<Booking> GetBookingAsync(long id, CancellationToken cancellationToken = default) =>
        GetByIdAsync(NexudusResources.Bookings, id, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<IReadOnlyList<Booking>> GetBookingsAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default) =>
        GetBatchAsync(NexudusResources.Bookings, ids, cancellationToken);

    /// <inheritdoc/>
    public virtual IAsyncEnumerable<CancelledBooking> ListCancelledBookingsAsync(CancelledBookingQuery? query = null, CancellationToken cancellationToken = default) =>
        ListAsync(NexudusResources.CancelledBookings, query, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<NexudusPage<CancelledBooking>> GetCancelledBookingsPageAsync(CancelledBookingQuery? query = null, NexudusPageCursor? cursor = null, CancellationToken cancellationToken = default) =>
        GetPageAsync(NexudusResources.CancelledBookings, query, cursor, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<CancelledBooking> GetCancelledBookingAsync(long id, CancellationToken cancellationToken = default) =>
        GetByIdAsync(NexudusResources.CancelledBookings, id, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<IReadOnlyList<CancelledBooking>> GetCancelledBookingsAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default) =>
        GetBatchAsync(NexudusResources.CancelledBookings, ids, cancellationToken);

    /// <inheritdoc/>
    public virtual IAsyncEnumerable<CoworkerInvoice> ListCoworkerInvoicesAsync(CoworkerInvoiceQuery? query = null, CancellationToken cancellationToken = default) =>
        ListAsync(NexudusResources.CoworkerInvoices, query, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<NexudusPage<CoworkerInvoice>> GetCoworkerInvoicesPageAsync(CoworkerInvoiceQuery? query = null, NexudusPageCursor? cursor = null, CancellationToken cancellationToken = default) =>
        GetPageAsync(NexudusResources.CoworkerInvoices, query, cursor, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<CoworkerInvoice> GetCoworkerInvoiceAsync(long id, CancellationToken cancellationToken = default) =>
        GetByIdAsync(NexudusResources.CoworkerInvoices, id, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<IReadOnlyList<CoworkerInvoice>> GetCoworkerInvoicesAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default) =>
        GetBatchAsync(NexudusResources.CoworkerInvoices, ids, cancellationToken);

    /// <inheritdoc/>
    public virtual IAsyncEnumerable<CheckIn> ListCheckInsAsync(CheckInQuery? query = null, CancellationToken cancellationToken = default) =>
        ListAsync(NexudusResources.CheckIns, query, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<NexudusPage<CheckIn>> GetCheckInsPageAsync(CheckInQuery? query = null, NexudusPageCursor? cursor = null, CancellationToken cancellationToken = default) =>
        GetPageAsync(NexudusResources.CheckIns, query, cursor, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<CheckIn> GetCheckInAsync(long id, CancellationToken cancellationToken = default) =>
        GetByIdAsync(NexudusResources.CheckIns, id, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<IReadOnlyList<CheckIn>> GetCheckInsAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default) =>
        GetBatchAsync(NexudusResources.CheckIns, ids, cancellationToken);

    /// <inheritdoc/>
    public virtual IAsyncEnumerable<Webhook> ListWebhooksAsync(WebhookQuery? query = null, CancellationToken cancellationToken = default) =>
        ListAsync(NexudusResources.Webhooks, query, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<NexudusPage<Webhook>> GetWebhooksPageAsync(WebhookQuery? query = null, NexudusPageCursor? cursor = null, CancellationToken cancellationToken = default) =>
        GetPageAsync(NexudusResources.Webhooks, query, cursor, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<Webhook> GetWebhookAsync(long id, CancellationToken cancellationToken = default) =>
        GetByIdAsync(NexudusResources.Webhooks, id, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<IReadOnlyList<Webhook>> GetWebhooksAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default) =>
        GetBatchAsync(NexudusResources.Webhooks, ids, cancellationToken);
}
