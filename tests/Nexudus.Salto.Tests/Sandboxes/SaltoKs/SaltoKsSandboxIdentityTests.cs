using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Nexudus.Salto.Tests.Sandboxes.SaltoKs;

/// <summary>The token endpoint and bearer checks.</summary>
public sealed class SaltoKsSandboxIdentityTests
{
    [Fact]
    public async Task TokenEndpoint_PasswordGrantWithBasicClientAuth_ReturnsBearerTokenWithExpiresIn()
    {
        await using var host = await SaltoKsTestHost.StartAsync(o => { o.AccessTokenLifetime = TimeSpan.FromMinutes(20); o.GrantedScopes.Add("offline_access"); }, logIn: false);

        using JsonDocument token = await host.RequestTokenAsync("user_api.full_access offline_access");

        JsonElement root = token.RootElement;
        Assert.False(string.IsNullOrEmpty(root.GetProperty("access_token").GetString()));
        Assert.Equal("Bearer", root.GetProperty("token_type").GetString());
        Assert.Equal(1200, root.GetProperty("expires_in").GetInt32());
        Assert.Equal("user_api.full_access offline_access", root.GetProperty("scope").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("refresh_token").GetString()));
    }

    [Fact]
    public async Task TokenEndpoint_ScopeTheRegistrationLacks_FailsTheWholeRequestWithInvalidScope()
    {
        await using var host = await SaltoKsTestHost.StartAsync(logIn: false);

        var response = await host.PostTokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["scope"] = "user_api.full_access offline_access",
            ["username"] = "integration@example.com", ["password"] = "sandbox-password",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_scope", await ErrorAsync(response));
    }

    [Fact]
    public async Task TokenEndpoint_WithoutOfflineAccess_IssuesNoRefreshToken()
    {
        await using var host = await SaltoKsTestHost.StartAsync(logIn: false);

        using JsonDocument token = await host.RequestTokenAsync("user_api.full_access");

        Assert.False(token.RootElement.TryGetProperty("refresh_token", out _));
    }

    [Fact]
    public async Task TokenEndpoint_WrongClientSecret_Answers400InvalidClient()
    {
        await using var host = await SaltoKsTestHost.StartAsync(logIn: false);

        HttpResponseMessage response = await host.PostTokenAsync(PasswordForm(host), clientSecret: "wrong");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_client", await ErrorAsync(response));
    }

    [Fact]
    public async Task TokenEndpoint_WrongPassword_Answers400InvalidGrant()
    {
        await using var host = await SaltoKsTestHost.StartAsync(logIn: false);
        Dictionary<string, string> form = PasswordForm(host);
        form["password"] = "not-the-password";

        HttpResponseMessage response = await host.PostTokenAsync(form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_grant", await ErrorAsync(response));
    }

    [Fact]
    public async Task TokenEndpoint_SeededServiceUser_CanLogIn()
    {
        await using var host = await SaltoKsTestHost.StartAsync(logIn: false);
        host.Sandbox.Seed(b => b.ServiceUser("second@example.com", "second-password"));

        HttpResponseMessage response = await host.PostTokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["scope"] = "user_api.full_access", ["username"] = "second@example.com", ["password"] = "second-password",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task TokenEndpoint_UnknownScope_Answers400InvalidScope()
    {
        await using var host = await SaltoKsTestHost.StartAsync(logIn: false);
        Dictionary<string, string> form = PasswordForm(host);
        form["scope"] = "locks:read";

        HttpResponseMessage response = await host.PostTokenAsync(form);

        Assert.Equal("invalid_scope", await ErrorAsync(response));
    }

    [Fact]
    public async Task TokenEndpoint_ClientCredentialsGrant_Answers400UnsupportedGrantType()
    {
        await using var host = await SaltoKsTestHost.StartAsync(logIn: false);

        HttpResponseMessage response = await host.PostTokenAsync(new Dictionary<string, string> { ["grant_type"] = "client_credentials" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unsupported_grant_type", await ErrorAsync(response));
    }

    [Fact]
    public async Task TokenEndpoint_JsonBody_Answers400InvalidRequest()
    {
        await using var host = await SaltoKsTestHost.StartAsync(logIn: false);
        using var client = new HttpClient();

        HttpResponseMessage response = await client.PostAsync(
            host.Sandbox.TokenEndpoint,
            new StringContent("{\"grant_type\":\"password\"}", Encoding.UTF8, "application/json"));

        Assert.Equal("invalid_request", await ErrorAsync(response));
    }

    [Fact]
    public async Task TokenEndpoint_RefreshGrant_RotatesRefreshTokenAndRetiresTheOldOne()
    {
        await using var host = await SaltoKsTestHost.StartAsync(o => o.GrantedScopes.Add("offline_access"), logIn: false);
        using JsonDocument first = await host.RequestTokenAsync("user_api.full_access offline_access");
        string refresh = first.RootElement.GetProperty("refresh_token").GetString()!;

        HttpResponseMessage refreshed = await host.PostTokenAsync(RefreshForm(refresh));
        HttpResponseMessage reused = await host.PostTokenAsync(RefreshForm(refresh));

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        using JsonDocument second = JsonDocument.Parse(await refreshed.Content.ReadAsStringAsync());
        Assert.NotEqual(refresh, second.RootElement.GetProperty("refresh_token").GetString());
        Assert.Equal("invalid_grant", await ErrorAsync(reused));
    }

    [Fact]
    public async Task TokenEndpoint_RefreshGrantWithoutRotation_KeepsTheRefreshTokenUsable()
    {
        await using var host = await SaltoKsTestHost.StartAsync(o => { o.RotateRefreshTokens = false; o.GrantedScopes.Add("offline_access"); }, logIn: false);
        using JsonDocument first = await host.RequestTokenAsync("user_api.full_access offline_access");
        string refresh = first.RootElement.GetProperty("refresh_token").GetString()!;

        HttpResponseMessage refreshed = await host.PostTokenAsync(RefreshForm(refresh));
        HttpResponseMessage again = await host.PostTokenAsync(RefreshForm(refresh));

        using JsonDocument second = JsonDocument.Parse(await refreshed.Content.ReadAsStringAsync());
        Assert.Equal(refresh, second.RootElement.GetProperty("refresh_token").GetString());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task IssueRefreshToken_AsFromAnAuthorizationCodeLogin_IsAcceptedByTheRefreshGrant()
    {
        await using var host = await SaltoKsTestHost.StartAsync(logIn: false);
        string refresh = host.Sandbox.IssueRefreshToken();

        HttpResponseMessage response = await host.PostTokenAsync(RefreshForm(refresh));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Api_WithoutBearerToken_Answers401With1500()
    {
        await using var host = await SaltoKsTestHost.StartAsync(logIn: false);

        SaltoKsTestHost.Reply reply = await host.GetAsync("v1.1/sites");

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Equal("1500", reply.Code);
    }

    [Fact]
    public async Task Api_TokenPastExpiresIn_Answers401()
    {
        await using var host = await SaltoKsTestHost.StartAsync(o => o.AccessTokenLifetime = TimeSpan.FromMinutes(60));
        Assert.Equal(HttpStatusCode.OK, (await host.GetAsync("v1.1/sites")).Status);

        host.Time.Advance(TimeSpan.FromMinutes(60));

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.GetAsync("v1.1/sites")).Status);
    }

    [Fact]
    public async Task ExpireAllTokens_ThenApiCall_Answers401()
    {
        await using var host = await SaltoKsTestHost.StartAsync();

        host.Sandbox.ExpireAllTokens();

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.GetAsync("v1.1/sites")).Status);
    }

    [Fact]
    public async Task Api_WithBasicCredentialsInsteadOfBearer_Answers401()
    {
        await using var host = await SaltoKsTestHost.StartAsync(logIn: false);

        SaltoKsTestHost.Reply reply = await host.GetAsync("v1.1/sites", r =>
            r.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{host.Sandbox.ClientId}:{host.Sandbox.ClientSecret}"))));

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
    }

    private static Dictionary<string, string> PasswordForm(SaltoKsTestHost host) => new()
    {
        ["grant_type"] = "password",
        ["scope"] = "user_api.full_access",
        ["username"] = host.Sandbox.Username,
        ["password"] = host.Sandbox.Password,
    };

    private static Dictionary<string, string> RefreshForm(string refreshToken) => new()
    {
        ["grant_type"] = "refresh_token",
        ["refresh_token"] = refreshToken,
    };

    private static async Task<string?> ErrorAsync(HttpResponseMessage response)
    {
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("error").GetString();
    }
}
