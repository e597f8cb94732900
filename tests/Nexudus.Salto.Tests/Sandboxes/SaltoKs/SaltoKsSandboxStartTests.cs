using System.Net;
using Nexudus.Salto.Testing;

namespace Nexudus.Salto.Tests.Sandboxes.SaltoKs;

/// <summary>Starting, addressing and stopping a sandbox.</summary>
public sealed class SaltoKsSandboxStartTests
{
    [Fact]
    public async Task StartAsync_Defaults_ServesOnALoopbackPortWithIdentityUnderIt()
    {
        await using SaltoKsSandbox sandbox = await SaltoKsSandbox.StartAsync();

        Assert.True(sandbox.BaseUrl.IsLoopback);
        Assert.NotEqual(0, sandbox.BaseUrl.Port);
        Assert.Equal(new Uri(sandbox.BaseUrl, "identity/"), sandbox.IdentityUrl);
        Assert.Equal(new Uri(sandbox.BaseUrl, "identity/connect/token"), sandbox.TokenEndpoint);
    }

    [Fact]
    public async Task StartAsync_TwoSandboxes_GetDifferentPorts()
    {
        await using SaltoKsSandbox first = await SaltoKsSandbox.StartAsync();
        await using SaltoKsSandbox second = await SaltoKsSandbox.StartAsync();

        Assert.NotEqual(first.BaseUrl.Port, second.BaseUrl.Port);
    }

    [Fact]
    public async Task StartAsync_OptionsChangedAfterStart_DoNotAffectTheRunningSandbox()
    {
        var options = new SaltoKsSandboxOptions { ClientSecret = "first-secret" };
        await using SaltoKsSandbox sandbox = await SaltoKsSandbox.StartAsync(options);

        options.ClientSecret = "changed";

        Assert.Equal("first-secret", sandbox.ClientSecret);
    }

    [Fact]
    public async Task DisposeAsync_StopsServing()
    {
        SaltoKsSandbox sandbox = await SaltoKsSandbox.StartAsync();
        Uri sites = new(sandbox.BaseUrl, "v1.1/sites");
        using var client = new HttpClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(sites)).StatusCode);

        await sandbox.DisposeAsync();

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(sites));
    }
}
