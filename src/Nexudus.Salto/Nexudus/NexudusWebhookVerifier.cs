using System.Security.Cryptography;
using System.Text;

namespace Nexudus.Salto.Nexudus;

/// <summary>
/// Verifies the <c>X-Nexudus-Hook-Signature</c> header of a Nexudus webhook delivery: the
/// HMAC-SHA256 of the raw request body, keyed with the shared secret, as upper-case hex.
/// </summary>
/// <remarks>
/// Verify the raw body bytes exactly as received, before parsing them. The comparison takes the
/// same time wherever the signatures differ, so it leaks nothing to a caller probing it.
/// </remarks>
public sealed class NexudusWebhookVerifier
{
    /// <summary>The header that carries the signature.</summary>
    public const string SignatureHeaderName = "X-Nexudus-Hook-Signature";

    private readonly byte[] _key;

    /// <summary>Initializes a new instance of the <see cref="NexudusWebhookVerifier"/> class.</summary>
    /// <param name="secret">The shared secret (the add-on's secret key); its ASCII bytes are the HMAC key.</param>
    public NexudusWebhookVerifier(string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        _key = Encoding.ASCII.GetBytes(secret);
    }

    /// <summary>Checks a delivery's signature.</summary>
    /// <param name="body">The raw request body.</param>
    /// <param name="signature">The value of the <c>X-Nexudus-Hook-Signature</c> header.</param>
    /// <returns>
    /// Whether the signature matches. A missing or malformed header never matches. Hex digits are
    /// compared as bytes, so the case of the header does not matter.
    /// </returns>
    public bool Verify(ReadOnlySpan<byte> body, string? signature)
    {
        if (string.IsNullOrWhiteSpace(signature))
        {
            return false;
        }

        Span<byte> received = stackalloc byte[HMACSHA256.HashSizeInBytes];
        var hex = signature.AsSpan().Trim();
        if (hex.Length != received.Length * 2 || Convert.FromHexString(hex, received, out _, out var written) != System.Buffers.OperationStatus.Done || written != received.Length)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, received);
    }

    /// <summary>Computes the signature Nexudus sends for <paramref name="body"/> (for tests and emulators).</summary>
    /// <param name="body">The raw request body.</param>
    /// <returns>The HMAC-SHA256 of the body as upper-case hex.</returns>
    public string ComputeSignature(ReadOnlySpan<byte> body) => Convert.ToHexString(HMACSHA256.HashData(_key, body));
}
