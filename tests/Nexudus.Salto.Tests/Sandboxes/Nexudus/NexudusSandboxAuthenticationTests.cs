using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Nexudus.Salto.Testing;
using static Nexudus.Salto.Tests.Sandboxes.Nexudus.NexudusSandboxHttp;

namespace Nexudus.Salto.Tests.Sandboxes.Nexudus;

/// <summary>The sandbox's authentication.</summary>
public sealed class NexudusSandboxAuthenticationTests
{
    private const string CoworkersPath = "api/spaces/coworkers";

    private static Task<HttpResponseMessage> PasswordGrantAsync(HttpClient client, NexudusSandbox sandbox, params (string, string)[] extra) =>
        client.PostAsync("api/token", Form([("grant_type", "password"), ("username", sandbox.Username), ("password", sandbox.Password), .. extra]));

    private static async Task<JsonElement> TokenAsync(HttpClient client, NexudusSandbox sandbox, params (string, string)[] extra)
    {
        using var response = await PasswordGrantAsync(client, sandbox, extra);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadJsonAsync(response);
    }

    private static Task<HttpResponseMessage> RefreshAsync(HttpClient client, string refreshToken, params (string, string)[] extra) =>
        client.PostAsync("api/token", Form([("grant_type", "refresh_token"), ("refresh_token", refreshToken), .. extra]));

    private static async Task<HttpStatusCode> GetWithBearerAsync(NexudusSandbox sandbox, string accessToken)
    {
        using var client = Anonymous(sandbox);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await client.GetAsync(CoworkersPath);
        return response.StatusCode;
    }

    [Fact]
    public async Task Token_PasswordGrantFormEncoded_ReturnsTheDocumentedTokenShape()
    {
        await using var sandbox = await StartAsync();
        using var client = Anonymous(sandbox);

        var token = await TokenAsync(client, sandbox);

        Assert.False(string.IsNullOrEmpty(token.GetProperty("access_token").GetString()));
        Assert.Equal("bearer", token.GetProperty("token_type").GetString());
        Assert.Equal(604_799, token.GetProperty("expires_in").GetInt64());
        Assert.False(string.IsNullOrEmpty(token.GetProperty("refresh_token").GetString()));
    }

