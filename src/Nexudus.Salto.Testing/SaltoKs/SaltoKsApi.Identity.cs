using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.Testing;

/// <summary>
/// The identity server's token endpoint, <c>{IdentityUrl}/connect/token</c>: the client
/// authenticates with HTTP Basic (or form fields), and the password and refresh-token grants are
/// served; errors follow OAuth 2.0 (<c>{"error": "invalid_grant"}</c> and friends).
/// </summary>
internal sealed partial class SaltoKsApi
{
    private static readonly JsonSerializerOptions TokenJson = new(SaltoKsJsonContext.Default.Options)
    {
        // An absent refresh token is left out, as IdentityServer does, rather than sent as null.
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private async Task IssueTokenAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            await WriteOAuthErrorAsync(context, "invalid_request").ConfigureAwait(false);
            return;
        }

        IFormCollection form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        (string? clientId, string? clientSecret) = ClientCredentials(context.Request, form);
        if (clientId != options.ClientId || clientSecret != options.ClientSecret)
        {
            await WriteOAuthErrorAsync(context, "invalid_client").ConfigureAwait(false);
            return;
        }

        SaltoKsTokenResponse response;
        switch (form["grant_type"].ToString())
        {
            case "password":
                string username = form["username"].ToString();
                string password = form["password"].ToString();
                string? scope = Scope(form["scope"].ToString(), options.GrantedScopes);
                if (scope is null)
                {
                    await WriteOAuthErrorAsync(context, "invalid_scope").ConfigureAwait(false);
                    return;
                }

                if (!PasswordMatches(username, password))
                {
                    await WriteOAuthErrorAsync(context, "invalid_grant").ConfigureAwait(false);
                    return;
                }

                response = tokens.Issue(clientId, username, scope);
                break;

            case "refresh_token":
                if (tokens.Redeem(form["refresh_token"].ToString(), clientId) is not { } grant)
                {
                    await WriteOAuthErrorAsync(context, "invalid_grant").ConfigureAwait(false);
                    return;
                }

                response = tokens.Issue(
                    clientId,
                    grant.Username,
                    grant.Scope,
                    keepRefreshToken: options.RotateRefreshTokens ? null : form["refresh_token"].ToString());
                break;

            default:
                await WriteOAuthErrorAsync(context, "unsupported_grant_type").ConfigureAwait(false);
                return;
        }

        context.Response.Headers.CacheControl = "no-store";
        await WriteRawAsync(context, 200, JsonSerializer.SerializeToUtf8Bytes(response, TokenJson.GetTypeInfo(typeof(SaltoKsTokenResponse)))).ConfigureAwait(false);
    }

    private bool PasswordMatches(string username, string password)
    {
        if (string.Equals(username, options.Username, StringComparison.OrdinalIgnoreCase) && password == options.Password)
        {
            return true;
        }

        lock (state.Gate)
        {
            return state.ServiceUsers.TryGetValue(username, out string? expected) && expected == password;
        }
    }

    /// <summary>The granted scope: the requested one if every part is known, <c>user_api.full_access</c> if none was asked.</summary>
    private static string? Scope(string requested, ISet<string> granted)
    {
        string[] parts = requested.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 0 ? "user_api.full_access"
            : parts.All(granted.Contains) ? string.Join(' ', parts)
            : null;
    }

    /// <summary>HTTP Basic first (RFC 6749 §2.3.1: each part form-encoded), else <c>client_id</c>/<c>client_secret</c> fields.</summary>
    private static (string? ClientId, string? ClientSecret) ClientCredentials(HttpRequest request, IFormCollection form)
    {
        if (AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out AuthenticationHeaderValue? header) &&
            string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) && header.Parameter is not null)
        {
            try
            {
                string decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
                int colon = decoded.IndexOf(':', StringComparison.Ordinal);
                return colon < 0
                    ? (null, null)
                    : (Uri.UnescapeDataString(decoded[..colon].Replace('+', ' ')), Uri.UnescapeDataString(decoded[(colon + 1)..].Replace('+', ' ')));
            }
            catch (FormatException)
            {
                return (null, null);
            }
        }

        return (form["client_id"].ToString(), form["client_secret"].ToString());
    }

    private static Task WriteOAuthErrorAsync(HttpContext context, string error)
    {
        context.Response.Headers.CacheControl = "no-store";
        return WriteRawAsync(context, 400, Encoding.UTF8.GetBytes($"{{\"error\":\"{error}\"}}"));
    }
}
