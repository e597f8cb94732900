using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Nexudus.Salto.SaltoKs;

/// <summary>
/// Removes secrets from response text before it goes into an exception or a log: the values of secret-looking
/// JSON members and form fields, bearer tokens and JWTs, and any value the client knows to be secret.
/// </summary>
/// <remarks>
/// SALTO KS error bodies are short and normally hold no secrets; this is the guard for the ones that echo a
/// request or carry a token (an identity-server answer, a PIN response).
/// </remarks>
internal static partial class SaltoKsSecretRedactor
{
    public const string Mask = "***";

    /// <summary>The longest excerpt kept, in characters.</summary>
    public const int MaxExcerptLength = 512;

    // Member names whose values are secrets, matched without regard to case, '_' or '-'.
    private static readonly SearchValues<string> SecretNames = SearchValues.Create(
        [
            "accesstoken", "refreshtoken", "idtoken", "token", "clientsecret", "secret", "password", "pin", "pincode",
            "otp", "code", "codeverifier", "tagnumber", "keyidentifier", "cardnumber", "accesscardid", "authorization",
            "continuationtoken", "assertion", "activationcode",
        ],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>Returns a redacted, shortened excerpt of a body, or <see langword="null"/> for an empty one.</summary>
    public static string? Excerpt(string? body, IEnumerable<string?> knownSecrets)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        string redacted = Redact(body, knownSecrets);
        return redacted.Length <= MaxExcerptLength ? redacted : string.Concat(redacted.AsSpan(0, MaxExcerptLength), "…");
    }

    /// <summary>Redacts a whole text (JSON or not).</summary>
    public static string Redact(string text, IEnumerable<string?> knownSecrets)
    {
        ArgumentNullException.ThrowIfNull(text);
        string result = TryRedactJson(text) ?? RedactLoose(text);
        foreach (string? secret in knownSecrets)
        {
            // Very short values would mask ordinary words; the known secrets are tokens and passwords.
            if (secret is { Length: >= 4 })
            {
                result = result.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return JwtPattern().Replace(result, Mask);
    }

    public static bool IsSecretName(string name)
    {
        Span<char> normalised = stackalloc char[Math.Min(name.Length, 64)];
        int length = 0;
        foreach (char c in name)
        {
            if (c is '_' or '-' or ' ')
            {
                continue;
            }

            if (length == normalised.Length)
            {
                return false;
            }

            normalised[length++] = c;
        }

        return SecretNames.Contains(new string(normalised[..length]));
    }

    private static string? TryRedactJson(string text)
    {
        string trimmed = text.TrimStart();
        if (trimmed.Length == 0 || (trimmed[0] != '{' && trimmed[0] != '['))
        {
            return null;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(text);
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                Write(writer, document.RootElement, redact: false);
            }

            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void Write(Utf8JsonWriter writer, JsonElement element, bool redact)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value, IsSecretName(property.Name));
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (JsonElement item in element.EnumerateArray())
                {
                    Write(writer, item, redact);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String or JsonValueKind.Number when redact:
                writer.WriteStringValue(Mask);
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(RedactLoose(element.GetString()!));
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }

    // For text that is not JSON (or a JSON string value): "name=value", "name: value" and bearer tokens.
    private static string RedactLoose(string text)
    {
        string result = BearerPattern().Replace(text, "Bearer " + Mask);
        return NameValuePattern().Replace(result, match =>
            IsSecretName(match.Groups["name"].Value)
                ? string.Concat(match.Groups["name"].Value, match.Groups["sep"].Value, Mask)
                : match.Value);
    }

    [GeneratedRegex(@"Bearer\s+[A-Za-z0-9\-._~+/]+=*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BearerPattern();

    [GeneratedRegex(@"eyJ[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]*", RegexOptions.CultureInvariant)]
    private static partial Regex JwtPattern();

    [GeneratedRegex(@"(?<name>[A-Za-z_][A-Za-z0-9_\-]*)(?<sep>\s*[=:]\s*""?)(?<value>[^&\s"",;]+)", RegexOptions.CultureInvariant)]
    private static partial Regex NameValuePattern();
}
