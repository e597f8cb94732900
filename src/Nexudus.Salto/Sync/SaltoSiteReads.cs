using System.Collections.Concurrent;
using System.Globalization;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.State;

namespace Nexudus.Salto.Sync;

/// <summary>
/// One site's SALTO reads (its users, and each group's members), each started once and shared: the synchronizer
/// starts the reads it can foresee from configuration while Nexudus is still being read, and adds the rest later.
/// </summary>
/// <remarks>A failed read fails its own task only; whoever awaits it decides what the failure means.</remarks>
internal sealed class SaltoSiteReads(ISaltoKsClient client, string siteId, SemaphoreSlim gate, CancellationToken cancellationToken)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<List<PlatformUserId>>>> _groups = new(StringComparer.OrdinalIgnoreCase);
    private Lazy<Task<List<SiteUser>>>? _users;

    public string SiteId => siteId;

    public Task<List<SiteUser>> Users => LazyInitializer.EnsureInitialized(ref _users, () => new(() => ReadUsersAsync()))!.Value;

    public Task<List<PlatformUserId>> Members(string groupId) => _groups.GetOrAdd(groupId, id => new(() => ReadMembersAsync(id))).Value;

    /// <summary>
    /// Judges whether a site-user list is too short to be complete: the site's identity map remembers SALTO users
    /// for customers, and a list that shows fewer than half of them (an empty list when any is remembered) is far
    /// more likely a glitch (a truncated page, a proxy, an empty answer) than half of the site's people leaving at
    /// once. Such a list is a failed read of the site: nothing is planned there this run.
    /// </summary>
    /// <param name="siteId">The SALTO KS site id.</param>
    /// <param name="users">The users the list showed.</param>
    /// <param name="links">The identity links the state store remembers (other sites' are ignored).</param>
    /// <returns>Why the list is judged short, for operators; <see langword="null"/> when it looks complete.</returns>
    public static string? JudgeUserList(string siteId, IReadOnlyCollection<SiteUser> users, IReadOnlyCollection<IdentityLink> links)
    {
        var listed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var user in users)
        {
            if (user.Id.Value is { } siteUser)
            {
                listed.Add("s:" + siteUser);
            }

            if (user.User?.Id.Value is { } platformUser)
            {
                listed.Add("p:" + platformUser);
            }
        }

        var remembered = 0;
        var present = 0;
        foreach (var link in links.Where(l => string.Equals(l.SiteId, siteId, StringComparison.OrdinalIgnoreCase)))
        {
            remembered++;
            if ((link.PlatformUserId.Value is { } p && listed.Contains("p:" + p)) || (link.SiteUserId.Value is { } s && listed.Contains("s:" + s)))
            {
                present++;
            }
        }

        if (remembered == 0 || present * 2 >= remembered)
        {
            return null;
        }

        return string.Create(
            CultureInfo.InvariantCulture,
            $"SALTO KS listed {users.Count} users on site {siteId}, showing only {present} of the {remembered} users the SDK has linked to customers there; a list that short is treated as a failed read, so nothing is added, created or removed on the site this run.");
    }

    /// <summary>Waits for every read started, ignoring their failures (for a run that ends early).</summary>
    public async Task SettleAsync()
    {
        var tasks = _groups.Values.Where(l => l.IsValueCreated).Select(l => (Task)l.Value).ToList();
        if (_users is { IsValueCreated: true } users)
        {
            tasks.Add(users.Value);
        }

        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Observed here on purpose: the run is ending and will not use them.
        }
    }

    private async Task<List<SiteUser>> ReadUsersAsync()
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var users = new List<SiteUser>();
            await foreach (var user in client.GetSiteUsersAsync(siteId, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                users.Add(user);
            }

            return users;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<List<PlatformUserId>> ReadMembersAsync(string groupId)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var members = new List<PlatformUserId>();
            await foreach (var member in client.GetAccessGroupMembersAsync(siteId, groupId, cancellationToken).ConfigureAwait(false))
            {
                if (member.PlatformUserId is { Value: not null } id)
                {
                    members.Add(id);
                }
            }

            return members;
        }
        finally
        {
            gate.Release();
        }
    }
}
