using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Nexudus.Salto.Nexudus;

namespace Nexudus.Salto.Testing;

// ----- Authentication -----
internal sealed partial class NexudusRequestHandler
{
    private async Task<NexudusResponse> TokenAsync(HttpRequest request)
    {
        // The documented pitfall: only a form-encoded body works; JSON fails with unsupported_grant_type.
        if (!request.HasFormContentType)
        {
            return TokenError("unsupported_grant_type", "The body must be application/x-www-form-urlencoded.");
        }

        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
        var clientId = ClientId(request, form);
        switch (form["grant_type"].ToString())
        {
            case "password":
                var username = form["username"].ToString();
                if (!string.Equals(username, _options.Username, StringComparison.OrdinalIgnoreCase) ||
                    !FixedTimeEquals(form["password"].ToString(), _options.Password))
                {
                    return TokenError("invalid_grant", "The user name or password is incorrect.");
                }

                if (_options.TotpCode is { } totp && !FixedTimeEquals(form["totp"].ToString(), totp))
                {
                    return TokenError("invalid_grant", "The two-factor authentication code is missing or incorrect.");
                }

                return TokenIssued(_tokens.Issue(clientId ?? _options.Username.ToUpperInvariant()));

            case "refresh_token":
                var refreshToken = form["refresh_token"].ToString();
                return refreshToken.Length > 0 && _tokens.TryRedeem(refreshToken, clientId, out var client)
                    ? TokenIssued(_tokens.Issue(client))
                    : TokenError("invalid_grant", "The refresh token is invalid or has expired.");

            default:
                return TokenError("unsupported_grant_type", "The grant type is not supported.");
        }
    }

    private string? ClientId(HttpRequest request, IFormCollection form)
    {
        if (_options.ClientIdSources.HasFlag(NexudusClientIdSources.FormField) && form["client_id"].ToString() is { Length: > 0 } fromForm)
        {
            return fromForm;
        }

        return _options.ClientIdSources.HasFlag(NexudusClientIdSources.Header) &&
               request.Headers["client_id"].ToString() is { Length: > 0 } fromHeader
            ? fromHeader
            : null;
    }

    private NexudusResponse TokenError(string error, string description)
    {
        NexudusSandboxLog.TokenRefused(_logger, error);
        return NexudusResponse.FromJson(400, new JsonObject { ["error"] = error, ["error_description"] = description });
    }

    private static NexudusResponse TokenIssued((string AccessToken, string RefreshToken, long ExpiresIn) issued)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(
            new NexudusTokenResponse
            {
                AccessToken = issued.AccessToken,
                TokenType = "bearer",
                ExpiresIn = issued.ExpiresIn,
                RefreshToken = issued.RefreshToken,
            },
            NexudusJsonContext.Default.NexudusTokenResponse);
        return new NexudusResponse(200, NexudusResponse.Json, body) { Headers = [new("Cache-Control", "no-store")] };
    }

    private bool IsAuthenticated(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var header) || header.Parameter is null)
        {
            return false;
        }

        if (string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return _tokens.IsValidAccessToken(header.Parameter);
        }

        if (!_options.AcceptBasicAuthentication || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 &&
               string.Equals(decoded[..colon], _options.Username, StringComparison.OrdinalIgnoreCase) &&
               FixedTimeEquals(decoded[(colon + 1)..], _options.Password);
    }

    private NexudusResponse Unauthorized(HttpRequest request)
    {
        var wantsJson = request.Headers.Accept.ToString().Contains("json", StringComparison.OrdinalIgnoreCase);
        var response = _options.HtmlUnauthorizedWithoutJsonAccept && !wantsJson
            ? NexudusResponse.Html(401, "401 - Unauthorized", "You do not have permission to view this directory or page using the credentials that you supplied.")
            : NexudusResponse.Message(401, "Authorization has been denied for this request.");
        return response with { Headers = [new("WWW-Authenticate", "Bearer"), new("WWW-Authenticate", "Basic")] };
    }

    private static bool FixedTimeEquals(string given, string expected) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
}
