using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Nexudus.Salto.Nexudus;
using RichardSzalay.MockHttp;

namespace Nexudus.Salto.Tests.Nexudus;

public sealed class NexudusTokenLifecycleTests
{
    private const string Coworker = NexudusHarness.BaseUrl + "api/spaces/coworkers/1";
    private const string CoworkerJson = """{"Id":1}""";

    [Fact]
    public async Task FirstCall_PasswordGrant_IsFormEncodedWithClientIdInFormAndHeader()
    {
        using var harness = NexudusHarness.Create();
        var token = new CapturedToken();
        harness.Http.Expect(HttpMethod.Post, NexudusHarness.TokenUrl)
            .With(token.Capture)
            .Respond("application/json", NexudusHarness.TokenJson("a1", "r1", 3600));
        harness.Http.Expect(HttpMethod.Get, Coworker).WithHeaders("Authorization", "Bearer a1").Respond("application/json", CoworkerJson);

        await harness.Client.GetCoworkerAsync(1);

        Assert.Equal("application/x-www-form-urlencoded", token.ContentType);
        Assert.Equal(
            "grant_type=password&username=admin%40example.com&password=Pa55-w0rd-secret&client_id=" + NexudusHarness.ClientId,
            token.Body);
        Assert.Equal(NexudusHarness.ClientId, token.ClientIdHeader);
        Assert.Null(token.Authorization);
        harness.Http.VerifyNoOutstandingExpectation();
    }

    [Theory]
    [InlineData(NexudusClientIdPlacement.Header, false, true)]
    [InlineData(NexudusClientIdPlacement.Form, true, false)]
    [InlineData(NexudusClientIdPlacement.Both, true, true)]
    public async Task PasswordGrant_ClientIdPlacement_PutsClientIdWhereConfigured(NexudusClientIdPlacement placement, bool inForm, bool inHeader)
    {
        using var harness = NexudusHarness.Create(o => o.ClientIdPlacement = placement);
        var token = new CapturedToken();
        harness.Http.When(HttpMethod.Post, NexudusHarness.TokenUrl).With(token.Capture).Respond("application/json", NexudusHarness.TokenJson("a1", "r1", 3600));
        harness.Http.When(HttpMethod.Get, Coworker).Respond("application/json", CoworkerJson);

        await harness.Client.GetCoworkerAsync(1);

        Assert.Equal(inForm, token.Body!.Contains("client_id=" + NexudusHarness.ClientId, StringComparison.Ordinal));
        Assert.Equal(inHeader ? NexudusHarness.ClientId : null, token.ClientIdHeader);
    }

    [Fact]
    public async Task PasswordGrant_NoClientId_SendsNone()
    {
        using var harness = NexudusHarness.Create(o => o.ClientId = null);
        var token = new CapturedToken();
        harness.Http.When(HttpMethod.Post, NexudusHarness.TokenUrl).With(token.Capture).Respond("application/json", NexudusHarness.TokenJson("a1", "r1", 3600));
        harness.Http.When(HttpMethod.Get, Coworker).Respond("application/json", CoworkerJson);

        await harness.Client.GetCoworkerAsync(1);

        Assert.Equal("grant_type=password&username=admin%40example.com&password=Pa55-w0rd-secret", token.Body);
        Assert.Null(token.ClientIdHeader);
    }

