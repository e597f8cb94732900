using System.Net;
using Nexudus.Salto.SaltoKs;
using Nexudus.Salto.Sync;
using RichardSzalay.MockHttp;

namespace Nexudus.Salto.Tests.SaltoKs;

/// <summary>The exact requests of the guest and PIN calls, and how their answers are read.</summary>
public sealed class SaltoKsGuestRequestTests : IDisposable
{
    private const string GuestJson =
        """{"id":"su-g","user":{"id":"pu-g","email":null},"roles":[{"id":"r-g","code":"site_guest"}],"alias":"Grace Guest","subscription_state":"subscribed","use_pin":false,"expires_at":"2025-03-04T11:15:00Z"}""";

    private readonly SaltoKsTestHost _host = new();

    public SaltoKsGuestRequestTests() => _host.AcceptTokenRequests();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task CreateGuestAsync_Always_PostsV12GuestsWithAliasAndUtcExpiry()
    {
        _host.ExpectApiJson(HttpMethod.Post, "/v1.2/sites/s1/guests", """{"alias":"Grace Guest","expires_at":"2025-03-04T11:15:00Z"}""")
            .Respond(HttpStatusCode.Created, "application/json", GuestJson);

        SiteUser guest = await _host.Client.CreateGuestAsync(
            "s1", new GuestCreateRequest { Alias = "Grace Guest", ExpiresAt = new DateTimeOffset(2025, 3, 4, 12, 15, 0, TimeSpan.FromHours(1)) });

        Assert.Equal((new SiteUserId("su-g"), new PlatformUserId("pu-g"), SubscriptionState.Subscribed), (guest.Id, guest.User?.Id, guest.SubscriptionState));
        Assert.Equal("site_guest", Assert.Single(guest.Roles).Code);
        _host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task CreateGuestAsync_ServerError_IsNotRetried()
    {
        MockedRequest post = _host.Http.When(HttpMethod.Post, SaltoKsTestHost.Api + "/v1.2/sites/s1/guests").Respond(HttpStatusCode.InternalServerError);

        await Assert.ThrowsAnyAsync<SaltoKsApiException>(() => _host.Client.CreateGuestAsync("s1", new GuestCreateRequest { Alias = "Grace Guest" }));

        Assert.Equal(1, _host.Http.GetMatchCount(post));
    }

    [Fact]
    public async Task IssuePinAsync_WithExpiry_PutsV12PinWithExpiryDateAndReadsTheBareString()
    {
        _host.ExpectApiJson(HttpMethod.Put, "/v1.2/sites/s1/users/su-g/pin", """{"expiry_date":"2025-03-04T11:15:00Z"}""")
            .Respond("application/json", "\"525149\"");

        string pin = await _host.Client.IssuePinAsync("s1", new SiteUserId("su-g"), new DateTimeOffset(2025, 3, 4, 11, 15, 0, TimeSpan.Zero));

        Assert.Equal("525149", pin);
        _host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task IssuePinAsync_WithoutExpiry_PutsAnEmptyObject()
    {
        _host.ExpectApiJson(HttpMethod.Put, "/v1.2/sites/s1/users/su-g/pin", "{}").Respond("application/json", "\"007311\"");

        Assert.Equal("007311", await _host.Client.IssuePinAsync("s1", new SiteUserId("su-g")));
        _host.Http.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task IssuePinAsync_AnswerIsNotAString_ThrowsWithoutTheBody()
    {
        _host.ExpectApi(HttpMethod.Put, "/v1.2/sites/s1/users/su-g/pin").Respond("application/json", """{"pin":"918273"}""");

        var error = await Assert.ThrowsAsync<SaltoKsApiException>(() => _host.Client.IssuePinAsync("s1", new SiteUserId("su-g")));

        Assert.DoesNotContain("918273", error.ToString(), StringComparison.Ordinal);
        Assert.Null(error.BodyExcerpt);
    }

    [Fact]
    public async Task IssuePinAsync_ServerError_IsNotRetried()
    {
        MockedRequest put = _host.Http.When(HttpMethod.Put, SaltoKsTestHost.Api + "/v1.2/sites/s1/users/su-g/pin").Respond(HttpStatusCode.ServiceUnavailable);

        await Assert.ThrowsAnyAsync<SaltoKsApiException>(() => _host.Client.IssuePinAsync("s1", new SiteUserId("su-g")));

        Assert.Equal(1, _host.Http.GetMatchCount(put));
    }

    [Fact]
    public void GuestCredentialToString_Always_LeavesThePinOut()
    {
        var credential = new GuestCredential
        {
            Pin = "525149",
            Guest = new GuestChange
            {
                Kind = GuestChangeKind.Create,
                Source = GuestSource.BookingGuest,
                SiteId = "s1",
                Alias = "Grace Guest",
                Lineage = "guest of booking #1 by Sam",
                Outcome = SyncChangeOutcome.Applied,
            },
        };

        Assert.DoesNotContain("525149", credential.ToString(), StringComparison.Ordinal);
        Assert.Contains("Grace Guest", credential.ToString(), StringComparison.Ordinal);
    }
}
