using System.Net.Sockets;
using Nexudus.Salto.Tests.SaltoKs;
using RichardSzalay.MockHttp;

namespace Nexudus.Salto.Tests.Reliability;

/// <summary>Failures retrying cannot fix (DNS, refused, TLS) fail the SALTO KS call at once instead of after every retry.</summary>
public sealed class FailFastTests
{
    [Theory]
    [InlineData("refused")]
    [InlineData("dns")]
    [InlineData("tls")]
    public async Task GetSiteAsync_FailureRetryingCannotFix_IsNotRetried(string kind)
    {
        using var host = new SaltoKsTestHost(o => o.MaxRetryAttempts = 3);
        host.AcceptTokenRequests();
        HttpRequestException failure = kind switch
        {
            "refused" => new(HttpRequestError.ConnectionError, "Connection refused", new SocketException((int)SocketError.ConnectionRefused)),
            "dns" => new(HttpRequestError.NameResolutionError, "Name or service not known", new SocketException((int)SocketError.HostNotFound)),
            _ => new(HttpRequestError.SecureConnectionError, "The SSL connection could not be established", new System.Security.Authentication.AuthenticationException("bad certificate")),
        };
        MockedRequest api = host.Http.When(HttpMethod.Get, SaltoKsTestHost.Api + "/v1.2/sites/s1").Throw(failure);

        await Assert.ThrowsAnyAsync<Exception>(() => host.AdvanceUntilDoneAsync(host.Client.GetSiteAsync("s1")));

        Assert.Equal(1, host.Http.GetMatchCount(api));
    }

    [Fact]
    public async Task GetSiteAsync_DroppedConnection_IsStillRetried()
    {
        using var host = new SaltoKsTestHost(o => o.MaxRetryAttempts = 2);
        host.AcceptTokenRequests();
        MockedRequest api = host.Http.When(HttpMethod.Get, SaltoKsTestHost.Api + "/v1.2/sites/s1")
            .Throw(new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely."));

        await Assert.ThrowsAnyAsync<Exception>(() => host.AdvanceUntilDoneAsync(host.Client.GetSiteAsync("s1")));

        Assert.Equal(3, host.Http.GetMatchCount(api));
    }
}
