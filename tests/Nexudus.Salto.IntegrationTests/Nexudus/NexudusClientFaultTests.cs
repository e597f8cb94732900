using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.Testing;

namespace Nexudus.Salto.IntegrationTests.Nexudus;

/// <summary>
/// Whole flows of the real client against a failing sandbox: expired and revoked tokens, 5xx
/// bursts, dropped and refused connections, malformed bodies and HTML error pages. What is
/// repeated, and what is not, is read from the sandbox's request log and its stored records.
/// </summary>
public sealed class NexudusClientFaultTests
{
    private const string HtmlUnauthorized =
        "<!DOCTYPE html><html><head><title>401 - Unauthorized</title></head><body><h1>401 - Unauthorized</h1>" +
        "<p>You do not have permission to view this directory or page using the credentials that you supplied.</p></body></html>";

    [Fact]
    public async Task GetCoworkerAsync_AccessTokenExpired_RenewsItWithTheRefreshTokenAndSucceeds()
    {
        await using var env = await NexudusSandboxEnvironment.StartAsync();
        var id = env.World!.Customer(NexudusWorld.Member(1)).Id;
        await env.Client.GetCoworkerAsync(id);
        env.Sandbox.Requests.Clear();
        env.Sandbox.ExpireAccessTokens();

        var coworker = await env.Client.GetCoworkerAsync(id);

        Assert.Equal(id, coworker.Id);
        Assert.Equal(
            [$"GET /api/spaces/coworkers/{id} 401", "POST /api/token 200", $"GET /api/spaces/coworkers/{id} 200"],
            env.RequestsTo("/api/"));
        Assert.Equal(["password", "refresh_token"], GrantsObtained(env));
    }

    [Fact]
    public async Task GetCoworkerAsync_RefreshTokenRevokedToo_FallsBackToThePasswordGrantAndSucceeds()
    {
        await using var env = await NexudusSandboxEnvironment.StartAsync();
        var id = env.World!.Customer(NexudusWorld.Member(1)).Id;
        await env.Client.GetCoworkerAsync(id);
        env.Sandbox.Requests.Clear();
        env.Sandbox.ExpireAccessTokens();
        env.Sandbox.RevokeRefreshTokens();

        var coworker = await env.Client.GetCoworkerAsync(id);

        Assert.Equal(id, coworker.Id);
        Assert.Equal(
            [$"GET /api/spaces/coworkers/{id} 401", "POST /api/token 400", "POST /api/token 200", $"GET /api/spaces/coworkers/{id} 200"],
            env.RequestsTo("/api/"));
        Assert.Equal(["password", "password"], GrantsObtained(env));
        Assert.Single(env.Logs.GetSnapshot(), r => r.Id.Id == 3103); // "refresh failed; falling back"
    }

    [Fact]
    public async Task ListCoworkersAsync_BurstOf503OnARead_IsRetriedUntilItSucceeds()
    {
        await using var env = await NexudusSandboxEnvironment.StartAsync();
        env.Sandbox.Faults.Add(SandboxFaultRule.On("GET", "/api/spaces/coworkers", SandboxFault.HtmlError(503)).ForNextCalls(3));

        var coworkers = await env.Client.ListCoworkersAsync().ToListAsync();

        Assert.Equal(11, coworkers.Count);
        Assert.Equal(
            ["GET /api/spaces/coworkers?page=1&size=500 503", "GET /api/spaces/coworkers?page=1&size=500 503",
             "GET /api/spaces/coworkers?page=1&size=500 503", "GET /api/spaces/coworkers?page=1&size=500 200"],
            env.RequestsTo("/api/spaces/coworkers"));
    }

    [Fact]
    public async Task CreateCheckInAsync_503_IsNotRetriedBecauseTheCheckInMayExist()
    {
        await using var env = await NexudusSandboxEnvironment.StartAsync();
        env.Sandbox.Faults.Add(SandboxFaultRule.On("POST", "/api/spaces/checkins", SandboxFault.HtmlError(503)).ForNextCalls(1));
        var before = env.Sandbox.GetAll<CheckIn>();

        var error = await Assert.ThrowsAsync<NexudusApiException>(() => env.Client.CreateCheckInAsync(MemberCheckIn(env)));

        Assert.Equal(503, error.Status);
        Assert.DoesNotContain("<", error.Message, StringComparison.Ordinal);
        Assert.Equal(["POST /api/spaces/checkins 503"], env.RequestsTo("/api/spaces/checkins"));
        Assert.Equal(before, env.Sandbox.GetAll<CheckIn>());
    }

