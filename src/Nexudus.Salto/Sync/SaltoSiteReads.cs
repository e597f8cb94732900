using System.Collections.Concurrent;
using Nexudus.Salto.SaltoKs;

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