    [Fact]
    public async Task PasswordGrant_TotpProviderRegistered_AddsCurrentCode()
    {
        using var harness = NexudusHarness.Create(services: s => s.AddSingleton<INexudusTotpProvider>(new FixedTotp("654321")));
        var token = new CapturedToken();
        harness.Http.When(HttpMethod.Post, NexudusHarness.TokenUrl).With(token.Capture).Respond("application/json", NexudusHarness.TokenJson("a1", "r1", 3600));
        harness.Http.When(HttpMethod.Get, Coworker).Respond("application/json", CoworkerJson);

        await harness.Client.GetCoworkerAsync(1);

        Assert.Contains("&totp=654321&", token.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("654321", harness.AllLogText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calls_TokenStillValid_ReuseIt()
    {
        using var harness = NexudusHarness.Create();
        var token = harness.Http.When(HttpMethod.Post, NexudusHarness.TokenUrl).Respond("application/json", NexudusHarness.TokenJson("a1", "r1", 3600));
        harness.Http.When(HttpMethod.Get, Coworker).WithHeaders("Authorization", "Bearer a1").Respond("application/json", CoworkerJson);

        await harness.Client.GetCoworkerAsync(1);
        harness.Time.Advance(TimeSpan.FromMinutes(57)); // 3 minutes before expiry, outside the 2-minute lead
        await harness.Client.GetCoworkerAsync(1);

        Assert.Equal(1, harness.Http.GetMatchCount(token));
    }

    [Fact]
    public async Task Call_WithinLeadTimeOfExpiry_RefreshesWithRefreshTokenAndClientId()
    {
        using var harness = NexudusHarness.Create();
        harness.Http.Expect(HttpMethod.Post, NexudusHarness.TokenUrl).Respond("application/json", NexudusHarness.TokenJson("a1", "r1", 3600));
        harness.Http.Expect(HttpMethod.Get, Coworker).WithHeaders("Authorization", "Bearer a1").Respond("application/json", CoworkerJson);
        var refresh = new CapturedToken();
        harness.Http.Expect(HttpMethod.Post, NexudusHarness.TokenUrl).With(refresh.Capture).Respond("application/json", NexudusHarness.TokenJson("a2", "r2", 3600));
        harness.Http.Expect(HttpMethod.Get, Coworker).WithHeaders("Authorization", "Bearer a2").Respond("application/json", CoworkerJson);

        await harness.Client.GetCoworkerAsync(1);
        harness.Time.Advance(TimeSpan.FromSeconds(3600 - 119));
        await harness.Client.GetCoworkerAsync(1);

        Assert.Equal("grant_type=refresh_token&refresh_token=r1&client_id=" + NexudusHarness.ClientId, refresh.Body);
        harness.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task SecondRefresh_AfterRotation_SendsTheNewRefreshToken()
    {
        using var harness = NexudusHarness.Create();
        harness.Http.Expect(HttpMethod.Post, NexudusHarness.TokenUrl).Respond("application/json", NexudusHarness.TokenJson("a1", "r1", 600));
        harness.Http.Expect(HttpMethod.Post, NexudusHarness.TokenUrl).WithFormData("refresh_token", "r1").Respond("application/json", NexudusHarness.TokenJson("a2", "r2", 600));
        harness.Http.Expect(HttpMethod.Post, NexudusHarness.TokenUrl).WithFormData("refresh_token", "r2").Respond("application/json", NexudusHarness.TokenJson("a3", "r3", 600));
        harness.Http.When(HttpMethod.Get, Coworker).Respond("application/json", CoworkerJson);

        await harness.Client.GetCoworkerAsync(1);
        harness.Time.Advance(TimeSpan.FromMinutes(10));
        await harness.Client.GetCoworkerAsync(1);
        harness.Time.Advance(TimeSpan.FromMinutes(10));
        await harness.Client.GetCoworkerAsync(1);

        harness.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task Refresh_Rejected_FallsBackToPasswordGrant()
    {
        using var harness = NexudusHarness.Create();
        harness.Http.Expect(HttpMethod.Post, NexudusHarness.TokenUrl).Respond("application/json", NexudusHarness.TokenJson("a1", "r1", 600));
        harness.Http.Expect(HttpMethod.Get, Coworker).WithHeaders("Authorization", "Bearer a1").Respond("application/json", CoworkerJson);
        harness.Http.Expect(HttpMethod.Post, NexudusHarness.TokenUrl).WithFormData("grant_type", "refresh_token")
            .Respond(HttpStatusCode.BadRequest, "application/json", """{"error":"invalid_grant","error_description":"The refresh token is invalid."}""");
        harness.Http.Expect(HttpMethod.Post, NexudusHarness.TokenUrl).WithFormData("grant_type", "password").Respond("application/json", NexudusHarness.TokenJson("a2", "r2", 600));
        harness.Http.Expect(HttpMethod.Get, Coworker).WithHeaders("Authorization", "Bearer a2").Respond("application/json", CoworkerJson);

        await harness.Client.GetCoworkerAsync(1);
        harness.Time.Advance(TimeSpan.FromMinutes(10));
        await harness.Client.GetCoworkerAsync(1);

        harness.Http.VerifyNoOutstandingExpectation();
        Assert.Contains(harness.Logs.GetSnapshot(), r => r.Id.Id == 3103);
    }

    [Fact]
    public async Task RefreshToken_OlderThanItsLifetime_IsNotUsed()
    {
        using var harness = NexudusHarness.Create(o => o.RefreshTokenLifetime = TimeSpan.FromHours(1));
        var refresh = harness.Http.When(HttpMethod.Post, NexudusHarness.TokenUrl).WithFormData("grant_type", "refresh_token").Respond("application/json", NexudusHarness.TokenJson("a2", "r2", 600));
        var password = harness.Http.When(HttpMethod.Post, NexudusHarness.TokenUrl).WithFormData("grant_type", "password").Respond("application/json", NexudusHarness.TokenJson("a1", "r1", 600));
        harness.Http.When(HttpMethod.Get, Coworker).Respond("application/json", CoworkerJson);

        await harness.Client.GetCoworkerAsync(1);
        harness.Time.Advance(TimeSpan.FromHours(2));
        await harness.Client.GetCoworkerAsync(1);

        Assert.Equal(0, harness.Http.GetMatchCount(refresh));
        Assert.Equal(2, harness.Http.GetMatchCount(password));
    }

    [Fact]
    public async Task ConcurrentCalls_TokenDue_ShareOneRefresh()
    {
        using var harness = NexudusHarness.Create();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Http.When(HttpMethod.Post, NexudusHarness.TokenUrl).WithFormData("grant_type", "password")
            .Respond("application/json", NexudusHarness.TokenJson("a1", "r1", 600));
        var refresh = harness.Http.When(HttpMethod.Post, NexudusHarness.TokenUrl).WithFormData("grant_type", "refresh_token");
        refresh.Respond(async () =>
            {
                await release.Task;
                return NexudusHarness.Json(HttpStatusCode.OK, NexudusHarness.TokenJson("a2", "r2", 600));
            });
        var withNewToken = harness.Http.When(HttpMethod.Get, Coworker).WithHeaders("Authorization", "Bearer a2").Respond("application/json", CoworkerJson);
        harness.Http.When(HttpMethod.Get, Coworker).WithHeaders("Authorization", "Bearer a1").Respond("application/json", CoworkerJson);
        await harness.Client.GetCoworkerAsync(1);
        harness.Time.Advance(TimeSpan.FromMinutes(10));

        var calls = Enumerable.Range(0, 8).Select(_ => harness.Client.GetCoworkerAsync(1)).ToList();
        await Task.Delay(50);
        release.SetResult();
        await Task.WhenAll(calls);

        Assert.Equal(1, harness.Http.GetMatchCount(refresh));
        Assert.Equal(8, harness.Http.GetMatchCount(withNewToken));
    }

    [Fact]
    public async Task Call_Answered401_RenewsTokenAndRetriesOnce()
    {
        using var harness = NexudusHarness.Create();
        harness.Http.Expect(HttpMethod.Post, NexudusHarness.TokenUrl).Respond("application/json", NexudusHarness.TokenJson("a1", "r1", 3600));
        harness.Http.Expect(HttpMethod.Get, Coworker).WithHeaders("Authorization", "Bearer a1").Respond(HttpStatusCode.Unauthorized);
        harness.Http.Expect(HttpMethod.Post, NexudusHarness.TokenUrl).WithFormData("refresh_token", "r1").Respond("application/json", NexudusHarness.TokenJson("a2", "r2", 3600));
        harness.Http.Expect(HttpMethod.Get, Coworker).WithHeaders("Authorization", "Bearer a2").Respond("application/json", CoworkerJson);

        var coworker = await harness.Client.GetCoworkerAsync(1);

        Assert.Equal(1L, coworker.Id);
        harness.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task Call_Answered401Twice_ThrowsAuthenticationAfterOneRetry()
    {
        using var harness = NexudusHarness.WithToken();
        var call = harness.Http.When(HttpMethod.Get, Coworker).Respond(HttpStatusCode.Unauthorized);

        var error = await Assert.ThrowsAsync<NexudusAuthenticationException>(() => harness.Client.GetCoworkerAsync(1));

        Assert.Equal(401, error.Status);
        Assert.Equal(2, harness.Http.GetMatchCount(call));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/json")]
    public async Task PasswordGrant_ErrorEchoesTheFormBody_NeitherThePasswordNorItsEncodingLeaks(string mediaType)
    {
        const string password = "Pa55 w0rd!&=secret";
        using var harness = NexudusHarness.Create(o => o.Password = password);
        var echoed = $"Bad request: grant_type=password&username=admin%40example.com&password={Uri.EscapeDataString(password)} " +
                     $"(form: password={System.Net.WebUtility.UrlEncode(password)}; raw {password})";
        harness.Http.When(HttpMethod.Post, NexudusHarness.TokenUrl).Respond(HttpStatusCode.BadRequest, mediaType, echoed);

        var error = await Assert.ThrowsAsync<NexudusAuthenticationException>(() => harness.Client.GetCoworkerAsync(1));

        var everything = error.ToString() + error.BodyExcerpt + harness.AllLogText();
        Assert.DoesNotContain(Uri.EscapeDataString(password), everything, StringComparison.Ordinal);
        Assert.DoesNotContain(System.Net.WebUtility.UrlEncode(password), everything, StringComparison.Ordinal);
        Assert.DoesNotContain("Pa55", everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PasswordGrant_InvalidGrant_ThrowsAuthenticationWithoutThePassword()
    {
        using var harness = NexudusHarness.Create();
        harness.Http.When(HttpMethod.Post, NexudusHarness.TokenUrl)
            .Respond(HttpStatusCode.BadRequest, "application/json", """{"error":"invalid_grant","error_description":"The user name or password is incorrect."}""");

        var error = await Assert.ThrowsAsync<NexudusAuthenticationException>(() => harness.Client.GetCoworkerAsync(1));

        Assert.Equal("invalid_grant", error.ErrorCode);
        Assert.Equal(400, error.Status);
        Assert.Contains("The user name or password is incorrect.", error.Message);
        Assert.DoesNotContain(NexudusHarness.Password, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(NexudusHarness.Password, harness.AllLogText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Renewal_FailsWhileTokenStillValid_KeepsUsingTheCurrentToken()
    {
        using var harness = NexudusHarness.Create(o => o.MaxRetryAttempts = 0);
        harness.Http.Expect(HttpMethod.Post, NexudusHarness.TokenUrl).Respond("application/json", NexudusHarness.TokenJson("a1", "r1", 3600));
        harness.Http.When(HttpMethod.Post, NexudusHarness.TokenUrl).Respond(HttpStatusCode.ServiceUnavailable);
        var withOldToken = harness.Http.When(HttpMethod.Get, Coworker).WithHeaders("Authorization", "Bearer a1").Respond("application/json", CoworkerJson);

        await harness.Client.GetCoworkerAsync(1);
        harness.Time.Advance(TimeSpan.FromSeconds(3600 - 60));
        await harness.Client.GetCoworkerAsync(1);

        Assert.Equal(2, harness.Http.GetMatchCount(withOldToken));
        Assert.Contains(harness.Logs.GetSnapshot(), r => r.Id.Id == 3107);
    }

    [Fact]
    public async Task BasicMode_Call_SendsCredentialsAndNoTokenRequest()
    {
        using var harness = NexudusHarness.Create(o => o.AuthenticationMode = NexudusAuthenticationMode.Basic);
        var token = harness.Http.When(HttpMethod.Post, NexudusHarness.TokenUrl).Respond("application/json", NexudusHarness.TokenJson("a1", "r1", 3600));
        var expected = Convert.ToBase64String(Encoding.UTF8.GetBytes(NexudusHarness.Username + ":" + NexudusHarness.Password));
        harness.Http.Expect(HttpMethod.Get, Coworker).WithHeaders("Authorization", "Basic " + expected).Respond("application/json", CoworkerJson);

        await harness.Client.GetCoworkerAsync(1);

        harness.Http.VerifyNoOutstandingExpectation();
        Assert.Equal(0, harness.Http.GetMatchCount(token));
    }

    [Fact]
    public async Task Logs_WholeTokenLifecycle_NeverContainTokensOrPassword()
    {
        using var harness = NexudusHarness.Create();
        harness.Http.Expect(HttpMethod.Post, NexudusHarness.TokenUrl).Respond("application/json", NexudusHarness.TokenJson("secret-access-1", "secret-refresh-1", 600));
        harness.Http.Expect(HttpMethod.Get, Coworker).Respond(HttpStatusCode.Unauthorized);
        harness.Http.Expect(HttpMethod.Post, NexudusHarness.TokenUrl).Respond("application/json", NexudusHarness.TokenJson("secret-access-2", "secret-refresh-2", 600));
        harness.Http.Expect(HttpMethod.Get, Coworker).Respond("application/json", CoworkerJson);

        await harness.Client.GetCoworkerAsync(1);

        var logs = harness.AllLogText();
        Assert.NotEmpty(harness.Logs.GetSnapshot());
        Assert.DoesNotContain("secret-access", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-refresh", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(NexudusHarness.Password, logs, StringComparison.Ordinal);
    }

    private sealed class CapturedToken
    {
        public string? Body { get; private set; }

        public string? ContentType { get; private set; }

        public string? ClientIdHeader { get; private set; }

        public string? Authorization { get; private set; }

        public bool Capture(HttpRequestMessage request)
        {
            Body = request.Content!.ReadAsStringAsync().GetAwaiter().GetResult();
            ContentType = request.Content.Headers.ContentType?.MediaType;
            ClientIdHeader = request.Headers.TryGetValues("client_id", out var values) ? values.Single() : null;
            Authorization = request.Headers.Authorization?.ToString();
            return true;
        }
    }

    private sealed class FixedTotp(string code) : INexudusTotpProvider
    {
        public ValueTask<string?> GetCodeAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult<string?>(code);
    }
}