    [Fact]
    public async Task CreateCheckInAsync_ConnectionDroppedBeforeTheSandboxServedIt_IsStillNotRetried()
    {
        await using var env = await NexudusSandboxEnvironment.StartAsync();
        var before = env.Sandbox.GetAll<CheckIn>();
        await env.Client.GetCoworkerAsync(before[0].CoworkerId!.Value); // a pooled connection to drop
        env.Sandbox.Faults.Add(SandboxFaultRule.On("POST", "/api/spaces/checkins", SandboxFault.DropConnection()).ForNextCalls(1));

        var error = await Assert.ThrowsAsync<NexudusApiException>(() => env.Client.CreateCheckInAsync(MemberCheckIn(env)));

        Assert.Equal(0, error.Status);
        Assert.Equal("POST api/spaces/checkins", error.Endpoint);
        Assert.Contains("could not be completed", error.Message, StringComparison.Ordinal);
        Assert.Equal(["POST /api/spaces/checkins dropped"], env.RequestsTo("/api/spaces/checkins"));
        Assert.Equal(before, env.Sandbox.GetAll<CheckIn>());
    }

    [Fact]
    public async Task CreateCheckInAsync_AnswerLostAfterTheSandboxCreatedIt_IsNotRetriedSoExactlyOneCheckInExists()
    {
        // The worst case of a dropped connection: the check-in exists, the client cannot know.
        // Repeating the POST would create a second one; the client fails instead, clearly.
        await using var env = await NexudusSandboxEnvironment.StartAsync();
        var before = env.Sandbox.GetAll<CheckIn>();
        env.Sandbox.Faults.Add(SandboxFaultRule.On("POST", "/api/spaces/checkins", SandboxFault.DropResponse()).ForNextCalls(1));

        var error = await Assert.ThrowsAsync<NexudusApiException>(() => env.Client.CreateCheckInAsync(MemberCheckIn(env)));

        Assert.Equal(0, error.Status);
        Assert.Contains("could not be completed", error.Message, StringComparison.Ordinal);
        Assert.Equal(["POST /api/spaces/checkins dropped"], env.RequestsTo("/api/spaces/checkins"));
        var created = Assert.Single(env.Sandbox.GetAll<CheckIn>().ExceptBy(before.Select(c => c.Id), c => c.Id));
        Assert.Equal(MemberCheckIn(env).FromTime, created.FromTime);
    }

    [Fact]
    public async Task CreateCheckInAsync_ConnectionRefused_IsRetriedAndCreatesExactlyOneCheckIn()
    {
        // Nothing listens on the port the first connection goes to, so the service never saw the
        // create and repeating it is safe.
        var refused = ClosedLoopbackPort();
        var refuseNext = 1;
        await using var env = await NexudusSandboxEnvironment.StartAsync(configureHttp: http => http.ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var target = Interlocked.Exchange(ref refuseNext, 0) == 1 ? new DnsEndPoint("127.0.0.1", refused) : context.DnsEndPoint;
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(target, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        }));
        var before = env.Sandbox.GetAll<CheckIn>().Count;

        var id = await env.Client.CreateCheckInAsync(MemberCheckIn(env));

