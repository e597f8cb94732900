namespace Nexudus.Salto.Nexudus;

/// <summary>
/// The Nexudus Spaces admin REST API: the reads an access-control sync needs, plus check-ins and
/// webhooks. Implemented over HTTP by <c>NexudusClient</c> (package Nexudus.Salto); mock this
/// interface, or the client's virtual methods, in tests.
/// </summary>
/// <remarks>
/// <para>
/// Each entity has four reads: <c>List…Async</c> streams every record of a query across pages;
/// <c>Get…PageAsync</c> reads one page and returns the cursor of the next, so long work can resume;
/// <c>Get…Async(id)</c> reads one full record; <c>Get…Async(ids)</c> reads many full records
/// by batch get, in chunks that keep URLs short.
/// </para>
/// <para>
/// List records are partial summaries: collections such as <c>Teams</c>, <c>Desks</c> or
/// <c>TeamMembers</c> are missing. Read by id, by batch, or set <see cref="NexudusQuery.FullRecords"/>.
/// </para>
/// <para>
/// Failures throw <see cref="NexudusApiException"/> or one of its subclasses
/// (<see cref="NexudusNotFoundException"/>, <see cref="NexudusThrottledException"/>,
/// <see cref="NexudusAuthenticationException"/>, <see cref="NexudusValidationException"/>).
/// </para>
/// </remarks>
public interface INexudusClient
{
    /// <summary>Lists the locations (businesses) matching <paramref name="query"/>, page after page (<c>GET /api/sys/businesses</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>Every matching record; pages are read as the sequence is enumerated, until the service reports no next page.</returns>
    IAsyncEnumerable<Business> ListBusinessesAsync(BusinessQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of the locations (businesses) matching <paramref name="query"/> (<c>GET /api/sys/businesses</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cursor">The page to read, from a previous page's <see cref="NexudusPage{T}.NextCursor"/>; <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page and the cursor of the next one.</returns>
    Task<NexudusPage<Business>> GetBusinessesPageAsync(BusinessQuery? query = null, NexudusPageCursor? cursor = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one full location record by id (<c>GET /api/sys/businesses/{id}</c>).</summary>
    /// <param name="id">The record's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record, with its collections filled.</returns>
    /// <exception cref="NexudusNotFoundException">No such record.</exception>
    Task<Business> GetBusinessAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Reads full location records by id through batch get (<c>GET /api/sys/businesses/?id=[…]</c>), in chunks.</summary>
    /// <param name="ids">The ids; duplicates are read once.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The records found, in the order the service returned them; ids that do not exist are missing.</returns>
    Task<IReadOnlyList<Business>> GetBusinessesAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default);

    /// <summary>Lists the time zones matching <paramref name="query"/>, page after page (<c>GET /api/sys/simpletimezones</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>Every matching record; pages are read as the sequence is enumerated, until the service reports no next page.</returns>
    IAsyncEnumerable<SimpleTimeZone> ListSimpleTimeZonesAsync(SimpleTimeZoneQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of the time zones matching <paramref name="query"/> (<c>GET /api/sys/simpletimezones</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cursor">The page to read, from a previous page's <see cref="NexudusPage{T}.NextCursor"/>; <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page and the cursor of the next one.</returns>
    Task<NexudusPage<SimpleTimeZone>> GetSimpleTimeZonesPageAsync(SimpleTimeZoneQuery? query = null, NexudusPageCursor? cursor = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one full time zone record by id (<c>GET /api/sys/simpletimezones/{id}</c>).</summary>
    /// <param name="id">The record's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record, with its collections filled.</returns>
    /// <exception cref="NexudusNotFoundException">No such record.</exception>
    Task<SimpleTimeZone> GetSimpleTimeZoneAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Reads full time zone records by id through batch get (<c>GET /api/sys/simpletimezones/?id=[…]</c>), in chunks.</summary>
    /// <param name="ids">The ids; duplicates are read once.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The records found, in the order the service returned them; ids that do not exist are missing.</returns>
    Task<IReadOnlyList<SimpleTimeZone>> GetSimpleTimeZonesAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default);

    /// <summary>Lists the customers (coworkers) matching <paramref name="query"/>, page after page (<c>GET /api/spaces/coworkers</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>Every matching record; pages are read as the sequence is enumerated, until the service reports no next page.</returns>
    IAsyncEnumerable<Coworker> ListCoworkersAsync(CoworkerQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of the customers (coworkers) matching <paramref name="query"/> (<c>GET /api/spaces/coworkers</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cursor">The page to read, from a previous page's <see cref="NexudusPage{T}.NextCursor"/>; <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page and the cursor of the next one.</returns>
    Task<NexudusPage<Coworker>> GetCoworkersPageAsync(CoworkerQuery? query = null, NexudusPageCursor? cursor = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one full customer record by id (<c>GET /api/spaces/coworkers/{id}</c>).</summary>
    /// <param name="id">The record's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record, with its collections filled.</returns>
    /// <exception cref="NexudusNotFoundException">No such record.</exception>
    Task<Coworker> GetCoworkerAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Reads full customer records by id through batch get (<c>GET /api/spaces/coworkers/?id=[…]</c>), in chunks.</summary>
    /// <param name="ids">The ids; duplicates are read once.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The records found, in the order the service returned them; ids that do not exist are missing.</returns>
    Task<IReadOnlyList<Coworker>> GetCoworkersAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default);

    /// <summary>Lists the teams matching <paramref name="query"/>, page after page (<c>GET /api/spaces/teams</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>Every matching record; pages are read as the sequence is enumerated, until the service reports no next page.</returns>
    IAsyncEnumerable<Team> ListTeamsAsync(TeamQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of the teams matching <paramref name="query"/> (<c>GET /api/spaces/teams</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cursor">The page to read, from a previous page's <see cref="NexudusPage{T}.NextCursor"/>; <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page and the cursor of the next one.</returns>
    Task<NexudusPage<Team>> GetTeamsPageAsync(TeamQuery? query = null, NexudusPageCursor? cursor = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one full team record by id (<c>GET /api/spaces/teams/{id}</c>).</summary>
    /// <param name="id">The record's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record, with its collections filled.</returns>
    /// <exception cref="NexudusNotFoundException">No such record.</exception>
    Task<Team> GetTeamAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Reads full team records by id through batch get (<c>GET /api/spaces/teams/?id=[…]</c>), in chunks.</summary>
    /// <param name="ids">The ids; duplicates are read once.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The records found, in the order the service returned them; ids that do not exist are missing.</returns>
    Task<IReadOnlyList<Team>> GetTeamsAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default);

    /// <summary>Lists the pass definitions matching <paramref name="query"/>, page after page (<c>GET /api/billing/timepasses</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>Every matching record; pages are read as the sequence is enumerated, until the service reports no next page.</returns>
    IAsyncEnumerable<TimePass> ListTimePassesAsync(TimePassQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of the pass definitions matching <paramref name="query"/> (<c>GET /api/billing/timepasses</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cursor">The page to read, from a previous page's <see cref="NexudusPage{T}.NextCursor"/>; <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page and the cursor of the next one.</returns>
    Task<NexudusPage<TimePass>> GetTimePassesPageAsync(TimePassQuery? query = null, NexudusPageCursor? cursor = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one full pass definition record by id (<c>GET /api/billing/timepasses/{id}</c>).</summary>
    /// <param name="id">The record's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record, with its collections filled.</returns>
    /// <exception cref="NexudusNotFoundException">No such record.</exception>
    Task<TimePass> GetTimePassAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Reads full pass definition records by id through batch get (<c>GET /api/billing/timepasses/?id=[…]</c>), in chunks.</summary>
    /// <param name="ids">The ids; duplicates are read once.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The records found, in the order the service returned them; ids that do not exist are missing.</returns>
    Task<IReadOnlyList<TimePass>> GetTimePassesAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default);

    /// <summary>Lists the time-of-day slots of passes matching <paramref name="query"/>, page after page (<c>GET /api/billing/timepasstimeslots</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>Every matching record; pages are read as the sequence is enumerated, until the service reports no next page.</returns>
    IAsyncEnumerable<TimePassTimeSlot> ListTimePassTimeSlotsAsync(TimePassTimeSlotQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of the time-of-day slots of passes matching <paramref name="query"/> (<c>GET /api/billing/timepasstimeslots</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cursor">The page to read, from a previous page's <see cref="NexudusPage{T}.NextCursor"/>; <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page and the cursor of the next one.</returns>
    Task<NexudusPage<TimePassTimeSlot>> GetTimePassTimeSlotsPageAsync(TimePassTimeSlotQuery? query = null, NexudusPageCursor? cursor = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one full pass time slot record by id (<c>GET /api/billing/timepasstimeslots/{id}</c>).</summary>
    /// <param name="id">The record's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record, with its collections filled.</returns>
    /// <exception cref="NexudusNotFoundException">No such record.</exception>
    Task<TimePassTimeSlot> GetTimePassTimeSlotAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Reads full pass time slot records by id through batch get (<c>GET /api/billing/timepasstimeslots/?id=[…]</c>), in chunks.</summary>
    /// <param name="ids">The ids; duplicates are read once.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The records found, in the order the service returned them; ids that do not exist are missing.</returns>
    Task<IReadOnlyList<TimePassTimeSlot>> GetTimePassTimeSlotsAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default);

    /// <summary>Lists the passes held by customers matching <paramref name="query"/>, page after page (<c>GET /api/billing/coworkertimepasses</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>Every matching record; pages are read as the sequence is enumerated, until the service reports no next page.</returns>
    IAsyncEnumerable<CoworkerTimePass> ListCoworkerTimePassesAsync(CoworkerTimePassQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of the passes held by customers matching <paramref name="query"/> (<c>GET /api/billing/coworkertimepasses</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cursor">The page to read, from a previous page's <see cref="NexudusPage{T}.NextCursor"/>; <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page and the cursor of the next one.</returns>
    Task<NexudusPage<CoworkerTimePass>> GetCoworkerTimePassesPageAsync(CoworkerTimePassQuery? query = null, NexudusPageCursor? cursor = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one full customer's pass record by id (<c>GET /api/billing/coworkertimepasses/{id}</c>).</summary>
    /// <param name="id">The record's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record, with its collections filled.</returns>
    /// <exception cref="NexudusNotFoundException">No such record.</exception>
    Task<CoworkerTimePass> GetCoworkerTimePassAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Reads full customer's pass records by id through batch get (<c>GET /api/billing/coworkertimepasses/?id=[…]</c>), in chunks.</summary>
    /// <param name="ids">The ids; duplicates are read once.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The records found, in the order the service returned them; ids that do not exist are missing.</returns>
    Task<IReadOnlyList<CoworkerTimePass>> GetCoworkerTimePassesAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default);

    /// <summary>Lists the plans (tariffs) matching <paramref name="query"/>, page after page (<c>GET /api/billing/tariffs</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>Every matching record; pages are read as the sequence is enumerated, until the service reports no next page.</returns>
    IAsyncEnumerable<Tariff> ListTariffsAsync(TariffQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of the plans (tariffs) matching <paramref name="query"/> (<c>GET /api/billing/tariffs</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cursor">The page to read, from a previous page's <see cref="NexudusPage{T}.NextCursor"/>; <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page and the cursor of the next one.</returns>
    Task<NexudusPage<Tariff>> GetTariffsPageAsync(TariffQuery? query = null, NexudusPageCursor? cursor = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one full plan record by id (<c>GET /api/billing/tariffs/{id}</c>).</summary>
    /// <param name="id">The record's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record, with its collections filled.</returns>
    /// <exception cref="NexudusNotFoundException">No such record.</exception>
    Task<Tariff> GetTariffAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Reads full plan records by id through batch get (<c>GET /api/billing/tariffs/?id=[…]</c>), in chunks.</summary>
    /// <param name="ids">The ids; duplicates are read once.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The records found, in the order the service returned them; ids that do not exist are missing.</returns>
    Task<IReadOnlyList<Tariff>> GetTariffsAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default);

    /// <summary>Lists the passes included in plans matching <paramref name="query"/>, page after page (<c>GET /api/billing/tarifftimepasses</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>Every matching record; pages are read as the sequence is enumerated, until the service reports no next page.</returns>
    IAsyncEnumerable<TariffTimePass> ListTariffTimePassesAsync(TariffTimePassQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of the passes included in plans matching <paramref name="query"/> (<c>GET /api/billing/tarifftimepasses</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cursor">The page to read, from a previous page's <see cref="NexudusPage{T}.NextCursor"/>; <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page and the cursor of the next one.</returns>
    Task<NexudusPage<TariffTimePass>> GetTariffTimePassesPageAsync(TariffTimePassQuery? query = null, NexudusPageCursor? cursor = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one full plan pass record by id (<c>GET /api/billing/tarifftimepasses/{id}</c>).</summary>
    /// <param name="id">The record's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record, with its collections filled.</returns>
    /// <exception cref="NexudusNotFoundException">No such record.</exception>
    Task<TariffTimePass> GetTariffTimePassAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Reads full plan pass records by id through batch get (<c>GET /api/billing/tarifftimepasses/?id=[…]</c>), in chunks.</summary>
    /// <param name="ids">The ids; duplicates are read once.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The records found, in the order the service returned them; ids that do not exist are missing.</returns>
    Task<IReadOnlyList<TariffTimePass>> GetTariffTimePassesAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default);

    /// <summary>Lists the plan contracts matching <paramref name="query"/>, page after page (<c>GET /api/billing/coworkercontracts</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>Every matching record; pages are read as the sequence is enumerated, until the service reports no next page.</returns>
    IAsyncEnumerable<CoworkerContract> ListCoworkerContractsAsync(CoworkerContractQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of the plan contracts matching <paramref name="query"/> (<c>GET /api/billing/coworkercontracts</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cursor">The page to read, from a previous page's <see cref="NexudusPage{T}.NextCursor"/>; <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page and the cursor of the next one.</returns>
    Task<NexudusPage<CoworkerContract>> GetCoworkerContractsPageAsync(CoworkerContractQuery? query = null, NexudusPageCursor? cursor = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one full contract record by id (<c>GET /api/billing/coworkercontracts/{id}</c>).</summary>
    /// <param name="id">The record's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record, with its collections filled.</returns>
    /// <exception cref="NexudusNotFoundException">No such record.</exception>
    Task<CoworkerContract> GetCoworkerContractAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Reads full contract records by id through batch get (<c>GET /api/billing/coworkercontracts/?id=[…]</c>), in chunks.</summary>
    /// <param name="ids">The ids; duplicates are read once.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The records found, in the order the service returned them; ids that do not exist are missing.</returns>
    Task<IReadOnlyList<CoworkerContract>> GetCoworkerContractsAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default);

    /// <summary>Lists the floor-plan desks, offices and rooms matching <paramref name="query"/>, page after page (<c>GET /api/sys/floorplandesks</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>Every matching record; pages are read as the sequence is enumerated, until the service reports no next page.</returns>
    IAsyncEnumerable<FloorPlanDesk> ListFloorPlanDesksAsync(FloorPlanDeskQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of the floor-plan desks, offices and rooms matching <paramref name="query"/> (<c>GET /api/sys/floorplandesks</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cursor">The page to read, from a previous page's <see cref="NexudusPage{T}.NextCursor"/>; <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page and the cursor of the next one.</returns>
    Task<NexudusPage<FloorPlanDesk>> GetFloorPlanDesksPageAsync(FloorPlanDeskQuery? query = null, NexudusPageCursor? cursor = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one full floor-plan item record by id (<c>GET /api/sys/floorplandesks/{id}</c>).</summary>
    /// <param name="id">The record's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record, with its collections filled.</returns>
    /// <exception cref="NexudusNotFoundException">No such record.</exception>
    Task<FloorPlanDesk> GetFloorPlanDeskAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Reads full floor-plan item records by id through batch get (<c>GET /api/sys/floorplandesks/?id=[…]</c>), in chunks.</summary>
    /// <param name="ids">The ids; duplicates are read once.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The records found, in the order the service returned them; ids that do not exist are missing.</returns>
    Task<IReadOnlyList<FloorPlanDesk>> GetFloorPlanDesksAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default);

    /// <summary>Lists the bookable resources matching <paramref name="query"/>, page after page (<c>GET /api/spaces/resources</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>Every matching record; pages are read as the sequence is enumerated, until the service reports no next page.</returns>
    IAsyncEnumerable<Resource> ListResourcesAsync(ResourceQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of the bookable resources matching <paramref name="query"/> (<c>GET /api/spaces/resources</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cursor">The page to read, from a previous page's <see cref="NexudusPage{T}.NextCursor"/>; <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page and the cursor of the next one.</returns>
    Task<NexudusPage<Resource>> GetResourcesPageAsync(ResourceQuery? query = null, NexudusPageCursor? cursor = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one full resource record by id (<c>GET /api/spaces/resources/{id}</c>).</summary>
    /// <param name="id">The record's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record, with its collections filled.</returns>
    /// <exception cref="NexudusNotFoundException">No such record.</exception>
    Task<Resource> GetResourceAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Reads full resource records by id through batch get (<c>GET /api/spaces/resources/?id=[…]</c>), in chunks.</summary>
    /// <param name="ids">The ids; duplicates are read once.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The records found, in the order the service returned them; ids that do not exist are missing.</returns>
    Task<IReadOnlyList<Resource>> GetResourcesAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default);

    /// <summary>Lists the bookings (cancelled ones are not listed) matching <paramref name="query"/>, page after page (<c>GET /api/spaces/bookings</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>Every matching record; pages are read as the sequence is enumerated, until the service reports no next page.</returns>
    IAsyncEnumerable<Booking> ListBookingsAsync(BookingQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of the bookings (cancelled ones are not listed) matching <paramref name="query"/> (<c>GET /api/spaces/bookings</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cursor">The page to read, from a previous page's <see cref="NexudusPage{T}.NextCursor"/>; <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page and the cursor of the next one.</returns>
    Task<NexudusPage<Booking>> GetBookingsPageAsync(BookingQuery? query = null, NexudusPageCursor? cursor = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one full booking record by id (<c>GET /api/spaces/bookings/{id}</c>).</summary>
    /// <param name="id">The record's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record, with its collections filled.</returns>
    /// <exception cref="NexudusNotFoundException">No such record.</exception>
    Task<Booking> GetBookingAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Reads full booking records by id through batch get (<c>GET /api/spaces/bookings/?id=[…]</c>), in chunks.</summary>
    /// <param name="ids">The ids; duplicates are read once.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The records found, in the order the service returned them; ids that do not exist are missing.</returns>
    Task<IReadOnlyList<Booking>> GetBookingsAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default);

    /// <summary>Lists the cancelled bookings matching <paramref name="query"/>, page after page (<c>GET /api/spaces/cancelledbookings</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>Every matching record; pages are read as the sequence is enumerated, until the service reports no next page.</returns>
    IAsyncEnumerable<CancelledBooking> ListCancelledBookingsAsync(CancelledBookingQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of the cancelled bookings matching <paramref name="query"/> (<c>GET /api/spaces/cancelledbookings</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cursor">The page to read, from a previous page's <see cref="NexudusPage{T}.NextCursor"/>; <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page and the cursor of the next one.</returns>
    Task<NexudusPage<CancelledBooking>> GetCancelledBookingsPageAsync(CancelledBookingQuery? query = null, NexudusPageCursor? cursor = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one full cancelled booking record by id (<c>GET /api/spaces/cancelledbookings/{id}</c>).</summary>
    /// <param name="id">The record's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record, with its collections filled.</returns>
    /// <exception cref="NexudusNotFoundException">No such record.</exception>
    Task<CancelledBooking> GetCancelledBookingAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Reads full cancelled booking records by id through batch get (<c>GET /api/spaces/cancelledbookings/?id=[…]</c>), in chunks.</summary>
    /// <param name="ids">The ids; duplicates are read once.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The records found, in the order the service returned them; ids that do not exist are missing.</returns>
    Task<IReadOnlyList<CancelledBooking>> GetCancelledBookingsAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default);

    /// <summary>Lists the customer invoices matching <paramref name="query"/>, page after page (<c>GET /api/billing/coworkerinvoices</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>Every matching record; pages are read as the sequence is enumerated, until the service reports no next page.</returns>
    IAsyncEnumerable<CoworkerInvoice> ListCoworkerInvoicesAsync(CoworkerInvoiceQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of the customer invoices matching <paramref name="query"/> (<c>GET /api/billing/coworkerinvoices</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cursor">The page to read, from a previous page's <see cref="NexudusPage{T}.NextCursor"/>; <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page and the cursor of the next one.</returns>
    Task<NexudusPage<CoworkerInvoice>> GetCoworkerInvoicesPageAsync(CoworkerInvoiceQuery? query = null, NexudusPageCursor? cursor = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one full customer invoice record by id (<c>GET /api/billing/coworkerinvoices/{id}</c>).</summary>
    /// <param name="id">The record's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record, with its collections filled.</returns>
    /// <exception cref="NexudusNotFoundException">No such record.</exception>
    Task<CoworkerInvoice> GetCoworkerInvoiceAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Reads full customer invoice records by id through batch get (<c>GET /api/billing/coworkerinvoices/?id=[…]</c>), in chunks.</summary>
    /// <param name="ids">The ids; duplicates are read once.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The records found, in the order the service returned them; ids that do not exist are missing.</returns>
    Task<IReadOnlyList<CoworkerInvoice>> GetCoworkerInvoicesAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default);

    /// <summary>Lists the visitors matching <paramref name="query"/>, page after page (<c>GET /api/spaces/visitors</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>Every matching record; pages are read as the sequence is enumerated, until the service reports no next page.</returns>
    IAsyncEnumerable<Visitor> ListVisitorsAsync(VisitorQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of the visitors matching <paramref name="query"/> (<c>GET /api/spaces/visitors</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cursor">The page to read, from a previous page's <see cref="NexudusPage{T}.NextCursor"/>; <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page and the cursor of the next one.</returns>
    Task<NexudusPage<Visitor>> GetVisitorsPageAsync(VisitorQuery? query = null, NexudusPageCursor? cursor = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one full visitor record by id (<c>GET /api/spaces/visitors/{id}</c>).</summary>
    /// <param name="id">The record's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record, with its collections filled.</returns>
    /// <exception cref="NexudusNotFoundException">No such record.</exception>
    Task<Visitor> GetVisitorAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Reads full visitor records by id through batch get (<c>GET /api/spaces/visitors/?id=[…]</c>), in chunks.</summary>
    /// <param name="ids">The ids; duplicates are read once.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The records found, in the order the service returned them; ids that do not exist are missing.</returns>
    Task<IReadOnlyList<Visitor>> GetVisitorsAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default);

    /// <summary>Lists the booking guests matching <paramref name="query"/>, page after page (<c>GET /api/spaces/bookingvisitors</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>Every matching record; pages are read as the sequence is enumerated, until the service reports no next page.</returns>
    IAsyncEnumerable<BookingVisitor> ListBookingVisitorsAsync(BookingVisitorQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of the booking guests matching <paramref name="query"/> (<c>GET /api/spaces/bookingvisitors</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cursor">The page to read, from a previous page's <see cref="NexudusPage{T}.NextCursor"/>; <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page and the cursor of the next one.</returns>
    Task<NexudusPage<BookingVisitor>> GetBookingVisitorsPageAsync(BookingVisitorQuery? query = null, NexudusPageCursor? cursor = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one full booking guest record by id (<c>GET /api/spaces/bookingvisitors/{id}</c>).</summary>
    /// <param name="id">The record's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record, with its collections filled.</returns>
    /// <exception cref="NexudusNotFoundException">No such record.</exception>
    Task<BookingVisitor> GetBookingVisitorAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Reads full booking guest records by id through batch get (<c>GET /api/spaces/bookingvisitors/?id=[…]</c>), in chunks.</summary>
    /// <param name="ids">The ids; duplicates are read once.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The records found, in the order the service returned them; ids that do not exist are missing.</returns>
    Task<IReadOnlyList<BookingVisitor>> GetBookingVisitorsAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default);

    /// <summary>Lists the check-ins matching <paramref name="query"/>, page after page (<c>GET /api/spaces/checkins</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>Every matching record; pages are read as the sequence is enumerated, until the service reports no next page.</returns>
    IAsyncEnumerable<CheckIn> ListCheckInsAsync(CheckInQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of the check-ins matching <paramref name="query"/> (<c>GET /api/spaces/checkins</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cursor">The page to read, from a previous page's <see cref="NexudusPage{T}.NextCursor"/>; <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page and the cursor of the next one.</returns>
    Task<NexudusPage<CheckIn>> GetCheckInsPageAsync(CheckInQuery? query = null, NexudusPageCursor? cursor = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one full check-in record by id (<c>GET /api/spaces/checkins/{id}</c>).</summary>
    /// <param name="id">The record's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record, with its collections filled.</returns>
    /// <exception cref="NexudusNotFoundException">No such record.</exception>
    Task<CheckIn> GetCheckInAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Reads full check-in records by id through batch get (<c>GET /api/spaces/checkins/?id=[…]</c>), in chunks.</summary>
    /// <param name="ids">The ids; duplicates are read once.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The records found, in the order the service returned them; ids that do not exist are missing.</returns>
    Task<IReadOnlyList<CheckIn>> GetCheckInsAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default);

    /// <summary>Lists the webhook subscriptions matching <paramref name="query"/>, page after page (<c>GET /api/sys/webhooks</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>Every matching record; pages are read as the sequence is enumerated, until the service reports no next page.</returns>
    IAsyncEnumerable<Webhook> ListWebhooksAsync(WebhookQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of the webhook subscriptions matching <paramref name="query"/> (<c>GET /api/sys/webhooks</c>).</summary>
    /// <param name="query">The filters, order and page size; <see langword="null"/> lists everything.</param>
    /// <param name="cursor">The page to read, from a previous page's <see cref="NexudusPage{T}.NextCursor"/>; <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page and the cursor of the next one.</returns>
    Task<NexudusPage<Webhook>> GetWebhooksPageAsync(WebhookQuery? query = null, NexudusPageCursor? cursor = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one full webhook record by id (<c>GET /api/sys/webhooks/{id}</c>).</summary>
    /// <param name="id">The record's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record, with its collections filled.</returns>
    /// <exception cref="NexudusNotFoundException">No such record.</exception>
    Task<Webhook> GetWebhookAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Reads full webhook records by id through batch get (<c>GET /api/sys/webhooks/?id=[…]</c>), in chunks.</summary>
    /// <param name="ids">The ids; duplicates are read once.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The records found, in the order the service returned them; ids that do not exist are missing.</returns>
    Task<IReadOnlyList<Webhook>> GetWebhooksAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default);

    /// <summary>Creates a check-in (<c>POST /api/spaces/checkins</c>); the body needs <c>BusinessId</c> and <c>FromTime</c>.</summary>
    /// <param name="checkIn">The check-in; <c>ToTime</c> stays <see langword="null"/> for an open check-in.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The id of the check-in created.</returns>
    /// <remarks>A create is never repeated after a timeout, because Nexudus may have processed it.</remarks>
    /// <exception cref="NexudusValidationException">Nexudus rejected the check-in, also when it answered HTTP 200 with <c>WasSuccessful: false</c>.</exception>
    Task<long> CreateCheckInAsync(CheckIn checkIn, CancellationToken cancellationToken = default);

    /// <summary>
    /// Closes an open check-in: reads the full record, sets <c>ToTime</c> and writes it back
    /// (<c>PUT /api/spaces/checkins</c>), because a PUT replaces the whole record.
    /// </summary>
    /// <param name="checkInId">The id of the check-in.</param>
    /// <param name="checkOutTime">When the customer left.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>A task that completes when the check-in is closed; a check-in that is already closed is left as it is.</returns>
    Task CloseCheckInAsync(long checkInId, DateTimeOffset checkOutTime, CancellationToken cancellationToken = default);

    /// <summary>Creates a webhook subscription (<c>POST /api/sys/webhooks</c>); the body needs <c>BusinessId</c>, <c>Name</c>, <c>Action</c> and <c>URL</c>.</summary>
    /// <param name="webhook">The webhook.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The id of the webhook created.</returns>
    Task<long> CreateWebhookAsync(Webhook webhook, CancellationToken cancellationToken = default);

    /// <summary>Deletes a webhook subscription (<c>DELETE /api/sys/webhooks/{id}</c>).</summary>
    /// <param name="webhookId">The id of the webhook.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the webhook is deleted.</returns>
    Task DeleteWebhookAsync(long webhookId, CancellationToken cancellationToken = default);
}
