namespace Nexudus.Salto.Nexudus;

// Customers (coworkers) and teams.
public partial interface INexudusClient
{
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
}
