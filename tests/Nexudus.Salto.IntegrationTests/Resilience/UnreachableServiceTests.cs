using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using Nexudus.Salto.Nexudus;
using Nexudus.Salto.SaltoKs;

namespace Nexudus.Salto.IntegrationTests.Resilience;

/// <summary>
/// Both clients against services they cannot reach, over real sockets: a host name that does not resolve
/// (<c>.invalid</c> never does), a TLS listener with a self-signed certificate, and a loopback port nothing listens
/// on. What retrying cannot fix fails at once naming the cause; a refused connection is tried a couple of times,
/// quickly; a token endpoint found unreachable is not asked again by every later call.
/// </summary>
/// <remarks>
/// The retry back-off is set to 20 s, so a failure that is retried the usual way takes far longer than the bounds
/// asserted here (which leave room for a loaded machine); attempts are counted where a socket can count them.
/// </remarks>
public sealed class UnreachableServiceTests
{
    private const string NexudusPassword = "N3xudus-Pa55!";
    private const string SaltoPassword = "Salt0-Pa55!";
    private const string SaltoSecret = "salto-client-S3cret";
    private static readonly TimeSpan LongBackOff = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(12);

    [Fact]
    public async Task NexudusGetBusinessAsync_HostNotResolved_FailsAtOnceNamingTheHost()
    {
        await using var services = Nexudus(new Uri("https://nosuchhost.invalid"));
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<NexudusApiException>(() => services.GetRequiredService<INexudusClient>().GetBusinessAsync(1));

        Assert.True(clock.Elapsed < Bound, $"took {clock.Elapsed}");
        Assert.Contains("could not resolve host nosuchhost.invalid", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(NexudusPassword, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NexudusGetBusinessAsync_CertificateRejected_FailsAfterOneHandshakeNamingTls()
    {
        using var tls = new SelfSignedTlsListener();
        await using var services = Nexudus(new Uri($"https://127.0.0.1:{tls.Port}"));
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<NexudusApiException>(() => services.GetRequiredService<INexudusClient>().GetBusinessAsync(1));

        Assert.True(clock.Elapsed < Bound, $"took {clock.Elapsed}");
        Assert.Contains($"TLS certificate rejected for 127.0.0.1:{tls.Port}", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, tls.Handshakes);
        Assert.DoesNotContain(NexudusPassword, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NexudusGetBusinessAsync_ConnectionRefused_TriesThreeTimesThenNamesIt()
    {
        var port = ClosedLoopbackPort();
        var attempts = 0;
        await using var services = Nexudus(new Uri($"http://127.0.0.1:{port}"), () => Interlocked.Increment(ref attempts));
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<NexudusApiException>(() => services.GetRequiredService<INexudusClient>().GetBusinessAsync(1));

        Assert.True(clock.Elapsed < Bound, $"took {clock.Elapsed}");
        Assert.Contains($"connection refused by 127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task NexudusReads_TokenEndpointRefused_LaterReadsFailAtOnceWithoutAskingAgain()
    {
        var port = ClosedLoopbackPort();
        var attempts = 0;
        await using var services = Nexudus(new Uri($"http://127.0.0.1:{port}"), () => Interlocked.Increment(ref attempts));
        var client = services.GetRequiredService<INexudusClient>();
        await Assert.ThrowsAsync<NexudusApiException>(() => client.GetBusinessAsync(1));
        var afterFirst = attempts;
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < 10; i++)
        {
            var error = await Assert.ThrowsAsync<NexudusApiException>(() => client.GetBusinessAsync(2 + i));
            Assert.Contains("connection refused", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(afterFirst, attempts);
        Assert.True(clock.Elapsed < Bound, $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task SaltoGetSiteAsync_IdentityHostNotResolved_FailsAtOnceNamingTheHost()
    {
        await using var services = Salto(new Uri("https://nosuchhost.invalid"), new Uri("https://nosuchhost.invalid"));
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => services.GetRequiredService<ISaltoKsClient>().GetSiteAsync("site-1"));

        Assert.True(clock.Elapsed < Bound, $"took {clock.Elapsed}");
        Assert.Contains("could not resolve host nosuchhost.invalid", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SaltoPassword, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(SaltoSecret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaltoGetSiteAsync_CertificateRejected_FailsAfterOneHandshakeNamingTls()
    {
        using var tls = new SelfSignedTlsListener();
        var url = new Uri($"https://127.0.0.1:{tls.Port}");
        await using var services = Salto(url, url);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => services.GetRequiredService<ISaltoKsClient>().GetSiteAsync("site-1"));

        Assert.True(clock.Elapsed < Bound, $"took {clock.Elapsed}");
        Assert.Contains($"TLS certificate rejected for 127.0.0.1:{tls.Port}", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, tls.Handshakes);
    }

    [Fact]
    public async Task SaltoReads_IdentityServerRefused_TriesThreeTimesThenLaterReadsFailAtOnce()
    {
        var port = ClosedLoopbackPort();
        var attempts = 0;
        var url = new Uri($"http://127.0.0.1:{port}");
        await using var services = Salto(url, url, () => Interlocked.Increment(ref attempts));
        var client = services.GetRequiredService<ISaltoKsClient>();
        var clock = Stopwatch.StartNew();

        var first = await Assert.ThrowsAnyAsync<Exception>(() => client.GetSiteAsync("site-1"));
        Assert.Contains($"connection refused by 127.0.0.1:{port}", first.Message, StringComparison.Ordinal);
        Assert.Equal(3, attempts);
        for (var i = 0; i < 10; i++)
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(() => client.GetSiteAsync("site-1"));
            Assert.Contains("connection refused", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(3, attempts);
        Assert.True(clock.Elapsed < Bound, $"took {clock.Elapsed}");
    }

    private static ServiceProvider Nexudus(Uri baseUrl, Action? onConnect = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddNexudusClient(o =>
        {
            o.BaseUrl = baseUrl;
            o.Username = "operator@example.com";
            o.Password = NexudusPassword;
            o.RetryBaseDelay = LongBackOff;
        }).ConfigurePrimaryHttpMessageHandler(() => Handler(onConnect));
        services.AddHttpClient("Nexudus.Salto.NexudusToken").ConfigurePrimaryHttpMessageHandler(() => Handler(onConnect));
        return services.BuildServiceProvider();
    }

    private static ServiceProvider Salto(Uri baseUrl, Uri identityUrl, Action? onConnect = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSaltoKsClient(o =>
        {
            o.BaseUrl = baseUrl;
            o.IdentityUrl = identityUrl;
            o.ClientId = "nexudus-sync";
            o.ClientSecret = SaltoSecret;
            o.Username = "integration@example.com";
            o.Password = SaltoPassword;
            o.RetryBaseDelay = LongBackOff;
        }).ConfigurePrimaryHttpMessageHandler(() => Handler(onConnect));
        services.AddHttpClient(SaltoKsHttpClientNames.Identity).ConfigurePrimaryHttpMessageHandler(() => Handler(onConnect));
        return services.BuildServiceProvider();
    }

    // The platform's handler (real DNS, real TLS validation), counting connection attempts.
    private static SocketsHttpHandler Handler(Action? onConnect) => new()
    {
        AllowAutoRedirect = false,
        ConnectCallback = async (context, cancellationToken) =>
        {
            onConnect?.Invoke();
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    private static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>A TLS server on loopback with a self-signed certificate no client trusts; counts handshakes.</summary>
    private sealed class SelfSignedTlsListener : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly X509Certificate2 _certificate;
        private readonly CancellationTokenSource _stop = new();
        private int _handshakes;

        public SelfSignedTlsListener()
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
            using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            _certificate = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            _ = AcceptAsync();
        }

        public int Port { get; }

        public int Handshakes => Volatile.Read(ref _handshakes);

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            _certificate.Dispose();
            _stop.Dispose();
        }

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(_stop.Token);
                }
                catch (Exception) when (_stop.IsCancellationRequested)
                {
                    return;
                }
                catch (SocketException)
                {
                    return;
                }

                Interlocked.Increment(ref _handshakes);
                _ = ServeAsync(client);
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            using (client)
            {
                try
                {
                    await using var tls = new SslStream(client.GetStream());
                    await tls.AuthenticateAsServerAsync(_certificate);
                }
                catch (Exception)
                {
                    // The client rejects the certificate and drops the connection: that is the point.
                }
            }
        }
    }
}
