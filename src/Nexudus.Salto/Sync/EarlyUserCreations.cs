using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Sync;

/// <summary>
/// The SALTO users a run created while Nexudus was still being read (<see cref="AccessSyncOptions.CreateUsersWhileReading"/>),
/// per site, for the rest of the run to build on: the created users join the site's user list, their creations and
/// errors join the report, and customers whose creation failed are not tried again in the same run.
/// </summary>
internal sealed class EarlyUserCreations
{
    /// <summary>Gets the users created on each site, as the site's user list would show them.</summary>
    public Dictionary<string, List<SiteUser>> CreatedUsers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the customers whose user could not be created, per site.</summary>
    public Dictionary<string, HashSet<long>> FailedCustomers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets every creation attempted, as the report lists them.</summary>
    public List<UserCreation> Creations { get; } = [];

    /// <summary>Gets the errors of the early creations (including reads they could not do).</summary>
    public List<SyncError> Errors { get; } = [];

    /// <summary>Gets, per site, the tag numbers already resolved this run: the tag id, or <see langword="null"/> for none registered.</summary>
    public Dictionary<string, Dictionary<string, string?>> TagLookups { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Notes what resolving <paramref name="asked"/> on <paramref name="siteId"/> gave, so the run does not ask again.</summary>
    public void NoteTags(string siteId, IEnumerable<string> asked, IReadOnlyDictionary<string, string> resolved)
    {
        if (!TagLookups.TryGetValue(siteId, out var lookups))
        {
            TagLookups.Add(siteId, lookups = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase));
        }

        foreach (var number in asked)
        {
            lookups[number] = resolved.TryGetValue(number, out var id) ? id : null;
        }
    }

    /// <summary>Gets the sites whose tag endpoint answered 404/405 this run (tag writes are off there), with the status.</summary>
    public Dictionary<string, int> SitesWithoutTagEndpoints { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the users created on <paramref name="siteId"/>.</summary>
    public IReadOnlyList<SiteUser> UsersOf(string siteId) => CreatedUsers.GetValueOrDefault(siteId) ?? [];

    /// <summary>Gets whether the creation of <paramref name="customerId"/>'s user on <paramref name="siteId"/> failed.</summary>
    public bool Failed(string siteId, long customerId) => FailedCustomers.TryGetValue(siteId, out var failed) && failed.Contains(customerId);
}
