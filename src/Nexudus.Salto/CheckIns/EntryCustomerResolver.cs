using Microsoft.Extensions.Logging;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;
using Nexudus.Salto.Sync;

namespace Nexudus.Salto.CheckIns;

/// <summary>
/// Maps the SALTO user of a door entry to a Nexudus customer: through the state store's identity
/// map first, then by e-mail (trimmed, case-insensitive), as the sync matches people. One instance
/// serves one run and caches what it read, so each identity map, site-user list, e-mail and
/// customer is read at most once.
/// </summary>
/// <remarks>
/// Which id an entry's <c>user_id</c> carries is unconfirmed (the platform user id is assumed), so
/// both the platform user id and the site-user id of each link are matched; they are distinct UUIDs.
/// An entry that names no user but was made with a tag (its printed number in <c>access_detail</c>) is matched
/// by Access Card Id only when that is turned on; the number is compared, never logged.
/// </remarks>
internal sealed class EntryCustomerResolver
{
    private readonly INexudusClient _nexudus;
    private readonly ISaltoKsClient _salto;
    private readonly ISyncStateStore _state;
    private readonly ILogger _logger;
    private readonly Dictionary<string, SiteDirectory> _sites = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Coworker?> _customersByEmail = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<long, Coworker?> _customers = [];
    private readonly bool _matchTags;
    private Dictionary<string, long?>? _customerByCard;

    public EntryCustomerResolver(INexudusClient nexudus, ISaltoKsClient salto, ISyncStateStore state, ILogger logger, bool matchTagsByAccessCardId = false)
    {
        _nexudus = nexudus;
        _salto = salto;
        _state = state;
        _logger = logger;
        _matchTags = matchTagsByAccessCardId;
    }

    /// <summary>The printed tag number of an entry made with a tag, or <see langword="null"/>.</summary>
    public static string? TagNumber(Entry entry) =>
        string.Equals(entry.AccessBy?.Trim(), "tag", StringComparison.OrdinalIgnoreCase) && entry.AccessDetail is { } detail && !string.IsNullOrWhiteSpace(detail)
            ? detail.Trim()
            : null;

    /// <summary>Finds the customer id of an entry's user, or <see langword="null"/> when there is none.</summary>
    public async ValueTask<long?> FindCustomerIdAsync(string siteId, Entry entry, CancellationToken cancellationToken)
    {
        if (entry.UserId is not { Value: { Length: > 0 } userId })
        {
            return _matchTags && TagNumber(entry) is { } number ? await FindCustomerByCardAsync(number, cancellationToken).ConfigureAwait(false) : null;
        }

        var site = await GetSiteAsync(siteId, cancellationToken).ConfigureAwait(false);
        if (site.CustomerByUserId.TryGetValue(userId, out var linked))
        {
            return linked;
        }

        if (site.UnmatchedUsers.Contains(userId))
        {
            return null;
        }

        var email = await FindEmailAsync(site, userId, cancellationToken).ConfigureAwait(false);
        var customer = email is null ? null : await FindCustomerByEmailAsync(email, cancellationToken).ConfigureAwait(false);
        if (customer is null)
        {
            site.UnmatchedUsers.Add(userId);
            CheckInLog.UserNotMatched(_logger, siteId, userId);
            return null;
        }

        site.CustomerByUserId[userId] = customer.Id;
        return customer.Id;
    }

    /// <summary>Reads the customers with these ids (by batch, each at most once per run).</summary>
    public async ValueTask<IReadOnlyDictionary<long, Coworker>> GetCustomersAsync(IEnumerable<long> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        var missing = wanted.Where(id => !_customers.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            var read = await _nexudus.GetCoworkersAsync(missing, cancellationToken).ConfigureAwait(false);
            foreach (var customer in read)
            {
                _customers[customer.Id] = customer;
            }

            foreach (var id in missing.Where(id => !_customers.ContainsKey(id)))
            {
                _customers[id] = null; // deleted or not visible: remembered, not asked again
            }
        }

        var result = new Dictionary<long, Coworker>();
        foreach (var id in wanted)
        {
            if (_customers[id] is { } customer)
            {
                result[id] = customer;
            }
        }

        return result;
    }

