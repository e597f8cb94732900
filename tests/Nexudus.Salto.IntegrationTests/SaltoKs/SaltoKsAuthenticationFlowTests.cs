using Nexudus.Salto.SaltoKs;
using static Nexudus.Salto.IntegrationTests.SaltoKs.SaltoKsClientOnSandbox;

namespace Nexudus.Salto.IntegrationTests.SaltoKs;

/// <summary>Logging in against the sandbox's identity server: the password grant, a stored refresh token, refusals.</summary>
public sealed class SaltoKsAuthenticationFlowTests
{
    private const string TokenRoute = "/identity/connect/token";

    [Fact]
    public async Task FirstCall_SecretAndPasswordWithReservedCharacters_LogsInAndSucceeds()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync(sandbox: o =>
        {
            o.ClientId = "nexudus sync+1";
            o.ClientSecret = "s3:cr%3t+/ &=é";
            o.Password = "p@ss: w%rd+&=";
        });

        Site site = await run.Client.GetSiteAsync(SiteId);

        Assert.Equal(SiteId, site.Id);
        Assert.Equal(200, Assert.Single(run.Served("POST", TokenRoute)).StatusCode);
    }

    [Fact]
    public async Task FirstCall_OnlyARefreshTokenFromAnEarlierLogin_UsesItAndSucceeds()
    {
        string? refreshToken = null;

        // Options are built when the client is first resolved, so the token issued below is the one configured.
        await using SaltoKsClientOnSandbox run = await StartAsync(client: o => (o.Username, o.Password, o.RefreshToken) = (null, null, refreshToken));
        refreshToken = run.Sandbox.IssueRefreshToken();

        Site site = await run.Client.GetSiteAsync(SiteId);

        Assert.Equal(SiteId, site.Id);
        Assert.Equal(200, Assert.Single(run.Served("POST", TokenRoute)).StatusCode);
        Assert.Equal("refresh_token", Assert.Single(run.Logs.GetSnapshot(), r => r.Id.Id == 4001).StructuredState!.Single(p => p.Key == "GrantType").Value);
    }

    [Fact]
    public async Task FirstCall_WrongPassword_ThrowsAuthenticationErrorWithoutThePassword()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync(client: o => o.Password = "not-the-S3cr3t");

        SaltoKsAuthenticationException error = await Assert.ThrowsAsync<SaltoKsAuthenticationException>(() => run.Client.GetSiteAsync(SiteId));

        Assert.DoesNotContain("not-the-S3cr3t", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(run.Served("GET", "/v1.2/sites/{site_id}"));
    }

    [Fact]
    public async Task FirstCall_WrongClientSecret_ThrowsAuthenticationError()
    {
        await using SaltoKsClientOnSandbox run = await StartAsync(client: o => o.ClientSecret = "other-secret");

        await Assert.ThrowsAsync<SaltoKsAuthenticationException>(() => run.Client.GetSiteAsync(SiteId));
        Assert.Empty(run.Served("GET", "/v1.2/sites/{site_id}"));
    }
}
