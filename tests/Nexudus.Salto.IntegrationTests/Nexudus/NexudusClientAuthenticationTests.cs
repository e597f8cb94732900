using Microsoft.Extensions.DependencyInjection;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.Testing;

namespace Nexudus.Salto.IntegrationTests.Nexudus;

/// <summary>
/// How the client signs in to the sandbox: where <c>client_id</c> travels (unconfirmed: header or
/// form field), HTTP Basic, and two-factor codes.
/// </summary>
public sealed class NexudusClientAuthenticationTests
{
    [Theory]
    [InlineData(NexudusClientIdSources.Header)]
    [InlineData(NexudusClientIdSources.FormField)]
    public async Task GetCoworkerAsync_TwoIntegrationsWithTheirOwnClientIds_KeepEachOthersRefreshTokens(NexudusClientIdSources serverReads)
    {
        // Nexudus keeps one refresh token per client_id: had the second integration's client_id
        // not reached the server, its sign-in would have spent the first one's refresh token.
        await using var env = await NexudusSandboxEnvironment.StartAsync(s => s.ClientIdSources = serverReads);
        var id = env.World!.Customer(NexudusWorld.Member(1)).Id;
        var other = env.CreateIndependentClient(o => o.ClientId = "a0c4f1e2-7b7d-4a52-9d1e-3f5b6c7d8e9f");
        await env.Client.GetCoworkerAsync(id);
        await other.GetCoworkerAsync(id);
        env.Sandbox.ExpireAccessTokens();
        env.Sandbox.Requests.Clear();

        await env.Client.GetCoworkerAsync(id);

        Assert.Equal(
            [$"GET /api/spaces/coworkers/{id} 401", "POST /api/token 200", $"GET /api/spaces/coworkers/{id} 200"],
            env.RequestsTo("/api/"));
    }

    [Fact]
    public async Task GetCoworkerAsync_TwoIntegrationsSharingOneClientId_FirstLosesItsRefreshTokenAndSignsInAgain()
    {
        // The documented pitfall the test above guards against: the second sign-in for the same
        // client_id invalidated the first integration's refresh token.
        await using var env = await NexudusSandboxEnvironment.StartAsync();
        var id = env.World!.Customer(NexudusWorld.Member(1)).Id;
        var other = env.CreateIndependentClient();
        await env.Client.GetCoworkerAsync(id);
        await other.GetCoworkerAsync(id);
        env.Sandbox.ExpireAccessTokens();
        env.Sandbox.Requests.Clear();

        await env.Client.GetCoworkerAsync(id);

        Assert.Equal(
            [$"GET /api/spaces/coworkers/{id} 401", "POST /api/token 400", "POST /api/token 200", $"GET /api/spaces/coworkers/{id} 200"],
            env.RequestsTo("/api/"));
    }

    [Fact]
    public async Task GetCoworkerAsync_BasicAuthentication_SucceedsWithoutAskingForAToken()
    {
        await using var env = await NexudusSandboxEnvironment.StartAsync(configureClient: o => o.AuthenticationMode = NexudusAuthenticationMode.Basic);
        var id = env.World!.Customer(NexudusWorld.Member(1)).Id;

        var coworker = await env.Client.GetCoworkerAsync(id);

        Assert.Equal(id, coworker.Id);
        Assert.Equal([$"GET /api/spaces/coworkers/{id} 200"], env.RequestsTo("/api/"));
    }

    [Fact]
    public async Task GetCoworkerAsync_UserWithTwoFactorAndACodeProvider_SignsInWithTheCode()
    {
        await using var env = await NexudusSandboxEnvironment.StartAsync(
            s => s.TotpCode = "492039",
            configureHttp: http => http.Services.AddSingleton<INexudusTotpProvider>(new FixedCode("492039")));
        var id = env.World!.Customer(NexudusWorld.Member(1)).Id;

        var coworker = await env.Client.GetCoworkerAsync(id);

        Assert.Equal(id, coworker.Id);
    }

    [Fact]
    public async Task GetCoworkerAsync_UserWithTwoFactorButNoCode_ThrowsAuthenticationExceptionWithoutTheCredentials()
    {
        await using var env = await NexudusSandboxEnvironment.StartAsync(s => s.TotpCode = "492039");

        var error = await Assert.ThrowsAsync<NexudusAuthenticationException>(() => env.Client.GetCoworkerAsync(1414000003));

        Assert.Equal("invalid_grant", error.ErrorCode);
        Assert.DoesNotContain(env.Sandbox.Password, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("492039", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, env.Sandbox.Requests.Count("GET", "/api/spaces/**"));
    }

    private sealed class FixedCode(string code) : INexudusTotpProvider
    {
        public ValueTask<string?> GetCodeAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult<string?>(code);
    }
}
