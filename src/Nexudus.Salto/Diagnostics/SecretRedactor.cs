using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Nexudus.Salto.Diagnostics;

/// <summary>
/// The one redactor of both clients: removes secrets from text that goes into exception messages, body excerpts and
/// logs. It masks the values of secret-named JSON members, form fields and <c>name: value</c> pairs (passwords,
/// tokens, client secrets, PINs, card, tag and fob numbers), bearer tokens and JWTs, and every value the client knows
/// to be secret (its password, the tokens it received), also as a form or URL would encode them.
/// </summary>
/// <remarks>
/// One list of secret names serves both services. An instance remembers the secrets of one client (the Nexudus
/// password and tokens); the static members take the known secrets as an argument (SALTO KS).
/// </remarks>
internal sealed partial class SecretRedactor
{
    public const string Mask = "***";

    /// <summary>The longest excerpt kept, in characters.</summary>
    public const int MaxExcerptLength = 512;

    // Secrets shorter than this are not searched for in free text: replacing a two-character "secret" everywhere
    // would garble the text and reveal nothing worth hiding.
    private const int MinSecretLength = 3;
    private const int MaxRememberedSecrets = 32;

    // Names whose values are secrets, matched whole without regard to case, '_', '-' or ' '.
    private static readonly SearchValues<string> SecretNames = SearchValues.Create(
        [
            "accesstoken", "refreshtoken", "idtoken", "token", "clientsecret", "secret", "password", "passwd", "passcode",
            "pin", "pincode", "otp", "totp", "code", "codeverifier", "tagnumber", "keyidentifier", "cardnumber",
            "accesscardid", "keyfob", "authorization", "continuationtoken", "assertion", "activationcode", "privatekey",
            "apikey",
        ],
        StringComparison.OrdinalIgnoreCase);

    private readonly Lock _gate = new();
    private readonly List<string> _secrets = [];

    /// <summary>Creates a redactor that remembers <paramref name="password"/> (and later the tokens it is given).</summary>
    public SecretRedactor(string? password = null) => Remember(password);

    /// <summary>
    /// Whether a JSON member, form field or validation <c>PropertyName</c> holds a secret: a name on the list, or
    /// one that contains a word such as password, token or secret, or ends in <c>_pin</c>.
    /// </summary>
    public static bool IsSecretName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        if (SecretWord().IsMatch(name))
        {
            return true;
        }

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

    /// <summary>Redacts a text (JSON or not) with the remembered secrets.</summary>
    public string Redact(string text) => Redact(text, Remembered());

    /// <summary>A short, redacted excerpt of a body with the remembered secrets; see <see cref="Excerpt(string?, string?, IEnumerable{string?})"/>.</summary>
    public string? Excerpt(string? body, string? mediaType) => Excerpt(body, mediaType, Remembered());

    /// <summary>
    /// Turns a response body into a short excerpt safe to show: an HTML page is left out, secrets are masked (also in
    /// truncated JSON), and the result is cut to <see cref="MaxExcerptLength"/> characters; <see langword="null"/> for
    /// an empty body.
    /// </summary>
    public static string? Excerpt(string? body, string? mediaType, IEnumerable<string?> knownSecrets)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        if (LooksLikeHtml(body, mediaType))
        {
            return $"[HTML page of {body.Length} characters left out]";
        }

        string text = Redact(body, knownSecrets);
        return text.Length <= MaxExcerptLength ? text : string.Concat(text.AsSpan(0, MaxExcerptLength), "…");
    }

    /// <summary>Redacts a whole text (JSON, truncated JSON, a form body or free text).</summary>
    public static string Redact(string text, IEnumerable<string?> knownSecrets)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(knownSecrets);
        string result = TryRedactJson(text) ?? RedactLoose(SecretJsonPair().Replace(text, m => $"{m.Groups["name"].Value}\"{Mask}\""));

        // Each secret as it is and as a form or URL would carry it (a token endpoint may echo the form body back:
        // "password=Pa55%21"), longest first.
        foreach (string secret in knownSecrets
                     .Where(s => s is { Length: >= MinSecretLength })
                     .SelectMany(s => Encodings(s!))
                     .Distinct(StringComparer.Ordinal)
                     .OrderByDescending(s => s.Length))
        {
            result = result.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return JwtPattern().Replace(result, Mask);
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

    private string[] Remembered()
    {
        lock (_gate)
        {
            return [.. _secrets];
        }
    }

    private static IEnumerable<string> Encodings(string secret)
    {
        yield return secret;
        yield return Uri.EscapeDataString(secret);
        yield return System.Net.WebUtility.UrlEncode(secret);
    }

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

    // Complete JSON is rewritten with the secret values masked; anything else (truncated or not JSON) returns null.
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
                // A validation error names its field in PropertyName and echoes the value in AttemptedValue.
                var errorForSecret = element.TryGetProperty("PropertyName", out var property) &&
                                     property.ValueKind == JsonValueKind.String &&
                                     IsSecretName(property.GetString());
                writer.WriteStartObject();
                foreach (JsonProperty member in element.EnumerateObject())
                {
                    writer.WritePropertyName(member.Name);
                    Write(writer, member.Value, IsSecretName(member.Name) || (errorForSecret && member.NameEquals("AttemptedValue")));
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
            case JsonValueKind.Null:
                writer.WriteNullValue();
                break;
            case JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False when redact:
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

    // For text that is not JSON (or a JSON string value): "name=value" form pairs, "name: value" and bearer tokens.
    private static string RedactLoose(string text)
    {
        string result = BearerPattern().Replace(text, "Bearer " + Mask);
        result = FormPair().Replace(result, m => IsSecretName(m.Groups["name"].Value) ? m.Groups["lead"].Value + Mask : m.Value);
        return NameValuePattern().Replace(result, match =>
            IsSecretName(match.Groups["name"].Value)
                ? string.Concat(match.Groups["name"].Value, match.Groups["sep"].Value, Mask)
                : match.Value);
    }

    [GeneratedRegex(@"password|passwd|passcode|token|secret|pincode|(^|_)pin$|totp|accesscard|keyfob|authorization|privatekey|apikey|api_key", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretWord();

    [GeneratedRegex(@"(?<lead>(?<![A-Za-z0-9_.\-])(?<name>[A-Za-z_][A-Za-z0-9_.\-]*)=)(?<value>[^&\s""',;}]*)", RegexOptions.CultureInvariant)]
    private static partial Regex FormPair();

    [GeneratedRegex(@"(?<name>[A-Za-z_][A-Za-z0-9_\-]*)(?<sep>\s*:\s*""?)(?<value>[^&\s"",;]+)", RegexOptions.CultureInvariant)]
    private static partial Regex NameValuePattern();

    // A "name": value pair of truncated JSON whose name holds a secret word.
    [GeneratedRegex(@"(?<name>""[^""]*(?:password|passwd|passcode|token|secret|pincode|totp|accesscard|keyfob|authorization|privatekey|tagnumber|cardnumber)[^""]*""\s*:\s*)(?:""[^""]*(?:""|$)|-?[0-9.]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretJsonPair();

    [GeneratedRegex(@"Bearer\s+[A-Za-z0-9\-._~+/]+=*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BearerPattern();

    [GeneratedRegex(@"eyJ[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]*", RegexOptions.CultureInvariant)]
    private static partial Regex JwtPattern();
}
