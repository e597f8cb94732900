using System.Net;
using System.Text;
using System.Text.Json;
using Nexudus.Salto.Diagnostics;

namespace Nexudus.Salto.SaltoKs;

/// <summary>
/// Turns a SALTO KS error response into the matching <see cref="SaltoKsApiException"/>: the one table that maps
/// status codes and service error codes to exception types.
/// </summary>
internal static class SaltoKsErrorMapper
{
    public const string NotFoundCode = "2202";
    public const string ForbiddenCode = "2203";
    public const string InvalidFilterCode = "1102";
    public const string InvalidParameterCode = "1101";

    /// <summary>Reads the error body of a failed API response and builds the exception.</summary>
    public static async Task<SaltoKsApiException> FromResponseAsync(
        HttpResponseMessage response,
        string operation,
        IEnumerable<string?> knownSecrets,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        string body = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
        (string? code, string? serviceMessage) = ReadErrorBody(body);
        return Create((int)response.StatusCode, code, serviceMessage, body, operation, knownSecrets, RetryAfter(response, timeProvider));
    }

    /// <summary>Builds the exception for a status, service code and body.</summary>
    public static SaltoKsApiException Create(
        int status,
        string? errorCode,
        string? serviceMessage,
        string? body,
        string operation,
        IEnumerable<string?> knownSecrets,
        TimeSpan? retryAfter = null)
    {
        string?[] secrets = [.. knownSecrets];
        string? safeMessage = serviceMessage is null ? null : SecretRedactor.Redact(serviceMessage, secrets);
        string? excerpt = SecretRedactor.Excerpt(body, mediaType: null, secrets);

        var message = new StringBuilder("SALTO KS answered ").Append(status);
        if (Enum.IsDefined((HttpStatusCode)status))
        {
            message.Append(" (").Append((HttpStatusCode)status).Append(')');
        }

        message.Append(" to ").Append(operation);
        if (errorCode is not null || safeMessage is not null)
        {
            message.Append(": ").Append(errorCode is null ? string.Empty : $"[{errorCode}] ").Append(safeMessage);
        }

        string text = message.ToString().TrimEnd() + ".";
        return (status, errorCode) switch
        {
            (_, NotFoundCode) or (404, null) => new SaltoKsNotFoundException(text, status, errorCode, safeMessage, excerpt),
            (_, ForbiddenCode) or (403, null) => new SaltoKsForbiddenException(text, status, errorCode, safeMessage, excerpt),
            (_, InvalidFilterCode) => new SaltoKsInvalidFilterException(text, status, errorCode, safeMessage, excerpt),
            (429, _) => new SaltoKsThrottledException(text, status, errorCode, safeMessage, excerpt, retryAfter),
            (401, _) => new SaltoKsAuthenticationException(text, status, errorCode, safeMessage, excerpt),
            (404, _) => new SaltoKsNotFoundException(text, status, errorCode, safeMessage, excerpt),
            (403, _) => new SaltoKsForbiddenException(text, status, errorCode, safeMessage, excerpt),
            _ => new SaltoKsApiException(text, status, errorCode, safeMessage, excerpt),
        };
    }

    /// <summary>Reads <c>{"ErrorCode", "Message"}</c>, an OAuth <c>{"error", "error_description"}</c> or RFC 7807 problem details.</summary>
    public static (string? Code, string? Message) ReadErrorBody(string body)
    {
        if (string.IsNullOrWhiteSpace(body) || body.TrimStart() is not ['{', ..])
        {
            return (null, null);
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            JsonElement root = document.RootElement;
            // RFC 7807 bodies ({type, title, status, traceId}) carry no service code: their type is a URL, so only the
            // title is read, as the message beside the HTTP status.
            string? code = Text(root, "ErrorCode") ?? Text(root, "error");
            string? message = Text(root, "Message") ?? Text(root, "error_description") ?? Text(root, "detail") ?? Text(root, "title");
            return (code, message);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    /// <summary>Reads <c>Retry-After</c> as a delay (seconds or a date).</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider timeProvider)
    {
        if (response.Headers.RetryAfter is not { } retryAfter)
        {
            return null;
        }

        if (retryAfter.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (retryAfter.Date is { } date)
        {
            TimeSpan wait = date - timeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private static async Task<string> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            // A body cut off mid-way must not hide the status the service answered with.
            return string.Empty;
        }
    }

    private static string? Text(JsonElement root, string name)
    {
        foreach (JsonProperty property in root.EnumerateObject())
        {
            if (property.NameEquals(name) || string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Number => property.Value.GetRawText(),
                    _ => null,
                };
            }
        }

        return null;
    }
}
