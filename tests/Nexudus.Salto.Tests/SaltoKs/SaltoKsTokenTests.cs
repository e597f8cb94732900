using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Nexudus.Salto.SaltoKs;
using RichardSzalay.MockHttp;

namespace Nexudus.Salto.Tests.SaltoKs;

/// <summary>Token flows: password and refresh-token grants, rotation, proactive refresh on the fake clock, 401 handling.</summary>
public sealed class SaltoKsTokenTests
{
    private static readonly string Basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("nexudus-sync:" + SaltoKsTestHost.ClientSecret));

    [Fact]
    public async Task FirstCall_PasswordCredentials_SendsPasswordGrantWithBasicAuthToIdentityHost()
    {
        using var host = new SaltoKsTestHost();
        host.Http.Expect(HttpMethod.Post, SaltoKsTestHost.TokenEndpoint)
            .WithHeaders("Authorization", Basic)
            .WithExactFormData(
            [
                new("grant_type", "password"), new("scope", "user_api.full_access"),
                new("username", "integration@example.com"), new("password", SaltoKsTestHost.Password),
            ])
            .Respond("application/json", SaltoKsTestHost.TokenJson(SaltoKsTestHost.AccessToken, 3600, "refresh-token-1"));
        host.ExpectApi(HttpMethod.Get, "/v1.2/sites/s1").Respond("application/json", """{"id":"s1"}""");

        await host.Client.GetSiteAsync("s1");

        host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task SecondCall_TokenStillFresh_ReusesIt()
    {
        using var host = new SaltoKsTestHost();
        MockedRequest token = host.AcceptTokenRequests();
        host.Http.When(HttpMethod.Get, SaltoKsTestHost.Api + "/v1.2/sites/s1").Respond("application/json", """{"id":"s1"}""");

        await host.Client.GetSiteAsync("s1");
        host.Time.Advance(TimeSpan.FromSeconds(3539));
        await host.Client.GetSiteAsync("s1");

        Assert.Equal(1, host.Http.GetMatchCount(token));
    }

    [Fact]
    public async Task Call_WithinLeadTimeOfExpiry_RefreshesWithRotatedRefreshToken()
    {
        using var host = new SaltoKsTestHost();
        host.Http.Expect(HttpMethod.Post, SaltoKsTestHost.TokenEndpoint).WithFormData("grant_type", "password")
            .Respond("application/json", SaltoKsTestHost.TokenJson("old-access", 3600, "refresh-token-1"));
        host.Http.Expect(HttpMethod.Get, SaltoKsTestHost.Api + "/v1.2/sites/s1").WithHeaders("Authorization", "Bearer old-access")
            .Respond("application/json", """{"id":"s1"}""");
        host.Http.Expect(HttpMethod.Post, SaltoKsTestHost.TokenEndpoint)
            .WithHeaders("Authorization", Basic)
            .WithExactFormData([new("grant_type", "refresh_token"), new("refresh_token", "refresh-token-1")])
            .Respond("application/json", SaltoKsTestHost.TokenJson(SaltoKsTestHost.AccessToken, 3600, "refresh-token-2"));
        host.ExpectApi(HttpMethod.Get, "/v1.2/sites/s1").Respond("application/json", """{"id":"s1"}""");

        await host.Client.GetSiteAsync("s1");
        host.Time.Advance(TimeSpan.FromSeconds(3541));
        await host.Client.GetSiteAsync("s1");

        host.Http.VerifyNoOutstandingExpectation();
        Assert.Equal("refresh-token-2", await host.Services.GetRequiredService<ISaltoKsTokenStore>().GetRefreshTokenAsync());
    }

    [Fact]
    public async Task FirstCall_RefreshTokenInStore_UsesItAndPersistsTheRotatedOne()
    {
        var store = new InMemorySaltoKsTokenStore("stored-refresh");
        using var host = new SaltoKsTestHost(
            o => { o.Username = null; o.Password = null; o.RefreshToken = "stale-configured-refresh"; },
            s => s.AddSingleton<ISaltoKsTokenStore>(store));
        host.Http.Expect(HttpMethod.Post, SaltoKsTestHost.TokenEndpoint)
            .WithExactFormData([new("grant_type", "refresh_token"), new("refresh_token", "stored-refresh")])
            .Respond("application/json", SaltoKsTestHost.TokenJson(SaltoKsTestHost.AccessToken, 3600, "rotated-refresh"));
        host.ExpectApi(HttpMethod.Get, "/v1.2/sites/s1").Respond("application/json", """{"id":"s1"}""");

        await host.Client.GetSiteAsync("s1");

        host.Http.VerifyNoOutstandingExpectation();
        Assert.Equal("rotated-refresh", await store.GetRefreshTokenAsync());
    }

    [Fact]
    public async Task FirstCall_OnlyConfiguredRefreshToken_UsesRefreshGrant()
    {
        using var host = new SaltoKsTestHost(o => { o.Username = null; o.Password = null; o.RefreshToken = "configured-refresh"; });
        host.Http.Expect(HttpMethod.Post, SaltoKsTestHost.TokenEndpoint)
            .WithExactFormData([new("grant_type", "refresh_token"), new("refresh_token", "configured-refresh")])
            .Respond("application/json", SaltoKsTestHost.TokenJson(SaltoKsTestHost.AccessToken, 3600, refreshToken: null));
        host.ExpectApi(HttpMethod.Get, "/v1.2/sites/s1").Respond("application/json", """{"id":"s1"}""");

        await host.Client.GetSiteAsync("s1");

        host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task Refresh_TokenRefusedAndPasswordConfigured_FallsBackToPasswordGrant()
    {
        using var host = new SaltoKsTestHost(o => o.RefreshToken = "revoked-refresh");
        host.Http.Expect(HttpMethod.Post, SaltoKsTestHost.TokenEndpoint).WithFormData("grant_type", "refresh_token")
            .Respond(HttpStatusCode.BadRequest, "application/json", """{"error":"invalid_grant"}""");
        host.Http.Expect(HttpMethod.Post, SaltoKsTestHost.TokenEndpoint).WithFormData("grant_type", "password")
            .Respond("application/json", SaltoKsTestHost.TokenJson(SaltoKsTestHost.AccessToken, 3600, "refresh-token-1"));
        host.ExpectApi(HttpMethod.Get, "/v1.2/sites/s1").Respond("application/json", """{"id":"s1"}""");

        await host.Client.GetSiteAsync("s1");

        host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task FirstCall_ScopeNotRegistered_ErrorNamesTheSettingAndTheScopeAskedFor()
    {
        using var host = new SaltoKsTestHost(o => o.Scope = "user_api.full_access offline_access");
        host.Http.Expect(HttpMethod.Post, SaltoKsTestHost.TokenEndpoint).WithFormData("scope", "user_api.full_access offline_access")
            .Respond(HttpStatusCode.BadRequest, "application/json", """{"error":"invalid_scope"}""");

        SaltoKsAuthenticationException error = await Assert.ThrowsAsync<SaltoKsAuthenticationException>(() => host.Client.GetSiteAsync("s1"));

        Assert.Equal("invalid_scope", error.ErrorCode);
        Assert.Contains("SaltoKs:Scope", error.Message, StringComparison.Ordinal);
        Assert.Contains("'user_api.full_access offline_access'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SaltoKsTestHost.Password, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Renew_NoRefreshTokenIssued_RenewsWithThePasswordGrant()
    {
        using var host = new SaltoKsTestHost();
        host.Http.Expect(HttpMethod.Post, SaltoKsTestHost.TokenEndpoint).WithFormData("grant_type", "password")
            .Respond("application/json", SaltoKsTestHost.TokenJson(SaltoKsTestHost.AccessToken, 3600, refreshToken: null));
        host.ExpectApi(HttpMethod.Get, "/v1.2/sites/s1").Respond("application/json", """{"id":"s1"}""");
        host.Http.Expect(HttpMethod.Post, SaltoKsTestHost.TokenEndpoint).WithFormData("grant_type", "password")
            .Respond("application/json", SaltoKsTestHost.TokenJson(SaltoKsTestHost.AccessToken, 3600, refreshToken: null));
        host.ExpectApi(HttpMethod.Get, "/v1.2/sites/s1").Respond("application/json", """{"id":"s1"}""");

        await host.Client.GetSiteAsync("s1");
        host.Time.Advance(TimeSpan.FromMinutes(59.5));
        await host.Client.GetSiteAsync("s1");

        host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task Refresh_TokenRefusedAndNoPassword_ThrowsAuthenticationWithoutTheToken()
    {
        using var host = new SaltoKsTestHost(o => { o.Username = null; o.Password = null; o.RefreshToken = "revoked-refresh-S3cr3t"; });
        host.Http.When(HttpMethod.Post, SaltoKsTestHost.TokenEndpoint)
            .Respond(HttpStatusCode.BadRequest, "application/json", """{"error":"invalid_grant","error_description":"refresh token revoked-refresh-S3cr3t is invalid"}""");

        SaltoKsAuthenticationException error = await Assert.ThrowsAsync<SaltoKsAuthenticationException>(() => host.Client.GetSiteAsync("s1"));

        Assert.Equal("invalid_grant", error.ErrorCode);
        Assert.Equal(400, error.Status);
        Assert.DoesNotContain("S3cr3t", error.Message + error.ServiceMessage + error.BodyExcerpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FirstCall_PublicClientWithoutSecret_SendsClientIdInFormAndNoBasicAuth()
    {
        using var host = new SaltoKsTestHost(o => o.ClientSecret = "");
        host.Http.Expect(HttpMethod.Post, SaltoKsTestHost.TokenEndpoint)
            .With(r => r.Headers.Authorization is null)
            .WithFormData("client_id", "nexudus-sync")
            .Respond("application/json", SaltoKsTestHost.TokenJson(SaltoKsTestHost.AccessToken, 3600, null));
        host.ExpectApi(HttpMethod.Get, "/v1.2/sites/s1").Respond("application/json", """{"id":"s1"}""");

        await host.Client.GetSiteAsync("s1");

        host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task FirstCall_NoCredentials_ThrowsAuthenticationWithoutCallingTheServer()
    {
        using var host = new SaltoKsTestHost(o => { o.Username = null; o.Password = null; });
        MockedRequest token = host.AcceptTokenRequests();

        await Assert.ThrowsAsync<SaltoKsAuthenticationException>(() => host.Client.GetSiteAsync("s1"));
        Assert.Equal(0, host.Http.GetMatchCount(token));
    }

    [Fact]
    public async Task Call_TokenWithoutExpiresIn_IsReusedUntilRejected()
    {
        using var host = new SaltoKsTestHost();
        MockedRequest token = host.Http.When(HttpMethod.Post, SaltoKsTestHost.TokenEndpoint)
            .Respond("application/json", SaltoKsTestHost.TokenJson(SaltoKsTestHost.AccessToken, expiresIn: null, null));
        host.Http.When(HttpMethod.Get, SaltoKsTestHost.Api + "/v1.2/sites/s1").Respond("application/json", """{"id":"s1"}""");

        await host.Client.GetSiteAsync("s1");
        host.Time.Advance(TimeSpan.FromDays(2));
        await host.Client.GetSiteAsync("s1");

        Assert.Equal(1, host.Http.GetMatchCount(token));
    }

    [Fact]
    public async Task Call_ApiAnswers401_RenewsTokenAndSendsOnceMore()
    {
        using var host = new SaltoKsTestHost();
        host.Http.Expect(HttpMethod.Post, SaltoKsTestHost.TokenEndpoint)
            .Respond("application/json", SaltoKsTestHost.TokenJson("revoked-access", 3600, "refresh-token-1"));
        host.Http.Expect(HttpMethod.Patch, SaltoKsTestHost.Api + "/v1.2/sites/s1/users/su-1").WithHeaders("Authorization", "Bearer revoked-access")
            .Respond(HttpStatusCode.Unauthorized);
        host.Http.Expect(HttpMethod.Post, SaltoKsTestHost.TokenEndpoint).WithFormData("grant_type", "refresh_token")
            .Respond("application/json", SaltoKsTestHost.TokenJson(SaltoKsTestHost.AccessToken, 3600, "refresh-token-2"));
        host.ExpectApiJson(HttpMethod.Patch, "/v1.2/sites/s1/users/su-1", """{"blocked":true}""").Respond(HttpStatusCode.OK);

        await host.Client.UpdateSiteUserAsync("s1", new SiteUserId("su-1"), new SiteUserUpdateRequest { Blocked = true });

        host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task Call_ApiAnswers401Twice_ThrowsAuthenticationAfterOneRenewal()
    {
        using var host = new SaltoKsTestHost();
        MockedRequest token = host.AcceptTokenRequests();
        MockedRequest api = host.Http.When(HttpMethod.Get, SaltoKsTestHost.Api + "/v1.2/sites/s1")
            .Respond(HttpStatusCode.Unauthorized, "application/json", """{"ErrorCode":1500,"Message":"Unauthorized"}""");

        SaltoKsAuthenticationException error = await Assert.ThrowsAsync<SaltoKsAuthenticationException>(() => host.Client.GetSiteAsync("s1"));

        Assert.Equal("1500", error.ErrorCode);
        Assert.Equal(2, host.Http.GetMatchCount(api));
        Assert.Equal(2, host.Http.GetMatchCount(token));
    }

    [Fact]
    public async Task ConcurrentCalls_NoTokenYet_ShareOneTokenRequest()
    {
        using var host = new SaltoKsTestHost();
        var gate = new GatedTokenEndpoint();
        MockedRequest token = host.Http.When(HttpMethod.Post, SaltoKsTestHost.TokenEndpoint).Respond(gate);
        host.Http.When(HttpMethod.Get, SaltoKsTestHost.Api + "/v1.2/sites/s1").Respond("application/json", """{"id":"s1"}""");

        Task<Site>[] calls = [.. Enumerable.Range(0, 8).Select(_ => host.Client.GetSiteAsync("s1"))];
        await gate.FirstRequest.Task;
        gate.Release.SetResult();
        await Task.WhenAll(calls);

        Assert.Equal(1, host.Http.GetMatchCount(token));
    }

    [Fact]
    public async Task TokenRequest_Always_GoesToIdentityHostWithoutBearerToken()
    {
        using var host = new SaltoKsTestHost();
        host.Http.Expect(HttpMethod.Post, SaltoKsTestHost.TokenEndpoint)
            .With(r => r.Headers.Authorization?.Scheme == "Basic")
            .Respond("application/json", SaltoKsTestHost.TokenJson(SaltoKsTestHost.AccessToken, 3600, null));
        host.ExpectApi(HttpMethod.Get, "/v1.2/sites/s1").Respond("application/json", """{"id":"s1"}""");

        await host.Client.GetSiteAsync("s1");

        host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task Logs_AfterTokenFlows_NeverContainSecrets()
    {
        using var host = new SaltoKsTestHost(o => o.RefreshToken = "refresh-S3cr3t");
        host.Http.When(HttpMethod.Post, SaltoKsTestHost.TokenEndpoint).WithFormData("grant_type", "refresh_token")
            .Respond(HttpStatusCode.BadRequest, "application/json", """{"error":"invalid_grant"}""");
        host.Http.When(HttpMethod.Post, SaltoKsTestHost.TokenEndpoint).WithFormData("grant_type", "password")
            .Respond("application/json", SaltoKsTestHost.TokenJson("access-S3cr3t", 3600, "rotated-S3cr3t"));
        host.Http.When(HttpMethod.Get, SaltoKsTestHost.Api + "/v1.2/sites/s1").Respond("application/json", """{"id":"s1"}""");

        await host.Client.GetSiteAsync("s1");

        Assert.NotEmpty(host.Logs.GetSnapshot());
        Assert.All(host.Logs.GetSnapshot(), r => Assert.DoesNotContain("S3cr3t", r.Message + r.Exception, StringComparison.Ordinal));
    }

    private sealed class GatedTokenEndpoint : HttpMessageHandler
    {
        public TaskCompletionSource FirstRequest { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            FirstRequest.TrySetResult();
            await Release.Task;
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(SaltoKsTestHost.TokenJson(SaltoKsTestHost.AccessToken, 3600, null), Encoding.UTF8, "application/json"),
            };
        }
    }
}
