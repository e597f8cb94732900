namespace Nexudus.Salto.Testing;

/// <summary>
/// A path pattern for fault rules and request counts: literal segments compare without regard to
/// case, <c>*</c> or <c>{name}</c> match one segment, and a trailing <c>**</c> matches any rest.
/// </summary>
/// <remarks>
/// Placeholders are accepted so a route template copied from the counters
/// (<c>/v1.1/sites/{site_id}/users</c>) works as a pattern as it is.
/// </remarks>
internal sealed class SandboxPathPattern
{
    private readonly string?[] _segments;
    private readonly bool _matchesRest;

    private SandboxPathPattern(string?[] segments, bool matchesRest)
    {
        _segments = segments;
        _matchesRest = matchesRest;
    }

    public static SandboxPathPattern Parse(string pattern)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        string[] parts = Split(pattern);
        bool rest = parts.Length > 0 && parts[^1] == "**";
        if (rest)
        {
            parts = parts[..^1];
        }

        if (parts.Any(p => p == "**"))
        {
            throw new ArgumentException("'**' may only end a path pattern.", nameof(pattern));
        }

        string?[] segments = [.. parts.Select(p => p == "*" || (p.StartsWith('{') && p.EndsWith('}')) ? null : p)];
        return new SandboxPathPattern(segments, rest);
    }

    public bool Matches(string path)
    {
        string[] parts = Split(path);
        if (parts.Length < _segments.Length || (!_matchesRest && parts.Length != _segments.Length))
        {
            return false;
        }

        for (int i = 0; i < _segments.Length; i++)
        {
            if (_segments[i] is { } literal && !string.Equals(literal, Uri.UnescapeDataString(parts[i]), StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    private static string[] Split(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);
}