    private async ValueTask<SiteDirectory> GetSiteAsync(string siteId, CancellationToken cancellationToken)
    {
        if (_sites.TryGetValue(siteId, out var site))
        {
            return site;
        }

        var state = await _state.LoadSiteAsync(siteId, cancellationToken).ConfigureAwait(false);
        site = new SiteDirectory(siteId);
        foreach (var link in state.Identities)
        {
            site.CustomerByUserId[link.PlatformUserId.Value] = link.CustomerId;
            site.CustomerByUserId[link.SiteUserId.Value] = link.CustomerId;
        }

        _sites[siteId] = site;
        return site;
    }

    private async ValueTask<string?> FindEmailAsync(SiteDirectory site, string userId, CancellationToken cancellationToken)
    {
        if (site.EmailByUserId is null)
        {
            // Only users missing from the identity map get here, so the list is read rarely and once.
            var emails = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            await foreach (var user in _salto.GetSiteUsersAsync(site.SiteId, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (user.User?.Email is { } email && !string.IsNullOrWhiteSpace(email))
                {
                    emails[user.Id.Value] = email.Trim();
                    emails[user.User.Id.Value] = email.Trim();
                }
            }

            site.EmailByUserId = emails;
        }

        return site.EmailByUserId.GetValueOrDefault(userId);
    }

    private async ValueTask<Coworker?> FindCustomerByEmailAsync(string email, CancellationToken cancellationToken)
    {
        if (_customersByEmail.TryGetValue(email, out var known))
        {
            return known;
        }

        var matches = new List<Coworker>();
        await foreach (var customer in _nexudus.ListCoworkersAsync(new CoworkerQuery { Email = email }, cancellationToken).ConfigureAwait(false))
        {
            if (string.Equals(customer.Email?.Trim(), email, StringComparison.OrdinalIgnoreCase))
            {
                matches.Add(customer);
            }
        }

        // Two customers with one address: prefer the one who may have access; still two is a guess, so none.
        var eligible = matches.Where(c => c.Active == true && c.Archived != true).ToList();
        var chosen = matches.Count == 1 ? matches[0] : eligible.Count == 1 ? eligible[0] : null;
        if (chosen is null && matches.Count > 1)
        {
            CheckInLog.AmbiguousEmail(_logger, matches.Count);
        }

        _customersByEmail[email] = chosen;
        if (chosen is not null)
        {
            _customers.TryAdd(chosen.Id, chosen);
        }

        return chosen;
    }

    private async ValueTask<long?> FindCustomerByCardAsync(string number, CancellationToken cancellationToken)
    {
        if (_customerByCard is null)
        {
            // Read once per run, and only once such an entry appears; a number two customers hold matches nobody.
            var byCard = new Dictionary<string, long?>(StringComparer.OrdinalIgnoreCase);
            await foreach (var customer in _nexudus.ListCoworkersAsync(new CoworkerQuery { Active = true, Archived = false }, cancellationToken).ConfigureAwait(false))
            {
                foreach (var card in AccessCardNumbers.Parse(customer.AccessCardId))
                {
                    byCard[card] = byCard.TryGetValue(card, out var holder) && holder != customer.Id ? null : customer.Id;
                }

                _customers.TryAdd(customer.Id, customer);
            }

            _customerByCard = byCard;
        }

        return _customerByCard.GetValueOrDefault(number);
    }

    private sealed class SiteDirectory(string siteId)
    {
        public string SiteId { get; } = siteId;

        public Dictionary<string, long> CustomerByUserId { get; } = new(StringComparer.OrdinalIgnoreCase);

        public HashSet<string> UnmatchedUsers { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Dictionary<string, string>? EmailByUserId { get; set; }
    }
}
