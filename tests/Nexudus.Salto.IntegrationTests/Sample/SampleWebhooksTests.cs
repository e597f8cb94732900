using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.Testing;
using Nexudus.Salto.Webhooks;

namespace Nexudus.Salto.IntegrationTests.Sample;

/// <summary><c>webhooks</c>, <c>doctor</c>'s webhook check and <c>watch</c> serving the endpoint, against the demo space.</summary>
public sealed class SampleWebhooksTests : IAsyncLifetime
{
    private const string PublicUrl = "https://access.example.com/webhooks/nexudus";

    private DemoSandboxes _sandboxes = null!;

    public async Task InitializeAsync() => _sandboxes = await DemoSandboxes.StartAsync();

    public async Task DisposeAsync() => await _sandboxes.DisposeAsync();

    private string[] Args(string command, params string[] extra) =>
        _sandboxes.Args(command, [$"--SaltoIntegration:Webhooks:PublicUrl={PublicUrl}", .. extra]);

    [Fact]
    public async Task Webhooks_NoneRegistered_RegistersEveryNeededOneAndARerunChangesNothing()
    {
        var first = await SampleRun.StartAsync(Args("webhooks"));
        var hooks = _sandboxes.Nexudus.GetAll<Webhook>();
        var second = await SampleRun.StartAsync(Args("webhooks"));

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        var needed = NexudusWebhookRegistrar.Actions.Count * 2; // two linked locations
        Assert.Equal(needed, hooks.Count);
        Assert.Contains($"{needed} webhook(s) needed; {needed} created or replaced", first.Stdout, StringComparison.Ordinal);
        Assert.Contains($"{needed} webhook(s) needed; 0 created or replaced", second.Stdout, StringComparison.Ordinal);
        Assert.Equal(hooks.Select(h => h.Id).Order(), _sandboxes.Nexudus.GetAll<Webhook>().Select(h => h.Id).Order());
    }

    [Fact]
    public async Task Webhooks_NoPublicUrl_ExitsOneAndNamesTheKey()
    {
        var run = await SampleRun.StartAsync(_sandboxes.Args("webhooks"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("SaltoIntegration:Webhooks:PublicUrl", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(_sandboxes.Nexudus.GetAll<Webhook>());
    }

    [Fact]
    public async Task Doctor_WebhookDisabledByNexudus_ReportsItWithTheLastError()
    {
        await SampleRun.StartAsync(Args("webhooks"));
        var hook = _sandboxes.Nexudus.GetAll<Webhook>().First(h => h.Action == WebhookAction.BookingCreate);
        _sandboxes.Nexudus.Put(hook with { Active = false, ErrorCount = 6, LastError = "The endpoint answered 502." });

        var run = await SampleRun.StartAsync(Args("doctor"));

        Assert.Contains("BookingCreate", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("disabled by Nexudus after 6 failed", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("webhooks", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_WithASharedSecret_ServesTheEndpointAndHealthz()
    {
        const string secret = "sample-watch-secret";
        var port = FreePort();
        var baseUrl = new Uri($"http://127.0.0.1:{port}/");
        using var stop = new CancellationTokenSource();
        var watching = SampleRun.StartAsync(Args("watch", $"--urls={baseUrl}", $"--SaltoIntegration:Webhooks:SharedSecret={secret}"), stop.Token);
        using var http = new HttpClient { BaseAddress = baseUrl };

        await Eventually(async () =>
        {
            try
            {
                using var health = await http.GetAsync(new Uri("healthz", UriKind.Relative));
                return health.StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        });
        const string body = """[{"Id":1,"CoworkerId":2}]""";
        using var unsigned = await http.PostAsync(new Uri("webhooks/nexudus/BookingCreate", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
        using var signedRequest = new HttpRequestMessage(HttpMethod.Post, new Uri("webhooks/nexudus/BookingCreate", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        signedRequest.Headers.Add(NexudusWebhookVerifier.SignatureHeaderName, Convert.ToHexString(HMACSHA256.HashData(Encoding.ASCII.GetBytes(secret), Encoding.UTF8.GetBytes(body))));
        using var signed = await http.SendAsync(signedRequest);
        await stop.CancelAsync();
        var run = await watching;

        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Serving Nexudus webhooks", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!await condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token);
        }
    }
}
