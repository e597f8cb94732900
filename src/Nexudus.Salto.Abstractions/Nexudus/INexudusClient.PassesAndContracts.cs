namespace Nexudus.Salto.Nexudus;

// Passes, their time slots, plans (tariffs) and contracts.
public partial interface INexudusClient
{
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
}