    [Fact]
    public async Task Token_JsonBody_Returns400UnsupportedGrantType()
    {
        await using var sandbox = await StartAsync();
        using var client = Anonymous(sandbox);

        using var response = await client.PostAsync("api/token", Json(
            $$"""{"grant_type":"password","username":"{{sandbox.Username}}","password":"{{sandbox.Password}}"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unsupported_grant_type", (await ReadJsonAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Token_WrongPassword_Returns400InvalidGrantWithTheDocumentedMessage()
    {
        await using var sandbox = await StartAsync();
        using var client = Anonymous(sandbox);

        using var response = await client.PostAsync("api/token", Form(("grant_type", "password"), ("username", sandbox.Username), ("password", "wrong")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await ReadJsonAsync(response);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
        Assert.Equal("The user name or password is incorrect.", body.GetProperty("error_description").GetString());
    }

    [Theory]
    [InlineData(null, HttpStatusCode.BadRequest)]
    [InlineData("000000", HttpStatusCode.BadRequest)]
    [InlineData("123456", HttpStatusCode.OK)]
    public async Task Token_UserWithTwoFactor_NeedsTheTotpCode(string? totp, HttpStatusCode expected)
    {
        await using var sandbox = await StartAsync(o => o.TotpCode = "123456");
        using var client = Anonymous(sandbox);

        using var response = totp is null ? await PasswordGrantAsync(client, sandbox) : await PasswordGrantAsync(client, sandbox, ("totp", totp));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Token_RefreshGrant_IssuesANewRefreshTokenAndSpendsTheOldOne()
    {
        await using var sandbox = await StartAsync();
        using var client = Anonymous(sandbox);
        var first = (await TokenAsync(client, sandbox)).GetProperty("refresh_token").GetString()!;

        using var refreshed = await RefreshAsync(client, first);
        var second = (await ReadJsonAsync(refreshed)).GetProperty("refresh_token").GetString();
        using var reused = await RefreshAsync(client, first);

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Equal("invalid_grant", (await ReadJsonAsync(reused)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Token_NewPasswordGrantForTheSameClientId_InvalidatesTheEarlierRefreshTokenButNotItsAccessToken()
    {
        await using var sandbox = await StartAsync();
        using var client = Anonymous(sandbox);
        var earlier = await TokenAsync(client, sandbox, ("client_id", "integration-1"));

        _ = await TokenAsync(client, sandbox, ("client_id", "integration-1"));
        using var refresh = await RefreshAsync(client, earlier.GetProperty("refresh_token").GetString()!, ("client_id", "integration-1"));

        Assert.Equal(HttpStatusCode.BadRequest, refresh.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await GetWithBearerAsync(sandbox, earlier.GetProperty("access_token").GetString()!));
    }

    [Fact]
    public async Task Token_PasswordGrantsForDifferentClientIds_KeepEachOthersRefreshTokens()
    {
        await using var sandbox = await StartAsync();
        using var client = Anonymous(sandbox);
        var one = await TokenAsync(client, sandbox, ("client_id", "integration-1"));

        _ = await TokenAsync(client, sandbox, ("client_id", "integration-2"));
        using var refresh = await RefreshAsync(client, one.GetProperty("refresh_token").GetString()!, ("client_id", "integration-1"));

        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
    }

    [Theory]
    [InlineData(NexudusClientIdSources.Header, HttpStatusCode.OK)]
    [InlineData(NexudusClientIdSources.FormField, HttpStatusCode.BadRequest)]
    [InlineData(NexudusClientIdSources.Both, HttpStatusCode.OK)]
    public async Task Token_ClientIdSentAsHeader_CountsOnlyWhereHeadersAreRead(NexudusClientIdSources sources, HttpStatusCode expected)
    {
        // Two integrations that send client_id only as a header: where the header is read they are
        // two clients; where it is not, both are "the user" and the second grant spends the first's refresh token.
        await using var sandbox = await StartAsync(o => o.ClientIdSources = sources);
        using var first = Anonymous(sandbox);
        first.DefaultRequestHeaders.Add("client_id", "integration-1");
        using var second = Anonymous(sandbox);
        second.DefaultRequestHeaders.Add("client_id", "integration-2");
        var token = await TokenAsync(first, sandbox);

        _ = await TokenAsync(second, sandbox);
        using var refresh = await RefreshAsync(first, token.GetProperty("refresh_token").GetString()!);

        Assert.Equal(expected, refresh.StatusCode);
    }

    [Fact]
    public async Task Token_RefreshAfterTheRefreshLifetime_ReturnsInvalidGrant()
    {
        var time = new FakeTimeProvider(Now);
        await using var sandbox = await StartAsync(o => o.TimeProvider = time);
        using var client = Anonymous(sandbox);
        var token = await TokenAsync(client, sandbox);

        time.Advance(TimeSpan.FromDays(15) + TimeSpan.FromSeconds(1));
        using var refresh = await RefreshAsync(client, token.GetProperty("refresh_token").GetString()!);

        Assert.Equal(HttpStatusCode.BadRequest, refresh.StatusCode);
    }

    [Fact]
    public async Task Request_WithABearerToken_IsServed()
    {
        await using var sandbox = await StartAsync();
        using var client = Anonymous(sandbox);
        var token = await TokenAsync(client, sandbox);

        Assert.Equal(HttpStatusCode.OK, await GetWithBearerAsync(sandbox, token.GetProperty("access_token").GetString()!));
    }

    [Fact]
    public async Task Request_WithAnAccessTokenPastItsLifetime_Returns401()
    {
        var time = new FakeTimeProvider(Now);
        await using var sandbox = await StartAsync(o => { o.TimeProvider = time; o.AccessTokenLifetime = TimeSpan.FromMinutes(5); });
        using var client = Anonymous(sandbox);
        var token = await TokenAsync(client, sandbox);

        time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(HttpStatusCode.Unauthorized, await GetWithBearerAsync(sandbox, token.GetProperty("access_token").GetString()!));
    }

    [Fact]
    public async Task Token_ExpiresIn_IsTheConfiguredLifetime()
    {
        await using var sandbox = await StartAsync(o => o.AccessTokenLifetime = TimeSpan.FromMinutes(5));
        using var client = Anonymous(sandbox);

        Assert.Equal(300, (await TokenAsync(client, sandbox)).GetProperty("expires_in").GetInt64());
    }

    [Fact]
    public async Task ExpireAccessTokens_ThenARequestWithAnEarlierToken_Returns401()
    {
        await using var sandbox = await StartAsync();
        using var client = Anonymous(sandbox);
        var token = await TokenAsync(client, sandbox);

        sandbox.ExpireAccessTokens();

        Assert.Equal(HttpStatusCode.Unauthorized, await GetWithBearerAsync(sandbox, token.GetProperty("access_token").GetString()!));
    }

    [Fact]
    public async Task Request_WithBasicCredentials_IsServed()
    {
        await using var sandbox = await StartAsync();
        using var client = Client(sandbox);

        using var response = await client.GetAsync(CoworkersPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Request_WithBasicCredentialsWhenBasicIsOff_Returns401()
    {
        await using var sandbox = await StartAsync(o => o.AcceptBasicAuthentication = false);
        using var client = Client(sandbox);

        using var response = await client.GetAsync(CoworkersPath);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Request_WithAWrongBasicPassword_Returns401()
    {
        await using var sandbox = await StartAsync();
        using var client = Anonymous(sandbox);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("admin@sandbox.example:nope"u8.ToArray()));

        using var response = await client.GetAsync(CoworkersPath);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Request_WithoutCredentialsAcceptingJson_Returns401AsJson()
    {
        await using var sandbox = await StartAsync();
        using var client = Anonymous(sandbox);

        using var response = await client.GetAsync(CoworkersPath);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Request_WithoutCredentialsNorAcceptJson_Returns401AsAnHtmlPage()
    {
        await using var sandbox = await StartAsync();
        using var client = new HttpClient { BaseAddress = sandbox.BaseUrl };

        using var response = await client.GetAsync(CoworkersPath);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<!DOCTYPE html>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
