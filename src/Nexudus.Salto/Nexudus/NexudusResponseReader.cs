using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Nexudus.Salto.Diagnostics;

namespace Nexudus.Salto.Nexudus;

/// <summary>
/// Turns Nexudus error responses into the <see cref="NexudusApiException"/> family, with redacted
/// messages and body excerpts; one place maps status codes to exception types.
/// </summary>
internal sealed class NexudusResponseReader(SecretRedactor redactor, TimeProvider time)
{
    // Enough for any error envelope; an error body is never read whole if it is larger.
    private const int MaxErrorBodyChars = 64 * 1024;

    public SecretRedactor Redactor => redactor;

    public async Task<NexudusApiException> CreateErrorAsync(HttpResponseMessage response, string endpoint, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var body = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var excerpt = redactor.Excerpt(body, mediaType);
        var reason = response.ReasonPhrase is { Length: > 0 } phrase ? $" {phrase}" : string.Empty;
        switch (status)
        {
            case 404:
                return new NexudusNotFoundException($"Nexudus {endpoint} found nothing (HTTP 404{reason}).", endpoint, excerpt);
            case 409 or 429:
                var retryAfter = GetRetryAfter(response);
                var wait = retryAfter is { } r ? string.Create(CultureInfo.InvariantCulture, $"; retry after {r.TotalSeconds:0.###} s") : string.Empty;
                return new NexudusThrottledException(
                    $"Nexudus throttled {endpoint} (HTTP {status}{reason}{wait}); the client-side retries did not get through.",
                    status, endpoint, retryAfter, excerpt);
            case 401 or 403:
                return new NexudusAuthenticationException(
                    $"Nexudus refused {endpoint} (HTTP {status}{reason}): check the credentials and the user's roles.",
                    status, endpoint, errorCode: null, excerpt);
        }

        if (!IsHtml(body, mediaType) && TryReadWriteResult(body) is { } envelope && (envelope.Errors is { Count: > 0 } || status == 400))
        {
            return CreateRejectedWrite(envelope, status, endpoint, body, mediaType);
        }

        var what = IsHtml(body, mediaType) ? " with an HTML page instead of JSON" : string.Empty;
        return new NexudusApiException(
            $"Nexudus {endpoint} failed (HTTP {status}{reason}){what}.",
            status, endpoint, errorCode: null, excerpt, errors: null, innerException: null);
    }

    public NexudusValidationException CreateRejectedWrite(NexudusWriteResult result, int status, string endpoint, string? body, string? mediaType)
    {
        var errors = RedactErrors(result.Errors, out var attemptedSecrets);
        var summary = result.Message is { Length: > 0 } message
            ? SecretRedactor.MaskAll(redactor.Redact(message), attemptedSecrets)
            : "no message";
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Nexudus rejected {endpoint} (HTTP {status}, WasSuccessful: {(result.WasSuccessful ? "true" : "false")}): {summary}");
        if (errors.Count > 0)
        {
            text.Append(" Errors: ")
                .AppendJoin("; ", errors.Select(e => $"{e.PropertyName ?? "(none)"}: {e.Message ?? "(no message)"}"));
        }

        var excerpt = redactor.Excerpt(body, mediaType);
        excerpt = excerpt is null ? null : SecretRedactor.MaskAll(excerpt, attemptedSecrets);
        return new NexudusValidationException(text.ToString(), status, endpoint, excerpt, errors);
    }

    /// <summary>
    /// Returns <paramref name="errors"/> with the attempted values of secret fields removed, and those values masked
    /// in the messages too (a message may quote the value it rejected).
    /// </summary>
    private IReadOnlyList<NexudusValidationError> RedactErrors(IReadOnlyList<NexudusValidationError>? errors, out IReadOnlyList<string> attemptedSecrets)
    {
        var secrets = new List<string>();
        if (errors is null || errors.Count == 0)
        {
            attemptedSecrets = secrets;
            return [];
        }

        foreach (var error in errors)
        {
            if (SecretRedactor.IsSecretName(error.PropertyName) && error.AttemptedValue is { } value && AsText(value) is { Length: > 0 } text)
            {
                secrets.Add(text);
            }
        }

        attemptedSecrets = secrets;
        return [.. errors.Select(e => SecretRedactor.IsSecretName(e.PropertyName)
            ? e with { AttemptedValue = null, Message = e.Message is null ? null : SecretRedactor.MaskAll(redactor.Redact(e.Message), secrets) }
            : e with { Message = e.Message is null ? null : redactor.Redact(e.Message) })];
    }

    private static string? AsText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };

    public static NexudusApiException CreateMalformed(JsonException exception, int status, string endpoint)
    {
        // The JSON path and position say where the document broke; the reader's own message is
        // left to the inner exception because it may quote the offending value.
        var path = exception.Path is { Length: > 0 } p ? p : "$";
        var position = exception.LineNumber is { } line
            ? string.Create(CultureInfo.InvariantCulture, $" (line {line + 1}, byte {exception.BytePositionInLine ?? 0})")
            : string.Empty;
        return new NexudusApiException(
            $"Nexudus {endpoint} returned JSON that could not be read at {path}{position}; the response may be malformed or truncated.",
            status, endpoint, errorCode: null, bodyExcerpt: null, errors: null, exception);
    }

    public static NexudusApiException CreateNotJson(int status, string endpoint, string? mediaType) =>
        new($"Nexudus {endpoint} answered HTTP {status} with {mediaType ?? "no content type"} instead of JSON (often a sign-in or error page).",
            status, endpoint, errorCode: null, bodyExcerpt: null, errors: null, innerException: null);

    public TimeSpan? GetRetryAfter(HttpResponseMessage response) => GetRetryAfter(response.Headers.RetryAfter, time);

    public static TimeSpan? GetRetryAfter(RetryConditionHeaderValue? header, TimeProvider time)
    {
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    public static bool IsJson(string? mediaType) =>
        mediaType is null ||
        mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) ||
        mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase) ||
        mediaType.Equals("text/json", StringComparison.OrdinalIgnoreCase);

    public static async Task<string?> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var buffer = new char[MaxErrorBodyChars];
            var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
            return read == 0 ? null : new string(buffer, 0, read);
        }
    }

    private static bool IsHtml(string? body, string? mediaType) =>
        (mediaType?.Contains("html", StringComparison.OrdinalIgnoreCase) ?? false) ||
        (body?.AsSpan().TrimStart().StartsWith("<", StringComparison.Ordinal) ?? false);

    private static NexudusWriteResult? TryReadWriteResult(string? body)
    {
        if (string.IsNullOrWhiteSpace(body) || !body.AsSpan().TrimStart().StartsWith("{", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            var result = JsonSerializer.Deserialize(body, NexudusJsonContext.Default.NexudusWriteResult);
            return result is { Errors: not null } or { Message: not null } or { Status: not null } ? result : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