        Assert.Equal(0, refuseNext);
        Assert.Equal(["POST /api/spaces/checkins 200"], env.RequestsTo("/api/spaces/checkins"));
        Assert.Equal(before + 1, env.Sandbox.GetAll<CheckIn>().Count);
        Assert.NotNull(env.Sandbox.Get<CheckIn>(id));
        Assert.Contains(env.Logs.GetSnapshot(), r => r.Id.Id == 3105 && r.Message.Contains("HttpRequestException", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetCoworkerAsync_BodyCutOffHalfWay_ThrowsApiExceptionNamingTheEndpointAndJsonPath()
    {
        await using var env = await NexudusSandboxEnvironment.StartAsync();
        var id = env.World!.Customer(NexudusWorld.Member(1)).Id;
        env.Sandbox.Faults.Add(SandboxFaultRule.On("GET", "/api/spaces/coworkers/*", SandboxFault.MalformedBody()));

        var error = await Assert.ThrowsAsync<NexudusApiException>(() => env.Client.GetCoworkerAsync(id));

        Assert.Equal("GET api/spaces/coworkers/{id}", error.Endpoint);
        Assert.Contains("GET api/spaces/coworkers/{id}", error.Message, StringComparison.Ordinal);
        Assert.Matches(@"could not be read at \$\S*", error.Message);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(error.InnerException);
        Assert.Equal(1, env.Sandbox.Requests.Count("GET", "/api/spaces/coworkers/*"));
    }

    [Fact]
    public async Task ListCoworkersAsync_FieldOfTheWrongType_ThrowsApiExceptionNamingTheRecordAndField()
    {
        await using var env = await NexudusSandboxEnvironment.StartAsync();
        env.Sandbox.Faults.Add(SandboxFaultRule.On("GET", "/api/spaces/coworkers", SandboxFault.Response(
            200,
            """{"Records":[{"Id":1414000003,"FullName":"Member 1","Active":true},{"Id":1414000004,"FullName":"Guest 1","Active":"yes"}],"CurrentPage":1,"HasNextPage":false}""")));

        var error = await Assert.ThrowsAsync<NexudusApiException>(() => env.Client.ListCoworkersAsync().ToListAsync().AsTask());

        Assert.Equal("GET api/spaces/coworkers", error.Endpoint);
        Assert.Contains("GET api/spaces/coworkers", error.Message, StringComparison.Ordinal);
        Assert.Contains("$.Records[1].Active", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("yes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCoworkerAsync_Html401Page_ThrowsAuthenticationExceptionWithoutTheHtml()
    {
        await using var env = await NexudusSandboxEnvironment.StartAsync();
        var id = env.World!.Customer(NexudusWorld.Member(1)).Id;
        env.Sandbox.Faults.Add(SandboxFaultRule.On("GET", "/api/spaces/coworkers/*", SandboxFault.Response(401, HtmlUnauthorized, "text/html; charset=utf-8")));

        var error = await Assert.ThrowsAsync<NexudusAuthenticationException>(() => env.Client.GetCoworkerAsync(id));

        Assert.Equal(401, error.Status);
        AssertNoHtml(error);
        Assert.Equal(2, env.Sandbox.Requests.Count("GET", "/api/spaces/coworkers/*")); // renewed the token once, then gave up
    }

    [Fact]
    public async Task GetCoworkerAsync_Html401FromTheTokenEndpoint_ThrowsAuthenticationExceptionWithoutTheHtml()
    {
        await using var env = await NexudusSandboxEnvironment.StartAsync();
        env.Sandbox.Faults.Add(SandboxFaultRule.On("POST", "/api/token", SandboxFault.Response(401, HtmlUnauthorized, "text/html; charset=utf-8")));

        var error = await Assert.ThrowsAsync<NexudusAuthenticationException>(() => env.Client.GetCoworkerAsync(1414000003));

        Assert.Equal(401, error.Status);
        Assert.Equal("POST api/token", error.Endpoint);
        AssertNoHtml(error);
        Assert.Equal(0, env.Sandbox.Requests.Count("GET", "/api/spaces/**"));
    }

    private static void AssertNoHtml(NexudusApiException error)
    {
        Assert.DoesNotContain("<", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("<", error.BodyExcerpt ?? string.Empty, StringComparison.Ordinal);

        // Also what a log of the whole exception would show (its stack trace has compiler-made "<>" names).
        var everything = error.ToString();
        Assert.DoesNotContain("<!DOCTYPE", everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<h1>", everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("permission to view this directory", everything, StringComparison.Ordinal);
    }

    private static CheckIn MemberCheckIn(NexudusSandboxEnvironment env) => new()
    {
        BusinessId = env.World!.Location("Central").Id,
        CoworkerId = env.World.Customer(NexudusWorld.Member(1)).Id,
        FromTime = NexudusSandboxEnvironment.Start.AddHours(1),
    };

    private static IReadOnlyList<string?> GrantsObtained(NexudusSandboxEnvironment env) =>
        [.. env.Logs.GetSnapshot().Where(r => r.Id.Id == 3102).Select(r => r.GetStructuredStateValue("GrantType"))];

    private static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
