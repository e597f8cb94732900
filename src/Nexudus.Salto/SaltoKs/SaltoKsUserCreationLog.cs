using System.Collections.Concurrent;

namespace Nexudus.Salto.SaltoKs;

/// <summary>
/// Remembers when this process created (or recovered) each site user, so calls about a user that SALTO KS does not
/// know yet (<c>2202</c>/<c>2203</c> for about a minute after creation) can be retried within the window.
/// </summary>
/// <remarks>Shared by every client instance of a service provider; entries older than the window are dropped.</remarks>
internal sealed class SaltoKsUserCreationLog
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _createdAt = new(StringComparer.OrdinalIgnoreCase);

    public void Record(SiteUser user, DateTimeOffset at, TimeSpan window)
    {
        Prune(at - window);
        _createdAt[SiteKey(user.Id)] = at;
        if (user.User?.Id is { Value: not null } platformId)
        {
            _createdAt[PlatformKey(platformId)] = at;
        }
    }

    public DateTimeOffset? CreatedAt(SiteUserId id) =>
        id.Value is not null && _createdAt.TryGetValue(SiteKey(id), out DateTimeOffset at) ? at : null;

    public DateTimeOffset? CreatedAt(PlatformUserId id) =>
        id.Value is not null && _createdAt.TryGetValue(PlatformKey(id), out DateTimeOffset at) ? at : null;

    /// <summary>The latest creation among several platform users, or <see langword="null"/> when none is recent.</summary>
    public DateTimeOffset? LatestCreatedAt(IEnumerable<PlatformUserId> ids)
    {
        DateTimeOffset? latest = null;
        foreach (PlatformUserId id in ids)
        {
            if (CreatedAt(id) is { } at && (latest is null || at > latest))
            {
                latest = at;
            }
        }

        return latest;
    }

    private void Prune(DateTimeOffset olderThan)
    {
        foreach (KeyValuePair<string, DateTimeOffset> entry in _createdAt)
        {
            if (entry.Value < olderThan)
            {
                _createdAt.TryRemove(entry);
            }
        }
    }

    private static string SiteKey(SiteUserId id) => "site:" + id.Value;

    private static string PlatformKey(PlatformUserId id) => "platform:" + id.Value;
}
