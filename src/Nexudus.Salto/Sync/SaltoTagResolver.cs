using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Sync;

/// <summary>
/// The default <see cref="ISaltoTagResolver"/>: lists the tags registered at the site through
/// <see cref="ISaltoKsClient.GetTagsAsync"/> (whose path is configurable, the endpoint being unconfirmed) and
/// matches numbers ignoring case and surrounding white space.
/// </summary>
/// <remarks>One list call per resolution, and none when there is nothing to resolve. Numbers are never logged.</remarks>
public sealed class SaltoTagResolver : ISaltoTagResolver
{
    private readonly ISaltoKsClient _client;

    /// <summary>Initializes a new instance of the <see cref="SaltoTagResolver"/> class.</summary>
    /// <param name="client">The SALTO KS client.</param>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is <see langword="null"/>.</exception>
    public SaltoTagResolver(ISaltoKsClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyDictionary<string, string>> ResolveAsync(
        string siteId, IReadOnlyCollection<string> tagNumbers, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(siteId);
        ArgumentNullException.ThrowIfNull(tagNumbers);
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (tagNumbers.Count == 0)
        {
            return result;
        }

        var wanted = new HashSet<string>(tagNumbers.Select(n => n.Trim()), StringComparer.OrdinalIgnoreCase);
        var registered = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        await foreach (var tag in _client.GetTagsAsync(siteId, cancellationToken).ConfigureAwait(false))
        {
            if (tag.TagNumber?.Trim() is { Length: > 0 } number && wanted.Contains(number))
            {
                registered.TryAdd(number, tag.Id);
            }
        }

        foreach (var number in tagNumbers)
        {
            if (registered.TryGetValue(number.Trim(), out var id))
            {
                result[number] = id;
            }
        }

        return result;
    }
}
