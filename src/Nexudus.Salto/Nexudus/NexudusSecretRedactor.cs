using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Nexudus.Salto.Nexudus;

/// <summary>
/// Removes secrets from text that goes into exception messages and body excerpts: the configured
/// password, every token the client has received, and the values of secret-named JSON fields
/// (passwords, tokens, PINs, card and fob numbers).
/// </summary>
internal sealed partial class NexudusSecretRedactor
{
    public const string Mask = "***";
    public const int MaxExcerptLength = 512;

    // Secrets shorter than this are not searched for in free text: replacing a two-character
    // "secret" everywhere would garble the text and reveal nothing worth hiding.
    private const int MinSecretLength = 3;
    private const int MaxRememberedSecrets = 32;

    private readonly Lock _gate = new();
    private readonly List<string> _secrets = [];

    public NexudusSecretRedactor(IOptions<NexudusClientOptions> options)
    {
        Remember(options.Value.Password);
    }

    /// <summary>Whether a JSON property name or validation <c>PropertyName</c> holds a secret.</summary>
    public static bool IsSecretName(string? name) =>
        name is not null && SecretName().IsMatch(name);

    /// <summary>Adds a value that must never appear in messages (a token, a password).</summary>
    public void Remember(string? secret)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length < MinSecretLength)
        {
            return;
        }

        lock (_gate)
        {
            if (_secrets.Contains(secret))
            {
                return;
            }

            if (_secrets.Count >= MaxRememberedSecrets)
            {
                _secrets.RemoveAt(1); // keep the password, forget the oldest token
            }

            _secrets.Add(secret);
        }
    }

    /// <summary>Replaces every remembered secret in <paramref name="text"/>.</summary>
    public string Redact(string text)
    {
        string[] secrets;
        lock (_gate)
        {
            secrets = [.. _secrets];
        }

        // Each secret as it is and as a form or URL would carry it (a token endpoint may echo the form body back:
        // "password=Pa55%21"), longest first; then any form pair whose name is a secret's, whatever its value.
        foreach (var secret in secrets.SelectMany(Encodings).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length))
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return FormPair().Replace(text, m => IsSecretName(m.Groups["name"].Value) ? m.Groups["lead"].Value + Mask : m.Value);
    }

    private static IEnumerable<string> Encodings(string secret)
    {
        yield return secret;
        yield return Uri.EscapeDataString(secret);
        yield return System.Net.WebUtility.UrlEncode(secret);
    }

    /// <summary>
    /// Turns a response body into a short excerpt safe to show: HTML is left out, secret JSON
    /// fields are masked (also in truncated JSON), remembered secrets are replaced, and the result
    /// is cut to <see cref="MaxExcerptLength"/> characters.
    /// </summary>
    public string? Excerpt(string? body, string? mediaType)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        if (LooksLikeHtml(body, mediaType))
        {
            return $"[HTML page of {body.Length} characters left out]";
        }

        var text = RedactJsonFields(body);
        text = Redact(text);
        return text.Length <= MaxExcerptLength ? text : string.Concat(text.AsSpan(0, MaxExcerptLength), "…");
    }

    /// <summary>
    /// Returns <paramref name="errors"/> with the attempted values of secret fields removed, and
    /// those values masked in the messages too (a message may quote the value it rejected).
    /// </summary>
    public IReadOnlyList<NexudusValidationError> Redact(IReadOnlyList<NexudusValidationError>? errors, out IReadOnlyList<string> attemptedSecrets)
    {
        var secrets = new List<string>();
        if (errors is null || errors.Count == 0)
        {
            attemptedSecrets = secrets;
            return [];
        }

        foreach (var error in errors)
        {
            if (IsSecretName(error.PropertyName) && error.AttemptedValue is { } value && AsText(value) is { Length: > 0 } text)
            {
                secrets.Add(text);
            }
        }

        attemptedSecrets = secrets;
        return [.. errors.Select(e => IsSecretName(e.PropertyName)
            ? e with { AttemptedValue = null, Message = e.Message is null ? null : MaskAll(Redact(e.Message), secrets) }
            : e with { Message = e.Message is null ? null : Redact(e.Message) })];
    }

    /// <summary>Replaces each of <paramref name="values"/> in <paramref name="text"/>.</summary>
    public static string MaskAll(string text, IEnumerable<string> values)
    {
        foreach (var value in values.Where(v => v.Length > 0).OrderByDescending(v => v.Length))
        {
            text = text.Replace(value, Mask, StringComparison.Ordinal);
        }

        return text;
    }

    private static string? AsText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };

    private static bool LooksLikeHtml(string body, string? mediaType)
    {
        if (mediaType is not null && mediaType.Contains("html", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var start = body.AsSpan().TrimStart();
        return start.StartsWith("<!doctype", StringComparison.OrdinalIgnoreCase) ||
               start.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }

    private static string RedactJsonFields(string body)
    {
        // Complete JSON is rewritten with the secret values masked; anything else (truncated or
        // not JSON at all) gets a pattern-based pass over "name": value pairs.
        try
        {
            using var document = JsonDocument.Parse(body);
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                WriteRedacted(writer, document.RootElement, secretContext: false);
            }

            return Encoding.UTF8.GetString(buffer.ToArray());
        }
        catch (JsonException)
        {
            return SecretPair().Replace(body, m => $"{m.Groups["name"].Value}\"{Mask}\"");
        }
    }

    private static void WriteRedacted(Utf8JsonWriter writer, JsonElement element, bool secretContext)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                // A validation error names its field in PropertyName and echoes the value in AttemptedValue.
                var errorForSecret = element.TryGetProperty("PropertyName", out var property) &&
                                     property.ValueKind == JsonValueKind.String &&
                                     IsSecretName(property.GetString());
                writer.WriteStartObject();
                foreach (var member in element.EnumerateObject())
                {
                    writer.WritePropertyName(member.Name);
                    var secret = IsSecretName(member.Name) ||
                                 (errorForSecret && member.NameEquals("AttemptedValue"));
                    WriteRedacted(writer, member.Value, secret);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    WriteRedacted(writer, item, secretContext);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.Null:
                writer.WriteNullValue();
                break;
            default:
                if (secretContext)
                {
                    writer.WriteStringValue(Mask);
                }
                else
                {
                    element.WriteTo(writer);
                }

                break;
        }
    }

    [GeneratedRegex(@"(?<lead>(?<![A-Za-z0-9_.\-])(?<name>[A-Za-z_][A-Za-z0-9_.\-]*)=)(?<value>[^&\s""',;}]*)", RegexOptions.CultureInvariant)]
    private static partial Regex FormPair();

    [GeneratedRegex(@"password|passwd|passcode|token|secret|pincode|(^|_)pin$|totp|accesscard|keyfob|authorization|privatekey|apikey|api_key", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"(?<name>""[^""]*(?:password|passwd|passcode|token|secret|pincode|totp|accesscard|keyfob|authorization|privatekey)[^""]*""\s*:\s*)(?:""[^""]*(?:""|$)|-?[0-9.]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretPair();
}
