using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.CheckIns;

/// <summary>
/// A site's entries in order, page by page, with a look-ahead for the exit that ends a closed check-in. Pages read
/// ahead are kept until their entries are handled in turn; the look-ahead stops at a bound the caller gives.
/// </summary>
internal sealed class CheckInEntryStream(ISaltoKsClient salto, string siteId, SaltoKsEntryQuery query)
{
    private readonly List<Entry> _buffer = [];
    private int _next;
    private string? _token;
    private bool _started;

    private bool Done => _started && string.IsNullOrEmpty(_token);

    public async ValueTask<Entry?> NextAsync(CancellationToken cancellationToken)
    {
        while (_next >= _buffer.Count)
        {
            _buffer.Clear();
            _next = 0;
            if (!await FetchAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }
        }

        return _buffer[_next++];
    }

    /// <summary>The first entry after the current one that matches, reading on until one meets <paramref name="stop"/>.</summary>
    public async ValueTask<Entry?> FindAheadAsync(Func<Entry, bool> match, Func<Entry, bool> stop, CancellationToken cancellationToken)
    {
        for (var i = _next; ; i++)
        {
            while (i >= _buffer.Count)
            {
                if (!await FetchAsync(cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }
            }

            var entry = _buffer[i];
            if (stop(entry))
            {
                return null;
            }

            if (match(entry))
            {
                return entry;
            }
        }
    }

    private async ValueTask<bool> FetchAsync(CancellationToken cancellationToken)
    {
        if (Done)
        {
            return false;
        }

        var page = await salto.GetEntriesPageAsync(siteId, query, _token, cancellationToken).ConfigureAwait(false);
        _started = true;
        _token = page.ContinuationToken;
        _buffer.AddRange(page.Items);
        return true;
    }
}
