namespace Nexudus.Salto.Diagnostics;

/// <summary>Reads an answer's body into memory within a size limit, so a huge or endless body fails the call instead of the process.</summary>
internal static class ResponseSize
{
    /// <summary>Buffers the body; a body larger than <paramref name="limit"/> bytes throws <see cref="ResponseTooLargeException"/>.</summary>
    /// <param name="response">The answer, read with its headers only.</param>
    /// <param name="limit">The most bytes to read.</param>
    /// <param name="cancellationToken">Stops the read (the call's deadline).</param>
    public static async Task BufferAsync(HttpResponseMessage response, long limit, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength is { } announced && announced > limit)
        {
            throw new ResponseTooLargeException(limit);
        }

        // Read through a counting copy rather than LoadIntoBufferAsync(limit): its error cannot be told from a dropped connection.
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        byte[] body;
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    throw new ResponseTooLargeException(limit);
                }

                buffer.Write(chunk, 0, read);
            }

            body = buffer.ToArray();
        }

        var replacement = new ByteArrayContent(body);
        foreach (var header in response.Content.Headers)
        {
            if (!header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                replacement.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        response.Content.Dispose();
        response.Content = replacement;
    }
}

/// <summary>An answer's body was larger than the client's <c>MaxResponseBytes</c>.</summary>
/// <param name="limit">The limit that was passed.</param>
#pragma warning disable CA1032 // Internal: only the one constructor is ever used.
internal sealed class ResponseTooLargeException(long limit) : Exception($"The answer's body is larger than {limit} bytes.")
#pragma warning restore CA1032
{
    /// <summary>Gets the limit that was passed.</summary>
    public long Limit { get; } = limit;
}
